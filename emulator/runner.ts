/**
 * Runs the real cloud-function entry points in this process, as many at once as are called:
 * CloudBase runs one request per instance but many instances side by side, so concurrent
 * invocations here interleave at their DB requests (see emulator/interleaving.ts). Each
 * invocation has its own async context, which is where `cloud.getWXContext()` reads its caller
 * from — production reads process-wide `WX_*` variables, which only works with one request per process.
 */
import type { Result } from '../types/result';
import type { DeployedFunctionName } from '../types/contracts';
import type { DbRequestRecord, DocumentStore } from './engine/store';
import { currentInvocation, runAsInvocation } from './interleaving';
import { sdkCopies } from './platform';

export type FunctionMain = (event: unknown, context?: unknown) => Promise<Result<unknown>>;
export type FunctionLoader = (name: DeployedFunctionName) => FunctionMain;

export const LOCAL_APPID = 'wx-hongtu-local';

export interface Invocation {
  result: Result<unknown>;
  requests: DbRequestRecord[];
  ms: number;
}

export interface Caller {
  openid: string | undefined;
  /** Names the invocation for the scheduler and fault plan; a running number when omitted. */
  label?: string;
}

export class FunctionRunner {
  private readonly mains = new Map<DeployedFunctionName, FunctionMain>();
  private invocations = 0;

  constructor(
    private readonly store: DocumentStore,
    private readonly load: FunctionLoader,
  ) {
    installWxContext();
  }

  async invoke(name: DeployedFunctionName, event: unknown, caller: Caller): Promise<Invocation> {
    const main = this.mainOf(name);
    const label = caller.label ?? `#${++this.invocations}`;
    const started = performance.now();
    const { result, requests } = await runAsInvocation({ label, openid: caller.openid, sent: 0 }, () =>
      this.store.record(() => main(event, { request_id: `local-${label}` })),
    );
    return { result, requests, ms: performance.now() - started };
  }

  private mainOf(name: DeployedFunctionName): FunctionMain {
    let main = this.mains.get(name);
    if (!main) {
      main = this.load(name);
      this.mains.set(name, main);
    }
    return main;
  }
}

/**
 * What wx-server-sdk's getWXContext returns for the current invocation: a mini-program call with
 * its caller's OPENID, or, without a caller, what a timer trigger gets (no OPENID or APPID).
 */
function wxContext(): Record<string, string> {
  const openid = currentInvocation()?.openid;
  if (openid === undefined) return { ENV: 'local', SOURCE: 'wx_trigger' };
  return { OPENID: openid, APPID: LOCAL_APPID, ENV: 'local', SOURCE: 'wx_client' };
}

/** The event a timer trigger passes (Tencent SCF's timer event, which CloudBase triggers use). */
export function timerEvent(now: Date, triggerName = 'everyFiveMinutes'): Record<string, string> {
  return { Type: 'Timer', TriggerName: triggerName, Time: now.toISOString(), Message: '' };
}

function installWxContext(): void {
  for (const path of sdkCopies()) (require(path) as { getWXContext: unknown }).getWXContext = wxContext;
}

const FUNCTIONS_DIR = `${__dirname}/../cloudfunctions`;

/** What CloudBase deploys: the esbuild bundle (npm start, e2e). */
export const loadBundle: FunctionLoader = (name) => (require(`${FUNCTIONS_DIR}/${name}/index.js`) as { main: FunctionMain }).main;

/** The same entry point from source, for in-process tests without a build step. */
export const loadSource: FunctionLoader = (name) => (require(`${FUNCTIONS_DIR}/${name}/index.ts`) as { main: FunctionMain }).main;
