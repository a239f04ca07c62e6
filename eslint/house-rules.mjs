/**
 * The layer rules of ARCHITECTURE.md ("Layers"), as lint rules. Imports are judged by the file they
 * resolve to, not by how the specifier is spelled, so `../../server/x` and `../server/x` are the same
 * import wherever they are written from.
 */
import { dirname, relative, resolve, sep } from 'node:path';

const REPO_ROOT = resolve(import.meta.dirname, '..');

/** Repo-relative path segments of a file, or null when it lies outside the repo. */
function repoSegments(absolutePath) {
  const path = relative(REPO_ROOT, absolutePath);
  if (path === '' || path.startsWith('..')) return null;
  return path.split(sep);
}

function isRelativeSpecifier(specifier) {
  return specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../');
}

/** Segments of the repo file a relative specifier points at, or null for packages and paths outside the repo. */
function targetSegments(filename, specifier) {
  if (!isRelativeSpecifier(specifier)) return null;
  return repoSegments(resolve(dirname(filename), specifier));
}

function isPackage(specifier, name) {
  return specifier === name || specifier.startsWith(`${name}/`);
}

/** Calls `check(specifier, node)` for every way a module can be pulled in: import, re-export, import(), require(), import type. */
function moduleSources(check) {
  const fromSource = (node) => {
    if (node.source && typeof node.source.value === 'string') check(node.source.value, node.source);
  };
  return {
    ImportDeclaration: fromSource,
    ExportNamedDeclaration: fromSource,
    ExportAllDeclaration: fromSource,
    ImportExpression: fromSource,
    CallExpression(node) {
      const [argument] = node.arguments;
      if (
        node.callee.type === 'Identifier' &&
        node.callee.name === 'require' &&
        argument?.type === 'Literal' &&
        typeof argument.value === 'string'
      ) {
        check(argument.value, argument);
      }
    },
    TSImportType: fromSource,
    TSExternalModuleReference(node) {
      if (node.expression.type === 'Literal' && typeof node.expression.value === 'string') check(node.expression.value, node.expression);
    },
  };
}

const layerImports = {
  meta: {
    type: 'problem',
    docs: { description: 'A layer imports nothing from the folders and packages listed as beneath or beside it.' },
    schema: [
      {
        type: 'object',
        properties: {
          folders: { type: 'array', items: { type: 'string' } },
          packages: { type: 'array', items: { type: 'string' } },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      folder: '{{layer}}/ must not import from {{target}}/ (ARCHITECTURE.md, "Layers").',
      package: '{{layer}}/ must not import {{target}} (ARCHITECTURE.md, "Layers").',
    },
  },
  create(context) {
    const { folders = [], packages = [] } = context.options[0] ?? {};
    const layer = repoSegments(context.filename)?.[0];
    if (!layer) return {};
    return moduleSources((specifier, node) => {
      const target = targetSegments(context.filename, specifier)?.[0];
      if (target && folders.includes(target)) {
        context.report({ node, messageId: 'folder', data: { layer, target } });
        return;
      }
      const forbiddenPackage = packages.find((name) => isPackage(specifier, name));
      if (forbiddenPackage) context.report({ node, messageId: 'package', data: { layer, target: forbiddenPackage } });
    });
  },
};

const noCrossFunctionImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Each cloud function is deployed alone, so one never imports another; shared code lives in server/ or core/.' },
    schema: [],
    messages: {
      crossFunction:
        'cloudfunctions/{{from}}/ must not import from cloudfunctions/{{to}}/: each function is deployed alone; move shared code to server/ or core/ (ARCHITECTURE.md, "Layers").',
    },
  },
  create(context) {
    const [top, from] = repoSegments(context.filename) ?? [];
    if (top !== 'cloudfunctions' || !from) return {};
    return moduleSources((specifier, node) => {
      const [targetTop, to] = targetSegments(context.filename, specifier) ?? [];
      if (targetTop === 'cloudfunctions' && to && to !== from) context.report({ node, messageId: 'crossFunction', data: { from, to } });
    });
  },
};

/** True when an import brings in no value: `import type { … }`, or only `type`-marked specifiers. */
function importsTypesOnly(node) {
  if (node.importKind === 'type') return true;
  return node.specifiers.length > 0 && node.specifiers.every((specifier) => specifier.importKind === 'type');
}

const typeOnlyContracts = {
  meta: {
    type: 'problem',
    docs: { description: 'The app imports only types from types/contracts: a value import bundles zod into the mini-program.' },
    schema: [],
    messages: {
      valueImport:
        'src/ imports only types from types/contracts (a value import bundles zod, ~90 KB): move the constant to types/labels.ts (ARCHITECTURE.md, "Layers").',
    },
  },
  create(context) {
    return {
      ImportDeclaration(node) {
        const [top, folder] = targetSegments(context.filename, node.source.value) ?? [];
        if (top === 'types' && folder?.startsWith('contracts') && !importsTypesOnly(node))
          context.report({ node, messageId: 'valueImport' });
      },
    };
  },
};

/** wx-server-sdk update commands (`_.inc(1)` with `const _ = db.command`). */
const UPDATE_COMMANDS = new Set([
  'inc',
  'mul',
  'set',
  'remove',
  'push',
  'pop',
  'shift',
  'unshift',
  'pull',
  'pullAll',
  'addToSet',
  'min',
  'max',
  'rename',
]);

function propertyName(member) {
  return !member.computed && member.property.type === 'Identifier' ? member.property.name : undefined;
}

const dbAccessInRepositories = {
  meta: {
    type: 'problem',
    docs: { description: 'Only repositories reach the database: `.collection(`, `db.command` and update commands such as `_.inc`.' },
    schema: [],
    messages: {
      collection: 'Only repositories call .collection(): move this query into a repository (ARCHITECTURE.md, "Layers").',
      command: 'Only repositories use db.command: move this query or update into a repository (ARCHITECTURE.md, "Layers").',
      updateCommand:
        'Only repositories build update commands (_.{{name}}): move this update into a repository (ARCHITECTURE.md, "Layers").',
    },
  },
  create(context) {
    return {
      CallExpression(node) {
        if (node.callee.type !== 'MemberExpression') return;
        const name = propertyName(node.callee);
        if (name === 'collection') context.report({ node, messageId: 'collection' });
        else if (node.callee.object.type === 'Identifier' && node.callee.object.name === '_' && UPDATE_COMMANDS.has(name)) {
          context.report({ node, messageId: 'updateCommand', data: { name } });
        }
      },
      MemberExpression(node) {
        if (propertyName(node) === 'command') context.report({ node, messageId: 'command' });
      },
    };
  },
};

export default {
  meta: { name: 'hongtu-house-rules' },
  rules: {
    'layer-imports': layerImports,
    'no-cross-function-imports': noCrossFunctionImports,
    'db-access-in-repositories': dbAccessInRepositories,
    'type-only-contracts': typeOnlyContracts,
  },
};
