/**
 * The first calls a cold-start sample makes once the bundle is loaded (coldStartProbe.ts): the
 * function's everyday read, then — where the function has one — its first spreadsheet action,
 * which is where exceljs now loads. They run through the emulator against the demo seed.
 */
import { createLocalEnvironment } from '../../../emulator/local';
import { timerEvent, type FunctionMain } from '../../../emulator/runner';
import { SEED_ACTIVITY_ID, seedStore } from '../../../emulator/seed';
import type { ActionName, FunctionName } from '../../../types/contracts';
import { TIMER_FUNCTIONS, type TimerFunctionName } from '../../../types/contracts/cron';

/** Libraries too slow to load on every cold start; a bundle that loads one at start-up fails the bench. */
export const HEAVY_MODULES = ['exceljs'] as const;

export interface ColdCallTiming {
  label: string;
  action: string;
  ms: number;
}

export interface ColdStartSample {
  /** wx-server-sdk, which every bundle requires first and CloudBase installs beside it. */
  sdkMs: number;
  /** The bundle itself, after the SDK, until `main` is exported. */
  bundleMs: number;
  /** HEAVY_MODULES that were loaded by the time `main` was exported. */
  heavyAtLoad: string[];
  calls: ColdCallTiming[];
}

interface ColdCall<F extends FunctionName> {
  label: string;
  action: ActionName<F>;
  openid: string;
  /** Only the id of a seeded document, so a contract change hardly ever turns a sample into INVALID_INPUT. */
  input?: { id: string };
}

/** Input-less where the action allows; one that needs a document names a seeded one. */
const COLD_CALLS: { [F in FunctionName]: ColdCall<F>[] } = {
  activity: [
    { label: 'first call', action: 'list', openid: 'demo-member' },
    { label: 'first spreadsheet call', action: 'exportAttendees', openid: 'demo-admin', input: { id: SEED_ACTIVITY_ID } },
  ],
  member: [
    { label: 'first call', action: 'me', openid: 'demo-member' },
    { label: 'first spreadsheet call', action: 'rosterTemplate', openid: 'demo-admin' },
  ],
  quiz: [
    { label: 'first call', action: 'contests', openid: 'demo-member' },
    { label: 'first spreadsheet call', action: 'bankTemplate', openid: 'demo-admin' },
  ],
  checkin: [{ label: 'first call', action: 'bases', openid: 'demo-member' }],
  story: [{ label: 'first call', action: 'feed', openid: 'demo-member' }],
  stats: [{ label: 'first call', action: 'myProgress', openid: 'demo-member' }],
};

function isFunctionName(name: string): name is FunctionName {
  return Object.hasOwn(COLD_CALLS, name);
}

function isTimerFunction(name: string): name is TimerFunctionName {
  return (TIMER_FUNCTIONS as readonly string[]).includes(name);
}

/** A timer-started function's first call is one run, as its trigger starts it (against the demo seed: little to do). */
async function firstTick(env: ReturnType<typeof createLocalEnvironment>, name: TimerFunctionName): Promise<ColdCallTiming> {
  const { result, ms } = await env.runner.invoke(name, timerEvent(new Date()), { openid: undefined });
  if (!result.ok) throw new Error(`${name} tick failed: ${JSON.stringify(result.error)}`);
  return { label: 'first run', action: `${name}.tick`, ms };
}

export async function firstCalls(name: string, main: FunctionMain): Promise<ColdCallTiming[]> {
  if (!isFunctionName(name) && !isTimerFunction(name)) throw new Error(`no cold-start calls for function ${name}: add them to COLD_CALLS`);
  const env = createLocalEnvironment({ load: () => main });
  seedStore(env.store, new Date());
  if (isTimerFunction(name)) {
    const tick = await firstTick(env, name);
    env.store.close();
    return [tick];
  }
  const timings: ColdCallTiming[] = [];
  for (const call of COLD_CALLS[name] as ColdCall<FunctionName>[]) {
    const { result, ms } = await env.runner.invoke(name, { action: call.action, input: call.input ?? {} }, { openid: call.openid });
    if (!result.ok) throw new Error(`${name}.${call.action} as ${call.openid} failed: ${JSON.stringify(result.error)}`);
    timings.push({ label: call.label, action: `${name}.${call.action}`, ms });
  }
  env.store.close();
  return timings;
}
