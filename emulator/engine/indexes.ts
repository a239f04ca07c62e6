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

/**
 * Every value a dotted path reaches, through arrays on the way, as a MongoDB multikey index sees them
 * (`mediaChecks.traceId` over an array of checks); a path that reaches nothing is one missing value.
 */
function valuesAlong(value: unknown, parts: readonly string[]): unknown[] {
  const [head, ...rest] = parts;
  if (head === undefined) return [value];
  if (Array.isArray(value)) {
    const found = value.flatMap((item) => (isPlainObject(item) ? valuesAlong(item, parts) : []));
    return found.length > 0 ? found : [undefined];
  }
  return isPlainObject(value) ? valuesAlong(value[head], rest) : [undefined];
}

/** Hash of the leading field of a declared index; arrays index each element too (multikey). */
export class FieldIndex {
  private readonly buckets = new Map<string, Set<DocId>>();
  private readonly path: readonly string[];

  constructor(readonly field: string) {
    this.path = field.split('.');
  }

  private keys(doc: Doc): string[] {
    return [...new Set(valuesAlong(doc, this.path).flatMap((v) => (Array.isArray(v) ? [keyOf(v), ...v.map(keyOf)] : [keyOf(v)])))];
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

  /** How many documents lookup(values) would return, without copying a bucket for one value. */
  size(values: readonly unknown[]): number {
    if (values.length === 1) return this.buckets.get(keyOf(values[0]))?.size ?? 0;
    return this.lookup(values).size;
  }

  /** One value's bucket, in insertion order (what lookup returns for that single value). */
  bucket(value: unknown): ReadonlySet<DocId> | undefined {
    return this.buckets.get(keyOf(value));
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

/**
 * A key value the sorted index can order exactly like mingo: a plain string, a non-NaN number or a
 * valid date (most of the declared indexes end in a time: a check-in's, a submission's, a start).
 */
export type Scalar = string | number | Date;
export type ScalarKind = 'number' | 'string' | 'date';

/** Realm-independent: a jest test's dates come from another realm than the engine's `Date`. */
function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

export function isScalar(v: unknown): v is Scalar {
  return typeof v === 'string' || (typeof v === 'number' && !Number.isNaN(v)) || (isDate(v) && !Number.isNaN(v.getTime()));
}

export function kindOf(v: Scalar): ScalarKind {
  return typeof v === 'string' ? 'string' : typeof v === 'number' ? 'number' : 'date';
}

/** MongoDB's order across types: numbers, then strings, …, then dates. */
const KIND_RANK: Record<ScalarKind, number> = { number: 0, string: 1, date: 2 };

export function compareScalar(a: Scalar, b: Scalar): number {
  const kind = kindOf(a);
  if (kind !== kindOf(b)) return KIND_RANK[kind] - KIND_RANK[kindOf(b)];
  const x = kind === 'date' ? (a as Date).getTime() : a;
  const y = kind === 'date' ? (b as Date).getTime() : b;
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * A value held after the leading field: a scalar, or null for a null or missing field, which
 * sorts before every scalar as in MongoDB (and mingo). No range or equality on a scalar matches it.
 */
export type IndexValue = Scalar | null;

function isMissing(v: unknown): v is null | undefined {
  return v === null || v === undefined;
}

export function compareIndexValues(a: IndexValue, b: IndexValue): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  return compareScalar(a, b);
}

export interface SortedEntry {
  id: DocId;
  /** Values of the index fields after the leading one. */
  values: IndexValue[];
  /** Insertion stamp: within one leading-key bucket this is the FieldIndex bucket's (Set) order. */
  seq: number;
}

export function compareEntryValues(a: readonly IndexValue[], b: readonly IndexValue[], from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = compareIndexValues(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return 0;
}

function compareEntry(a: SortedEntry, b: SortedEntry): number {
  return compareEntryValues(a.values, b.values, 0, a.values.length) || a.seq - b.seq;
}

function bsearch(list: readonly SortedEntry[], entry: SortedEntry): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareEntry(list[mid]!, entry) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Entries a chunk holds at most before it splits in two: small enough that a splice is a short move. */
const CHUNK_MAX = 2048;

/**
 * A bucket's entries in compareEntry order, kept as a list of sorted chunks (a B-tree one level deep):
 * an insert or a removal is two binary searches and a splice within one chunk, so a bucket of
 * millions (a programme's points ledger) costs O(log n) per write instead of a whole-bucket merge
 * per read after writes. Positions (for range bounds) go through the chunks' running offsets,
 * rebuilt on the first positional read after a change.
 */
export class SortedRun {
  private readonly chunks: SortedEntry[][] = [];
  /** offsets[i] = entries before chunk i. */
  private offsets: number[] = [];
  private offsetsStale = false;
  private count = 0;

  get length(): number {
    return this.count;
  }

  /** The chunk an entry belongs in: the first whose last entry is not before it, else the last. */
  private chunkFor(entry: SortedEntry): number {
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const chunk = this.chunks[mid]!;
      if (compareEntry(chunk[chunk.length - 1]!, entry) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  insert(entry: SortedEntry): void {
    this.count++;
    this.offsetsStale = true;
    const last = this.chunks[this.chunks.length - 1];
    if (!last) {
      this.chunks.push([entry]);
      return;
    }
    // Entries mostly arrive in order (a later stamp, a later time): then both searches are skipped.
    const at = compareEntry(last[last.length - 1]!, entry) < 0 ? this.chunks.length - 1 : this.chunkFor(entry);
    const chunk = this.chunks[at]!;
    chunk.splice(bsearch(chunk, entry), 0, entry);
    if (chunk.length > CHUNK_MAX) this.chunks.splice(at + 1, 0, chunk.splice(chunk.length >>> 1));
  }

  remove(entry: SortedEntry): void {
    if (this.chunks.length === 0) return;
    const at = this.chunkFor(entry);
    const chunk = this.chunks[at]!;
    const i = bsearch(chunk, entry);
    if (chunk[i] !== entry) return;
    chunk.splice(i, 1);
    if (chunk.length === 0) this.chunks.splice(at, 1);
    this.count--;
    this.offsetsStale = true;
  }

  /** The chunk holding position i and i's place within it. */
  private locate(i: number): { chunk: number; within: number } {
    if (this.offsetsStale) {
      this.offsets = [];
      let total = 0;
      for (const chunk of this.chunks) {
        this.offsets.push(total);
        total += chunk.length;
      }
      this.offsetsStale = false;
    }
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.offsets[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return { chunk: lo, within: i - this.offsets[lo]! };
  }

  /** The entry at position i (0 ≤ i < length). */
  at(i: number): SortedEntry {
    const { chunk, within } = this.locate(i);
    return this.chunks[chunk]![within]!;
  }

  /** Entries [start, end), in order. */
  slice(start: number, end: number): SortedEntry[] {
    const out: SortedEntry[] = [];
    if (start >= end) return out;
    let { chunk, within } = this.locate(start);
    for (let left = end - start; left > 0 && chunk < this.chunks.length; chunk++, within = 0) {
      const taken = this.chunks[chunk]!.slice(within, within + left);
      for (const entry of taken) out.push(entry);
      left -= taken.length;
    }
    return out;
  }
}

const EMPTY_RUN = new SortedRun();

/**
 * The leading "field" of an index on one field: every document has the same value of it, so one
 * bucket holds the whole collection in that field's order and a range on the field is planned as
 * on any compound index's second field.
 */
const ONE_FIELD_LEAD = '';
export const ONE_FIELD_LEAD_VALUE = 0;

/**
 * A declared index as CloudBase would keep it: per value of the leading field, the documents
 * ordered by the remaining fields (ties by insertion order, which is also the order the hash bucket
 * and so mingo would see them in); an index on one field is one bucket ordered by that field (ties
 * in the collection's own order, which a scan sees). Serves range + sort + limit reads and counts in
 * O(log n + page) instead of scanning. Documents whose index fields are scalars (strings, numbers,
 * dates), or null or missing after the leading field, are held. A null or missing leading field
 * leaves the document out: a read is planned only for a scalar leading value, which it never
 * matches. Any other value (array, object) marks the index irregular and the store falls back to
 * scanning, so answers never change.
 */
export class SortedIndex {
  /** The index's fields; for an index on one field, ONE_FIELD_LEAD and then that field. */
  readonly fields: string[];
  readonly oneField: boolean;
  /** One field only: each document's stamp kept across its updates, as the collection keeps its place. */
  private readonly stamps = new Map<DocId, number>();
  private readonly buckets = new Map<string, SortedRun>();
  private readonly entries = new Map<DocId, { bucket: string; entry: SortedEntry }>();
  private irregular = 0;
  /** Per kind, per position after the leading field: how many held values are of that kind. */
  private readonly kinds: Record<ScalarKind, number[]>;
  private seq = 0;

  constructor(readonly spec: IndexSpec) {
    const keys = Object.keys(spec.keys);
    this.oneField = keys.length === 1;
    this.fields = this.oneField ? [ONE_FIELD_LEAD, ...keys] : keys;
    const zeros = () => this.fields.slice(1).map(() => 0);
    this.kinds = { number: zeros(), string: zeros(), date: zeros() };
  }

  /** Whether the document is left out (a missing leading value) or breaks the index (a value it cannot order). */
  private leadOf(doc: Doc): unknown {
    return this.oneField ? ONE_FIELD_LEAD_VALUE : fieldValue(doc, this.fields[0]!);
  }

  private standing(doc: Doc): 'held' | 'outside' | 'irregular' {
    const lead = this.leadOf(doc);
    if (isMissing(lead)) return 'outside';
    const values = this.fields.slice(1).map((f) => fieldValue(doc, f));
    return isScalar(lead) && values.every((v) => isScalar(v) || isMissing(v)) ? 'held' : 'irregular';
  }

  add(id: DocId, doc: Doc): void {
    let seq = this.stamps.get(id);
    if (seq === undefined) {
      seq = ++this.seq;
      if (this.oneField) this.stamps.set(id, seq);
    }
    const standing = this.standing(doc);
    if (standing !== 'held') {
      if (standing === 'irregular') this.irregular++;
      return;
    }
    const lead = this.leadOf(doc) as Scalar;
    const values = this.fields.slice(1).map((f): IndexValue => {
      const value = fieldValue(doc, f);
      return isMissing(value) ? null : (value as Scalar);
    });
    const entry: SortedEntry = { id, values, seq };
    const key = keyOf(lead);
    let bucket = this.buckets.get(key);
    if (!bucket) this.buckets.set(key, (bucket = new SortedRun()));
    bucket.insert(entry);
    this.entries.set(id, { bucket: key, entry });
    this.tally(entry.values, 1);
  }

  /** `replaced`: the document is added again at once (an update), keeping its place among ties. */
  remove(id: DocId, doc: Doc, replaced = false): void {
    if (!replaced) this.stamps.delete(id);
    const held = this.entries.get(id);
    if (!held) {
      if (this.standing(doc) === 'irregular') this.irregular--;
      return;
    }
    this.entries.delete(id);
    const bucket = this.buckets.get(held.bucket)!;
    bucket.remove(held.entry);
    if (bucket.length === 0) this.buckets.delete(held.bucket);
    this.tally(held.entry.values, -1);
  }

  private tally(values: readonly IndexValue[], by: 1 | -1): void {
    values.forEach((v, i) => {
      if (v !== null) this.kinds[kindOf(v)][i]! += by;
    });
  }

  /** True when every document is held, so a bucket is the whole answer for its leading value. */
  usable(): boolean {
    return this.irregular === 0;
  }

  /** The one kind every held scalar at position `i` (after the leading field) has, if any; nulls do not count. */
  typeAt(i: number): ScalarKind | 'mixed' | 'empty' {
    const present = (Object.keys(this.kinds) as ScalarKind[]).filter((kind) => (this.kinds[kind][i] ?? 0) > 0);
    return present.length === 0 ? 'empty' : present.length === 1 ? present[0]! : 'mixed';
  }

  /** The bucket of one leading value, in order. */
  sortedBucket(lead: Scalar): SortedRun {
    return this.buckets.get(keyOf(lead)) ?? EMPTY_RUN;
  }

  clear(): void {
    this.buckets.clear();
    this.entries.clear();
    this.stamps.clear();
    this.irregular = 0;
    for (const counts of Object.values(this.kinds)) counts.fill(0);
  }
}
