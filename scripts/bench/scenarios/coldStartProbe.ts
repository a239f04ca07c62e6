/**
 * One cold-start sample. coldStart.ts strips the types with esbuild and runs this in a fresh `node`
 * process without any loader, so the timed part is what a new CloudBase instance does: load the
 * SDK the bundle requires, then the bundle until `main` is exported. Only after that does it
 * register tsx and start the emulator (untimed) to make the function's first calls.
 * argv: <repo root> <function name>. Prints one JSON line, a ColdStartSample.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ColdStartSample } from './coldStartCalls';

async function sample(root: string, name: string): Promise<ColdStartSample> {
  const bundle = join(root, 'cloudfunctions', name, 'index.js');
  const requireFromBundle = createRequire(bundle);
  const started = performance.now();
  requireFromBundle('wx-server-sdk');
  const sdkLoaded = performance.now();
  const { main } = requireFromBundle(bundle) as { main: unknown };
  const loaded = performance.now();
  if (typeof main !== 'function') throw new Error(`cloudfunctions/${name}/index.js does not export main`);
  const modulesAtLoad = Object.keys(requireFromBundle.cache);

  const requireFromRoot = createRequire(join(root, 'package.json'));
  (requireFromRoot('tsx/cjs/api') as typeof import('tsx/cjs/api')).register();
  const calls = requireFromRoot('./scripts/bench/scenarios/coldStartCalls.ts') as typeof import('./coldStartCalls');
  return {
    sdkMs: sdkLoaded - started,
    bundleMs: loaded - sdkLoaded,
    heavyAtLoad: calls.HEAVY_MODULES.filter((module) => modulesAtLoad.some((path) => path.includes(`/node_modules/${module}/`))),
    calls: await calls.firstCalls(name, main as Parameters<typeof calls.firstCalls>[1]),
  };
}

const [root, name] = process.argv.slice(1);
if (root === undefined || name === undefined) throw new Error('usage: node -e <probe> <repo root> <function name>');
sample(root, name).then(
  (result) => console.log(JSON.stringify(result)),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
