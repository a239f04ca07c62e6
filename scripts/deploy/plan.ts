/**
 * The difference between what the manifest asks for and what the environment has, as the steps that
 * close it — nothing when they agree, which is what makes a second `npm run deploy` change nothing.
 * Pure: the deployed state is read by the target (scripts/deploy/target.ts) and passed in.
 */
import {
  CODE_HASH_VARIABLE,
  type CollectionSpec,
  type DeployManifest,
  type FunctionSpec,
  type IndexSpec,
  type TriggerSpec,
} from './manifest';

export interface DeployedFunction {
  timeout: number;
  runtime: string;
  envVariables: Record<string, string>;
  triggers: TriggerSpec[];
}

/** What the environment holds, as far as a deployment is concerned. */
export interface DeployedState {
  collections: Record<string, { permission: string | null; indexes: IndexSpec[] }>;
  functions: Record<string, DeployedFunction>;
  /** The last weapp upload this tool made (kept in the environment's storage). */
  weapp: { version: string; codeHash: string } | null;
  /** The first-admin code: none issued yet, issued and waiting, or used. */
  bootstrap: 'absent' | 'issued' | 'spent';
}

export type DeployStep =
  | { kind: 'createCollection'; collection: string }
  | { kind: 'setPermission'; collection: string; permission: string }
  | { kind: 'createIndex'; collection: string; index: IndexSpec; replaces: boolean }
  | { kind: 'createFunction'; fn: FunctionSpec }
  | { kind: 'uploadFunction'; fn: FunctionSpec; reason: 'new' | 'code' }
  | { kind: 'configureFunction'; fn: FunctionSpec; changed: string[] }
  | { kind: 'setTriggers'; fn: FunctionSpec }
  | { kind: 'issueBootstrapCode' }
  | { kind: 'uploadWeapp'; version: string; description: string; codeHash: string | null };

export interface DeployPlan {
  steps: DeployStep[];
  /** Things the plan leaves alone on purpose but the operator should know (e.g. an index nobody declared). */
  notes: string[];
}

function sameIndex(a: IndexSpec, b: IndexSpec): boolean {
  return a.unique === b.unique && JSON.stringify(a.keys) === JSON.stringify(b.keys);
}

function collectionSteps(
  wanted: CollectionSpec,
  deployed: DeployedState['collections'][string] | undefined,
  notes: string[],
): DeployStep[] {
  const steps: DeployStep[] = [];
  if (!deployed) steps.push({ kind: 'createCollection', collection: wanted.name });
  if (deployed?.permission !== wanted.permission)
    steps.push({ kind: 'setPermission', collection: wanted.name, permission: wanted.permission });
  for (const index of wanted.indexes) {
    const existing = deployed?.indexes.find((candidate) => candidate.name === index.name);
    if (!existing || !sameIndex(existing, index))
      steps.push({ kind: 'createIndex', collection: wanted.name, index, replaces: existing !== undefined });
  }
  for (const extra of deployed?.indexes ?? []) {
    if (extra.name !== '_id_' && !wanted.indexes.some((index) => index.name === extra.name)) {
      notes.push(`集合 ${wanted.name} 有未声明的索引 ${extra.name}（保留未动）/ undeclared index kept`);
    }
  }
  return steps;
}

/**
 * The names of settings that differ; a secret's name is listed, never its value. The runtime is not
 * among them: CloudBase fixes it when a function is created (UpdateFunctionConfiguration cannot change it).
 */
function changedSettings(wanted: FunctionSpec, deployed: DeployedFunction): string[] {
  const changed: string[] = [];
  if (deployed.timeout !== wanted.timeout) changed.push(`timeout ${deployed.timeout}s → ${wanted.timeout}s`);
  const names = new Set([...Object.keys(wanted.envVariables), ...Object.keys(deployed.envVariables)]);
  for (const name of [...names].sort()) if (wanted.envVariables[name] !== deployed.envVariables[name]) changed.push(`env ${name}`);
  return changed;
}

function sameTriggers(a: TriggerSpec[], b: TriggerSpec[]): boolean {
  const key = (triggers: TriggerSpec[]) => JSON.stringify([...triggers].sort((x, y) => x.name.localeCompare(y.name)));
  return key(a) === key(b);
}

/**
 * Collections and indexes first (a function must never run before its unique indexes exist), then
 * each function's code, settings and triggers, then the first-admin code, then the mini-program.
 */
export function planDeploy(manifest: DeployManifest, state: DeployedState): DeployPlan {
  const notes: string[] = [];
  const steps: DeployStep[] = manifest.collections.flatMap((collection) =>
    collectionSteps(collection, state.collections[collection.name], notes),
  );
  for (const fn of manifest.functions) {
    const deployed = state.functions[fn.name];
    if (!deployed) {
      // Created with its runtime and settings, then uploaded with WeChat's own tool, which reads config.json's openapi permissions.
      steps.push({ kind: 'createFunction', fn }, { kind: 'uploadFunction', fn, reason: 'new' });
      if (fn.triggers.length > 0) steps.push({ kind: 'setTriggers', fn });
      continue;
    }
    if (deployed.runtime !== fn.runtime) {
      notes.push(
        `云函数 ${fn.name} 的运行时是 ${deployed.runtime}，声明的是 ${fn.runtime}：运行时只能在创建时指定，请在控制台删除该函数后重新部署 / runtime is fixed at creation`,
      );
    }
    if (deployed.envVariables[CODE_HASH_VARIABLE] !== fn.codeHash) steps.push({ kind: 'uploadFunction', fn, reason: 'code' });
    const changed = changedSettings(fn, deployed);
    if (changed.length > 0) steps.push({ kind: 'configureFunction', fn, changed });
    if (!sameTriggers(fn.triggers, deployed.triggers)) steps.push({ kind: 'setTriggers', fn });
  }
  if (state.bootstrap === 'absent') steps.push({ kind: 'issueBootstrapCode' });
  const { weapp } = manifest;
  if (weapp.codeHash === null || state.weapp?.codeHash !== weapp.codeHash) {
    steps.push({ kind: 'uploadWeapp', version: weapp.version, description: weapp.description, codeHash: weapp.codeHash });
  }
  return { steps, notes };
}

function indexText(index: IndexSpec): string {
  const keys = index.keys.map(([field, direction]) => `${field}:${direction}`).join(', ');
  return `${index.name} {${keys}}${index.unique ? ' 唯一/unique' : ''}`;
}

/** One line per step for the log and the dry run; never a secret's value. */
export function describeStep(step: DeployStep): string {
  switch (step.kind) {
    case 'createCollection':
      return `创建集合 / create collection ${step.collection}`;
    case 'setPermission':
      return `设置集合权限 / set permission ${step.collection} → ${step.permission}（仅管理端可读写）`;
    case 'createIndex':
      return `${step.replaces ? '重建' : '创建'}索引 / ${step.replaces ? 'rebuild' : 'create'} index ${step.collection}.${indexText(step.index)}`;
    case 'createFunction':
      return `创建云函数 / create function ${step.fn.name}: ${step.fn.runtime}, timeout ${step.fn.timeout}s`;
    case 'uploadFunction':
      return `上传云函数 / upload function ${step.fn.name}（${step.reason === 'new' ? '新建 / new' : '代码有变化 / code changed'}；openapi: ${step.fn.openapi.join(', ') || '无'}）`;
    case 'configureFunction':
      return `配置云函数 / configure ${step.fn.name}: timeout ${step.fn.timeout}s, ${step.fn.runtime}（${step.changed.join('; ')}）`;
    case 'setTriggers':
      return `设置触发器 / set triggers ${step.fn.name}: ${step.fn.triggers.map((trigger) => `${trigger.name} ${trigger.config}`).join(', ')}`;
    case 'issueBootstrapCode':
      return '发放首位管理员的一次性引导码 / issue the one-time first-admin code';
    case 'uploadWeapp':
      return `上传小程序 / upload mini-program ${step.version}「${step.description}」`;
  }
}
