/**
 * The index manifest (config/database.json) is the single source of collections and
 * indexes for both the emulator and the CloudBase set-up, so it is validated strictly:
 * a typo here would silently make the emulator disagree with production.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface IndexSpec {
  name: string;
  keys: Record<string, 1 | -1>;
  unique?: boolean;
}
export interface CollectionSpec {
  name: string;
  permission: string;
  indexes: IndexSpec[];
}
export interface Manifest {
  collections: CollectionSpec[];
}

/** CloudBase collection names; also keeps journal file names safe. */
export const COLLECTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;

const DEFAULT_PATH = join(__dirname, '..', '..', 'config', 'database.json');

function fail(path: string, what: string): never {
  throw new Error(`Invalid database manifest ${path}: ${what}`);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function parseIndex(path: string, coll: string, raw: unknown): IndexSpec {
  if (!isRecord(raw) || typeof raw.name !== 'string' || raw.name === '') {
    fail(path, `collection ${coll}: every index needs a name`);
  }
  const name = raw.name;
  if (!isRecord(raw.keys) || Object.keys(raw.keys).length === 0) {
    fail(path, `index ${coll}.${name}: keys must be a non-empty object`);
  }
  const keys: Record<string, 1 | -1> = {};
  for (const [field, dir] of Object.entries(raw.keys)) {
    if (dir !== 1 && dir !== -1) fail(path, `index ${coll}.${name}: key ${field} must be 1 or -1`);
    if (field === '_id') fail(path, `index ${coll}.${name}: _id is indexed implicitly`);
    keys[field] = dir;
  }
  if (raw.unique !== undefined && typeof raw.unique !== 'boolean') {
    fail(path, `index ${coll}.${name}: unique must be a boolean`);
  }
  return raw.unique ? { name, keys, unique: true } : { name, keys };
}

export function parseManifest(raw: unknown, path = '<inline>'): Manifest {
  if (!isRecord(raw) || !Array.isArray(raw.collections)) fail(path, 'collections must be an array');
  const seen = new Set<string>();
  const collections = raw.collections.map((c): CollectionSpec => {
    if (!isRecord(c) || typeof c.name !== 'string' || !COLLECTION_NAME.test(c.name)) {
      fail(path, `bad collection name ${JSON.stringify(isRecord(c) ? c.name : c)}`);
    }
    const name = c.name;
    if (seen.has(name)) fail(path, `collection ${name} is declared twice`);
    seen.add(name);
    if (typeof c.permission !== 'string') fail(path, `collection ${name}: permission must be a string`);
    if (!Array.isArray(c.indexes)) fail(path, `collection ${name}: indexes must be an array`);
    const indexes = c.indexes.map((i) => parseIndex(path, name, i));
    const names = new Set(indexes.map((i) => i.name));
    if (names.size !== indexes.length) fail(path, `collection ${name}: duplicate index names`);
    return { name, permission: c.permission, indexes };
  });
  return { collections };
}

export function loadManifest(path: string = DEFAULT_PATH): Manifest {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`Cannot read database manifest ${path}: ${(e as Error).message}`, { cause: e });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    fail(path, (e as Error).message);
  }
  return parseManifest(raw, path);
}
