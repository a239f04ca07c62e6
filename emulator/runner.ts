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
  /** The platform's SOURCE (see InvocationContext); the gateway marks every call as a mini-program's. */
  source?: string;
}

export class FunctionRunner {
  private readonly mains = new Map<DeployedFunctionName, FunctionMain>();
  private readonly endListeners: ((label: string) => void)[] = [];
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
    const context = { label, openid: caller.openid, sent: 0, ...(caller.source === undefined ? {} : { source: caller.source }) };
    try {
      const { result, requests } = await runAsInvocation(context, () =>
        this.store.record(() => main(event, { request_id: `local-${label}` })),
      );
      return { result, requests, ms: performance.now() - started };
    } finally {
      for (const listener of this.endListeners) listener(label);
    }
  }

  /** Told each invocation's label once it has answered: what the platform does afterwards (a push) waits for that. */
  onInvocationEnd(listener: (label: string) => void): void {
    this.endListeners.push(listener);
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
 * its caller's OPENID, or, without a caller, what a timer trigger or a platform push gets (no OPENID
 * or APPID). A call through the gateway is a mini-program's even without an identity.
 */
function wxContext(): Record<string, string> {
  const invocation = currentInvocation();
  const openid = invocation?.openid;
  const source = invocation?.source ?? (openid === undefined ? 'wx_trigger' : 'wx_client');
  if (openid === undefined) return { ENV: 'local', SOURCE: source };
  return { OPENID: openid, APPID: LOCAL_APPID, ENV: 'local', SOURCE: source };
}

/** The event a timer trigger passes (Tencent SCF's timer event, which CloudBase triggers use). */
export function timerEvent(now: Date, triggerName = 'everyMinute'): Record<string, string> {
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
