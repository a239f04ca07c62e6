/**
 * One fresh in-memory emulator per scenario size, the real functions loaded from source, and the
 * official SDK for naive comparators (they talk to the same store through the same seam).
 */
import cloud from 'wx-server-sdk';
import { createLocalEnvironment, type LocalEnvironment } from '../../emulator/local';
import { loadSource } from '../../emulator/runner';
import { initCloud } from '../../server/kernel/dispatch';
import type { Database } from '../../server/kernel/db';
import type { ActionInput, ActionName, ActionOutput, FunctionName } from '../../types/contracts';
import type { BenchOptions, Sample } from './types';

// BENCH_VERBOSE=1 keeps the functions' JSON logs (e.g. to see an unexpected_error).
if (process.env.BENCH_VERBOSE !== '1') process.env.HONGTU_LOG = 'silent';
initCloud(cloud);

export interface BenchEnv extends LocalEnvironment {
  /** Calls `name.action` as `openid` through the runner; throws when the function answers ok: false. */
  call<F extends FunctionName, A extends ActionName<F>>(
    openid: string,
    name: F,
    action: A,
    input: ActionInput<F, A>,
  ): Promise<Sample & { data: ActionOutput<F, A> }>;
  /** Runs a naive implementation against the SDK, recording its DB requests and wall time. */
  naive<T>(fn: (db: Database) => Promise<T>): Promise<Sample & { value: T }>;
}

/**
 * Calls per case for actions that take seconds (imports, exports): enough for a median and a
 * maximum to set a timeout from, few enough that the default run stays within minutes.
 */
export function slowSamples(options: BenchOptions): number {
  return Math.min(options.samples, 5);
}

/** Documents per insert: a 100k batch never sits in memory twice. */
const INSERT_SLICE = 10_000;

/** Writes `count` documents made by `make(index)` straight into the store, a slice at a time. */
export function insertSliced(env: BenchEnv, collection: string, count: number, make: (index: number) => object): void {
  for (let from = 0; from < count; from += INSERT_SLICE) {
    const batch: object[] = [];
    for (let index = from; index < Math.min(count, from + INSERT_SLICE); index += 1) batch.push(make(index));
    env.store.insertMany(collection, batch as Record<string, unknown>[]);
  }
}

export function createBenchEnv(): BenchEnv {
  const env = createLocalEnvironment({ load: loadSource });
  return {
    ...env,
    async call(openid, name, action, input) {
      const { result, requests, ms } = await env.runner.invoke(name, { action, input }, { openid });
      if (!result.ok) throw new Error(`${name}.${action} as ${openid} failed: ${JSON.stringify(result.error)}`);
      return { requests, ms, data: result.data as ActionOutput<typeof name, typeof action> };
    },
    async naive(fn) {
      const db = cloud.database();
      const started = performance.now();
      const { result, requests } = await env.store.record(() => fn(db));
      return { requests, ms: performance.now() - started, value: result };
    },
  };
}
