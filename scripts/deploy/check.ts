/**
 * `npm run deploy -- --check`: proves a live environment is what the manifest says. Each function
 * answers its health event with the code it runs; each declared index exists as declared; each
 * unique index refuses a second document with the same key (two scratch documents, removed after).
 */
import type { DeployManifest, IndexSpec } from './manifest';
import type { CheckTarget } from './target';

export interface CheckLine {
  ok: boolean;
  text: string;
}

/** The event every function answers without a caller (server/kernel/health.ts). */
export const HEALTH_EVENT = { action: 'health' } as const;

interface HealthReply {
  ok: boolean;
  data?: { function?: string; codeHash?: string | null; node?: string };
}

const SCRATCH_MARK = '__deploy_check__';

function keysText(index: IndexSpec): string {
  return index.keys.map(([field, direction]) => `${field}:${direction}`).join(',');
}

async function checkFunction(target: CheckTarget, fn: DeployManifest['functions'][number]): Promise<CheckLine[]> {
  const facts = await target.describeFunction(fn.name);
  if (!facts) return [{ ok: false, text: `云函数 ${fn.name} 不存在 / function missing` }];
  const lines: CheckLine[] = [
    {
      ok: facts.timeout === fn.timeout && facts.runtime === fn.runtime,
      text: `云函数 ${fn.name}：超时 ${facts.timeout}s（应为 ${fn.timeout}s），运行时 ${facts.runtime}（应为 ${fn.runtime}）`,
    },
  ];
  let reply: HealthReply;
  try {
    reply = (await target.invoke(fn.name, HEALTH_EVENT)) as HealthReply;
  } catch (error) {
    return [...lines, { ok: false, text: `云函数 ${fn.name} 健康检查调用失败 / health call failed: ${(error as Error).message}` }];
  }
  const codeHash = reply.data?.codeHash ?? null;
  lines.push({
    ok: reply.ok && codeHash === fn.codeHash,
    text: reply.ok
      ? `云函数 ${fn.name} 健康检查通过，Node ${reply.data?.node ?? '?'}，代码${codeHash === fn.codeHash ? '与本地一致' : '与本地不一致 / code differs from this build'}`
      : `云函数 ${fn.name} 健康检查未通过 / health check failed`,
  });
  return lines;
}

/** Two scratch documents with the same key; the second must be refused. Every unique field of the collection is set, so a missing field (stored as null) cannot collide with real data instead. */
async function checkUnique(target: CheckTarget, collection: string, index: IndexSpec, uniqueFields: string[]): Promise<CheckLine> {
  const stamp = `${SCRATCH_MARK}${Date.now().toString(36)}`;
  const doc = (id: string) => ({
    _id: id,
    ...Object.fromEntries(uniqueFields.map((field) => [field, index.keys.some(([key]) => key === field) ? stamp : `${stamp}-${id}`])),
  });
  const first = `${stamp}-a`;
  const second = `${stamp}-b`;
  try {
    await target.insert(collection, doc(first));
    const outcome = await target.insert(collection, doc(second));
    if (outcome === 'inserted') await target.remove(collection, second);
    return {
      ok: outcome === 'duplicate',
      text: `唯一索引 ${collection}.${index.name} ${outcome === 'duplicate' ? '拒绝了重复文档' : '没有拒绝重复文档 / accepted a duplicate'}`,
    };
  } finally {
    await target.remove(collection, first);
  }
}

export async function runChecks(manifest: DeployManifest, target: CheckTarget): Promise<CheckLine[]> {
  const lines: CheckLine[] = [];
  for (const fn of manifest.functions) lines.push(...(await checkFunction(target, fn)));
  for (const collection of manifest.collections) {
    const deployed = await target.listIndexes(collection.name);
    if (!deployed) {
      lines.push({ ok: false, text: `集合 ${collection.name} 不存在 / collection missing` });
      continue;
    }
    for (const index of collection.indexes) {
      const found = deployed.find((candidate) => candidate.name === index.name);
      const same = found !== undefined && found.unique === index.unique && keysText(found) === keysText(index);
      lines.push({
        ok: same,
        text: `索引 ${collection.name}.${index.name} ${same ? '存在且一致' : found ? '与声明不一致 / differs' : '缺失 / missing'}`,
      });
    }
    const uniqueFields = [
      ...new Set(collection.indexes.filter((index) => index.unique).flatMap((index) => index.keys.map(([field]) => field))),
    ];
    for (const index of collection.indexes.filter((candidate) => candidate.unique)) {
      lines.push(await checkUnique(target, collection.name, index, uniqueFields));
    }
  }
  return lines;
}
