/**
 * A recorded cloud environment for the deploy tests: it holds what a real one would after each step
 * (collections, indexes, permissions, function settings, the first-admin code, the last weapp
 * upload), so a plan can be applied, re-planned and checked without a network.
 */
import type { IndexSpec } from '../../scripts/deploy/manifest';
import type { DeployedState, DeployStep } from '../../scripts/deploy/plan';
import type { CheckTarget, DeployTarget } from '../../scripts/deploy/target';

export interface RecordedEnvironment extends DeployTarget, CheckTarget {
  state: DeployedState;
  applied: DeployStep[];
  /** Documents inserted by `--check`, by collection; what is left after a check is a leak. */
  documents: Map<string, Map<string, Record<string, unknown>>>;
  bootstrapCodeHash: string | null;
  /** Make a unique index accept duplicates, as a missed index would. */
  breakUniqueIndex(collection: string, index: string): void;
}

export function recordedEnvironment(initial?: DeployedState): RecordedEnvironment {
  const state: DeployedState = initial ?? { collections: {}, functions: {}, weapp: null, bootstrap: 'absent' };
  const documents = new Map<string, Map<string, Record<string, unknown>>>();
  const broken = new Set<string>();

  const environment: RecordedEnvironment = {
    state,
    applied: [],
    documents,
    bootstrapCodeHash: null,
    breakUniqueIndex(collection, index) {
      broken.add(`${collection}.${index}`);
    },
    async readState() {
      return structuredClone(state);
    },
    async apply(step, context) {
      environment.applied.push(step);
      switch (step.kind) {
        case 'createCollection':
          state.collections[step.collection] = { permission: null, indexes: [] };
          return;
        case 'setPermission':
          (state.collections[step.collection] ??= { permission: null, indexes: [] }).permission = step.permission;
          return;
        case 'createIndex': {
          const collection = state.collections[step.collection];
          if (!collection) throw new Error(`collection ${step.collection} does not exist`);
          collection.indexes = [...collection.indexes.filter((index) => index.name !== step.index.name), structuredClone(step.index)];
          return;
        }
        case 'createFunction':
          state.functions[step.fn.name] = {
            timeout: step.fn.timeout,
            runtime: step.fn.runtime,
            envVariables: { ...step.fn.envVariables },
            triggers: [],
          };
          return;
        case 'uploadFunction':
          if (!state.functions[step.fn.name]) throw new Error(`function ${step.fn.name} was not created`);
          return;
        case 'configureFunction': {
          const fn = state.functions[step.fn.name];
          if (!fn) throw new Error(`function ${step.fn.name} was not uploaded`);
          Object.assign(fn, { timeout: step.fn.timeout, runtime: step.fn.runtime, envVariables: { ...step.fn.envVariables } });
          return;
        }
        case 'setTriggers': {
          const fn = state.functions[step.fn.name];
          if (!fn) throw new Error(`function ${step.fn.name} was not uploaded`);
          fn.triggers = structuredClone(step.fn.triggers);
          return;
        }
        case 'issueBootstrapCode':
          environment.bootstrapCodeHash = context.bootstrapCodeHash ?? null;
          state.bootstrap = 'issued';
          return;
        case 'uploadWeapp':
          state.weapp = step.codeHash === null ? null : { version: step.version, codeHash: step.codeHash };
          return;
      }
    },
    async invoke(fn) {
      const deployed = state.functions[fn];
      if (!deployed) throw new Error(`function ${fn} does not exist`);
      return { ok: true, data: { function: fn, codeHash: deployed.envVariables['HONGTU_CODE_HASH'] ?? null, node: 'v20.19.0' } };
    },
    async describeFunction(fn) {
      const deployed = state.functions[fn];
      return deployed ? { timeout: deployed.timeout, runtime: deployed.runtime } : null;
    },
    async listIndexes(collection) {
      return state.collections[collection]?.indexes.map((index: IndexSpec) => structuredClone(index)) ?? null;
    },
    async insert(collection, doc) {
      const stored = documents.get(collection) ?? new Map<string, Record<string, unknown>>();
      documents.set(collection, stored);
      const uniqueIndexes = (state.collections[collection]?.indexes ?? []).filter(
        (index) => index.unique && !broken.has(`${collection}.${index.name}`),
      );
      const keyOf = (candidate: Record<string, unknown>, index: IndexSpec) =>
        JSON.stringify(index.keys.map(([field]) => candidate[field] ?? null));
      const clash = [...stored.values()].some((existing) => uniqueIndexes.some((index) => keyOf(existing, index) === keyOf(doc, index)));
      if (clash) return 'duplicate';
      stored.set(String(doc['_id']), doc);
      return 'inserted';
    },
    async remove(collection, id) {
      documents.get(collection)?.delete(id);
    },
  };
  return environment;
}
