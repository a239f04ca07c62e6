/**
 * What is uploaded, and its fingerprint: each function's bundle with its package.json and config.json
 * alone (not the TypeScript sources beside them) in dist/functions/<fn>/, and a content hash of a
 * folder, which the plan compares with the hash the environment recorded at the last upload.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { FUNCTIONS_DIR } from '../build-functions';
import type { FunctionConfigFile } from './manifest';
import { STAGED_FUNCTIONS_DIR } from './tencentCloud';

const UPLOADED_FILES = ['index.js', 'package.json', 'config.json'] as const;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** sha256 over every file's relative path and content, in path order: the same folder always hashes the same. */
export function hashFolder(dir: string): string {
  const hash = createHash('sha256');
  for (const file of filesUnder(dir).sort()) {
    hash.update(relative(dir, file).split(sep).join('/')).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

export function readFunctionConfig(name: string): FunctionConfigFile {
  return JSON.parse(readFileSync(join(FUNCTIONS_DIR, name, 'config.json'), 'utf8')) as FunctionConfigFile;
}

/** Copies each built function's upload into dist/functions/<fn>/ and returns its hash. */
export function stageFunction(name: string): string {
  const source = join(FUNCTIONS_DIR, name);
  if (!existsSync(join(source, 'index.js'))) throw new Error(`cloudfunctions/${name}/index.js 不存在：先运行 npm run build:functions`);
  const target = join(STAGED_FUNCTIONS_DIR, name);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  for (const file of UPLOADED_FILES) copyFileSync(join(source, file), join(target, file));
  return hashFolder(target);
}
