/**
 * Bundles each cloud function into cloudfunctions/<fn>/index.js (git-ignored), the file CloudBase
 * deploys and the local gateway loads. Declared dependencies stay external: CloudBase installs them from
 * the function's committed package.json; locally they resolve to the root copies (the SDK is the one the
 * emulator pins).
 */
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FUNCTIONS_DIR = join(__dirname, '..', 'cloudfunctions');
const PINNED_SDK = '4.0.2';
/**
 * Deploy the functions on CloudBase's Node.js 20.19 runtime (docs.cloudbase.net/cloud-function/runtime-support
 * lists 16.13 to 24.11): it is the Node the project develops and tests on (package.json engines).
 */
const CLOUDBASE_NODE_TARGET = 'node20.19';

export function functionNames(): string[] {
  return readdirSync(FUNCTIONS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(FUNCTIONS_DIR, entry.name, 'index.ts')))
    .map((entry) => entry.name)
    .sort();
}

/**
 * What a function's package.json declares, CloudBase installs next to it; those stay out of the bundle
 * (wx-server-sdk always, heavy libraries such as exceljs where a function needs them).
 */
function declaredDependencies(name: string): string[] {
  const manifest = JSON.parse(readFileSync(join(FUNCTIONS_DIR, name, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  if (manifest.dependencies?.['wx-server-sdk'] !== PINNED_SDK) {
    throw new Error(`cloudfunctions/${name}/package.json must pin wx-server-sdk ${PINNED_SDK}`);
  }
  return Object.keys(manifest.dependencies);
}

/** CloudBase's timeout for a function whose config.json sets none (ARCHITECTURE.md, "Budgets"). */
export const CLOUDBASE_DEFAULT_TIMEOUT_SECONDS = 3;

/** The timeout a function's config.json sets, in seconds; null when it leaves CloudBase's default. */
export function configuredTimeout(name: string): number | null {
  const config = JSON.parse(readFileSync(join(FUNCTIONS_DIR, name, 'config.json'), 'utf8')) as { timeout?: number };
  return config.timeout ?? null;
}

export async function buildFunctions(names = functionNames()): Promise<void> {
  await Promise.all(
    names.map(async (name) => {
      const external = declaredDependencies(name);
      const started = Date.now();
      const result = await build({
        entryPoints: [join(FUNCTIONS_DIR, name, 'index.ts')],
        outfile: join(FUNCTIONS_DIR, name, 'index.js'),
        bundle: true,
        platform: 'node',
        target: CLOUDBASE_NODE_TARGET,
        format: 'cjs',
        external,
        minifySyntax: true,
        legalComments: 'none',
        logLevel: 'warning',
        metafile: true,
      });
      const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
      console.log(`built ${name}: ${(bytes / 1024).toFixed(1)} KB in ${Date.now() - started} ms`);
    }),
  );
}

if (process.argv[1] === __filename) {
  buildFunctions().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
