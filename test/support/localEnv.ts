/**
 * In-process caller for function tests (the tRPC `createCaller` idea): the real entry points from
 * source, the official SDK, the emulator underneath, a fresh in-memory store per environment.
 */
import cloud from 'wx-server-sdk';
import type { ActionInput, ActionName, ActionOutput, FunctionName } from '../../types/contracts';
import type { Result } from '../../types/result';
import type { DbRequestRecord } from '../../emulator/engine/store';
import { createLocalEnvironment } from '../../emulator/local';
import { loadSource, type Caller } from '../../emulator/runner';
import { seedStore } from '../../emulator/seed';
import { initCloud } from '../../server/kernel/dispatch';

process.env.HONGTU_LOG = 'silent';
// Tests that talk to the database directly need what every function's index does first.
initCloud(cloud);

export interface Called<T> {
  result: Result<T>;
  requests: DbRequestRecord[];
}

export function createTestEnv(options: { seed?: boolean; now?: Date } = {}) {
  const env = createLocalEnvironment({ load: loadSource });
  if (options.seed !== false) seedStore(env.store, options.now ?? new Date());

  /** Calls as `openid`, or as a labelled caller that the scheduler and fault plan can single out. */
  async function call<F extends FunctionName, A extends ActionName<F>>(
    caller: string | undefined | Caller,
    name: F,
    action: A,
    input?: ActionInput<F, A> | Record<string, unknown>,
  ): Promise<Called<ActionOutput<F, A>>> {
    const as = typeof caller === 'object' ? caller : { openid: caller };
    const { result, requests } = await env.runner.invoke(name, { action, input }, as);
    return { result: result as Result<ActionOutput<F, A>>, requests };
  }

  /** Unwraps a success or fails the test with the error the function returned. */
  async function ok<F extends FunctionName, A extends ActionName<F>>(
    openid: string | undefined,
    name: F,
    action: A,
    input?: ActionInput<F, A>,
  ): Promise<ActionOutput<F, A>> {
    const { result } = await call(openid, name, action, input);
    if (!result.ok) throw new Error(`${name}.${action} failed: ${JSON.stringify(result.error)}`);
    return result.data;
  }

  /** Every document of every collection, to assert that a refused call wrote nothing. */
  async function snapshot(): Promise<Record<string, unknown[]>> {
    const db = cloud.database();
    const entries = await Promise.all(
      env.store.collectionNames().map(async (name) => {
        const reply = (await db.collection(name).limit(1000).get()) as { data: unknown[] };
        return [name, reply.data] as const;
      }),
    );
    return Object.fromEntries(entries);
  }

  /**
   * Delivers what the platform pushes back later (an image check's verdict, emulator/pushes.ts) and
   * waits for those invocations to finish: how a test lets WeChat answer, without sleeping.
   */
  function settlePushes(): Promise<number> {
    return env.pushes.settle();
  }

  return { ...env, call, ok, snapshot, settlePushes };
}

export type TestEnv = ReturnType<typeof createTestEnv>;
