/**
 * What every miniprogram-simulate test of a built page needs (DESIGN §7): Taro registers pages with
 * Page() and the app with App(), while miniprogram-simulate only knows Component().
 */
import path from 'node:path';

export const WEAPP_DIST = path.resolve(__dirname, '..', '..', 'dist', 'weapp');

/** Polls until `condition` holds, because Taro batches setData asynchronously after each React commit. */
export async function waitUntil(condition: () => boolean, description: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${description}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Maps the next Page() registration onto Component(), opened at `route` with `query`. */
export function shimPageOntoComponent(route: string, query: Record<string, string> = {}): void {
  const globals = globalThis as Record<string, unknown>;
  globals.Page = (options: Record<string, unknown>) => {
    const { data, ...rest } = options;
    const methods: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(rest)) {
      if (typeof value === 'function') methods[key] = value;
    }
    (globals.Component as (definition: unknown) => void)({
      data,
      methods,
      lifetimes: {
        attached(this: Record<string, (arg?: unknown) => void> & { route: string; options: unknown }) {
          this.route = route;
          this.options = query;
          this.onLoad?.(query);
          this.onShow?.();
        },
        ready(this: Record<string, () => void>) {
          this.onReady?.();
        },
        detached(this: Record<string, () => void>) {
          this.onUnload?.();
        },
      },
    });
  };
}

/** Runs the built app.js with App() captured, then fires the launch the way WeChat would. */
export function launchApp(launchPath: string, query: Record<string, string> = {}): void {
  const globals = globalThis as Record<string, unknown>;
  let appConfig: Record<string, (options: unknown) => void> | undefined;
  globals.App = (config: Record<string, (options: unknown) => void>) => {
    appConfig = config;
  };
  globals.getApp = () => appConfig;
  globals.getCurrentPages = () => [];
  require(path.join(WEAPP_DIST, 'app.js'));
  if (!appConfig) throw new Error('app.js did not call App()');
  const launchOptions = { path: launchPath, query, scene: 1001 };
  appConfig.onLaunch?.(launchOptions);
  appConfig.onShow?.(launchOptions);
}
