/**
 * In-memory index structures: unique constraints from the manifest, and hash lookups on the
 * leading field of every declared index so that equality queries do not scan the whole
 * collection (the 300k-member bench would otherwise be quadratic).
 */
import { encode, isPlainObject, type Doc } from './ejson';
import { duplicateKey, type DbError } from './errors';
import type { IndexSpec } from './manifest';

export type DocId = string | number;

/** Dotted-path read; arrays on the way are not traversed (manifest keys are scalar fields). */
export function fieldValue(doc: Doc, path: string): unknown {
  let cur: unknown = doc;
  for (const part of path.split('.')) {
    if (!isPlainObject(cur)) return undefined;
    cur = cur[part];
  }
  return cur;
}

/** Canonical key: 1 and 1.0 collide like in MongoDB, a missing field indexes as null like in MongoDB. */
export function keyOf(value: unknown): string {
  return encode(value === undefined ? null : value);
}

export class UniqueIndex {
  private readonly owners = new Map<string, DocId>();
  private readonly fields: string[];

  constructor(readonly spec: IndexSpec) {
    this.fields = Object.keys(spec.keys);
  }

  key(doc: Doc): string {
    return keyOf(this.fields.map((f) => fieldValue(doc, f) ?? null));
  }

  add(id: DocId, doc: Doc): void {
    this.owners.set(this.key(doc), id);
  }

  remove(id: DocId, doc: Doc): void {
    const k = this.key(doc);
    if (this.owners.get(k) === id) this.owners.delete(k);
  }

  clear(): void {
    this.owners.clear();
  }

  /**
   * Checks a batch of changes as one unit, so swaps inside a batch are allowed while two
   * documents of the batch (or one outside it) claiming the same key are not.
   */
  violation(collection: string, changes: readonly Change[]): DbError | undefined {
    const inBatch = new Set(changes.map((c) => c.id));
    const claimed = new Map<string, DocId>();
    for (const c of changes) {
      if (!c.after) continue;
      const k = this.key(c.after);
      const other = claimed.get(k);
      if (other !== undefined && other !== c.id) return this.error(collection, c.after);
      claimed.set(k, c.id);
    }
    for (const c of changes) {
      if (!c.after) continue;
      const owner = this.owners.get(this.key(c.after));
      if (owner !== undefined && owner !== c.id && !inBatch.has(owner)) return this.error(collection, c.after);
    }
    return undefined;
  }

  private error(collection: string, doc: Doc): DbError {
    const shown: Record<string, unknown> = {};
    for (const f of this.fields) shown[f] = fieldValue(doc, f) ?? null;
    return duplicateKey(collection, this.spec.name, shown);
  }
}

/** Hash of the leading field of a declared index; arrays index each element too (multikey). */
export class FieldIndex {
  private readonly buckets = new Map<string, Set<DocId>>();

  constructor(readonly field: string) {}

  private keys(doc: Doc): string[] {
    const v = fieldValue(doc, this.field);
    return Array.isArray(v) ? [keyOf(v), ...v.map(keyOf)] : [keyOf(v)];
  }

  add(id: DocId, doc: Doc): void {
    for (const k of this.keys(doc)) {
      let set = this.buckets.get(k);
      if (!set) this.buckets.set(k, (set = new Set()));
      set.add(id);
    }
  }

  remove(id: DocId, doc: Doc): void {
    for (const k of this.keys(doc)) {
      const set = this.buckets.get(k);
      if (!set) continue;
      set.delete(id);
      if (set.size === 0) this.buckets.delete(k);
    }
  }

  clear(): void {
    this.buckets.clear();
  }

  lookup(values: readonly unknown[]): Set<DocId> {
    const out = new Set<DocId>();
    for (const v of values) for (const id of this.buckets.get(keyOf(v)) ?? []) out.add(id);
    return out;
  }
}

/** One document's transition; `before`/`after` undefined mean absent (insert/remove). */
export interface Change {
  id: DocId;
  before?: Doc;
  after?: Doc;
}
