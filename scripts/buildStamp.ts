/**
 * Whether a build is older than its sources: a stamp records a content hash of every input file
 * when a build starts, and is written once the build has succeeded. Content, not modification
 * times, so a checkout that rewrites files unchanged costs no rebuild and a restored older file
 * still counts as a change.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/** Input path (relative to the project root, `/`-separated) → content hash. */
export type InputStamp = Record<string, string>;

/** Component tests and the like live beside the sources but never reach a build. */
const NOT_BUILT = new Set(['__test__', 'node_modules', '.DS_Store']);

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((name) => !NOT_BUILT.has(name))
    .flatMap((name) => filesUnder(join(path, name)));
}

/** Hashes every file under the given inputs (folders or files, relative to `root`). */
export function stampInputs(root: string, inputs: readonly string[]): InputStamp {
  const stamp: InputStamp = {};
  for (const file of inputs.flatMap((input) => filesUnder(join(root, input))).sort()) {
    stamp[relative(root, file).split(sep).join('/')] = createHash('sha1').update(readFileSync(file)).digest('hex');
  }
  return stamp;
}

/** Inputs added, removed or changed since the stamp, sorted. */
export function changedInputs(previous: InputStamp, current: InputStamp): string[] {
  const paths = new Set([...Object.keys(previous), ...Object.keys(current)]);
  return [...paths].filter((path) => previous[path] !== current[path]).sort();
}

export function readStamp(file: string): InputStamp | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as InputStamp;
  } catch {
    return undefined;
  }
}

export function writeStamp(file: string, stamp: InputStamp): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(stamp, null, 1));
}

/**
 * Why the build at `builtMarker` must be made again, in words for the start-up output, or undefined
 * when it is current.
 */
export function staleBuildReason(builtMarker: string, stampFile: string, current: InputStamp): string | undefined {
  if (!existsSync(builtMarker)) return '还没有构建过';
  const previous = readStamp(stampFile);
  if (previous === undefined) return '没有这次构建的源码记录（可能是手动构建的），无法确认它不比源码旧';
  const changed = changedInputs(previous, current);
  if (changed.length === 0) return undefined;
  const named = changed.slice(0, 3).join('、');
  return changed.length > 3 ? `源码有改动：${named} 等 ${changed.length} 个文件` : `源码有改动：${named}`;
}
