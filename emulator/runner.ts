/**
 * Runs the real cloud-function entry points in this process, one invocation at a time.
 * getWXContext() reads process-global WX_* variables, so invocations must not interleave —
 * CloudBase, too, gives one instance one request at a time.
 */
import type { Result } from '../types/result';
import type { FunctionName } from '../types/contracts';
import type { DbRequestRecord, DocumentStore } from './engine/store';

export type FunctionMain = (event: unknown, context?: unknown) => Promise<Result<unknown>>;
export type FunctionLoader = (name: FunctionName) => FunctionMain;

export const LOCAL_APPID = 'wx-hongtu-local';

export interface Invocation {
  result: Result<unknown>;
  requests: DbRequestRecord[];
  ms: number;
}

export class FunctionRunner {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly mains = new Map<FunctionName, FunctionMain>();

  constructor(
    private readonly store: DocumentStore,
    private readonly load: FunctionLoader,
  ) {}

  invoke(name: FunctionName, event: unknown, caller: { openid: string | undefined }): Promise<Invocation> {
    const run = this.queue.then(() => this.invokeNow(name, event, caller));
    // A failed invocation must not wedge the queue for the next caller.
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async invokeNow(name: FunctionName, event: unknown, caller: { openid: string | undefined }): Promise<Invocation> {
    const main = this.mainOf(name);
    setWxContext(caller.openid);
    const started = performance.now();
    try {
      const { result, requests } = await this.store.record(() => main(event, {}));
      return { result, requests, ms: performance.now() - started };
    } finally {
      setWxContext(undefined);
    }
  }

  private mainOf(name: FunctionName): FunctionMain {
    let main = this.mains.get(name);
    if (!main) {
      main = this.load(name);
      this.mains.set(name, main);
    }
    return main;
  }
}

function setWxContext(openid: string | undefined): void {
  process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID,WX_ENV,WX_SOURCE';
  process.env.WX_APPID = LOCAL_APPID;
  process.env.WX_ENV = 'local';
  process.env.WX_SOURCE = 'wx_client';
  if (openid === undefined) delete process.env.WX_OPENID;
  else process.env.WX_OPENID = openid;
}

const FUNCTIONS_DIR = `${__dirname}/../cloudfunctions`;

/** What CloudBase deploys: the esbuild bundle (npm start, e2e). */
export const loadBundle: FunctionLoader = (name) =>
  (require(`${FUNCTIONS_DIR}/${name}/index.js`) as { main: FunctionMain }).main;

/** The same entry point from source, for in-process tests without a build step. */
export const loadSource: FunctionLoader = (name) =>
  (require(`${FUNCTIONS_DIR}/${name}/index.ts`) as { main: FunctionMain }).main;
