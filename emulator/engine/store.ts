/**
 * The embedded document engine behind the official SDK: it answers the wire requests that
 * `@cloudbase/database` builders send through `Db.reqClass` with the replies CloudBase gives.
 * MongoDB semantics (query, update, aggregation) come from mingo; storage is a Map per
 * collection with an `_id` fast path, hash lookups on indexed fields, unique constraints from
 * the manifest, snapshot transactions and an optional JSONL journal.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { Aggregator, ProcessingMode, Query } from 'mingo';
import { Context, initOptions, type Options } from 'mingo/core';
import initContext from 'mingo/init/context';
import { update as applyOperator, type UpdateExpression } from 'mingo/updater';
import { clone, decode, encode, freeze, isPlainObject, type Doc } from './ejson';
import {
  collectionExists,
  collectionMissing,
  DbError,
  duplicateKey,
  invalidOperator,
  invalidParam,
  notInTransaction,
  transactionConflict,
} from './errors';
import { FieldIndex, SortedIndex, UniqueIndex, type Change, type DocId } from './indexes';
import { Journal, journalCollections } from './journal';
import { COLLECTION_NAME, type IndexSpec, type Manifest } from './manifest';
import { coverage, equalityValues, lookupCovered, type Coverage, type SortSpec } from './planner';
import { planEntries, planRange, type RangePlan } from './ranges';
import { $sample } from './sample';
import { docKey, Transactions, type Txn } from './transactions';

export interface DbRequestRecord {
  action: string;
  collection: string;
  /** docs returned to the caller */
  returned: number;
  /** docs inserted/updated/removed */
  written: number;
  /** filter (+sort) covered by a declared index or an _id lookup; writes by _id count as indexed */
  indexed: boolean;
  /** the covering index name, or '_id' */
  index?: string;
}

interface Collection {
  name: string;
  indexes: IndexSpec[];
  docs: Map<DocId, Doc>;
  uniques: UniqueIndex[];
  fields: FieldIndex[];
  /** Compound indexes kept sorted, to serve range + sort + limit reads and counts (see ranges.ts). */
  sorted: SortedIndex[];
  journal: Journal | undefined;
}

interface FindOptions {
  sort?: SortSpec;
  skip?: number;
  limit?: number;
  projection?: Doc;
}

type Params = Record<string, unknown>;
type Reply = Record<string, unknown>;
/** What goes back over the wire: a reply, or `{ code, message }` for a refusal; always a requestId. */
export type WireReply = Reply & { requestId: string; code?: string; message?: string };

/** CloudBase's defaults: 100 documents per get unless asked, never more than 1000; 20 rows per aggregate. */
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;
const DEFAULT_AGGREGATE_LIMIT = 20;
/** Compact on open when the journal holds this many more lines than live documents. */
const COMPACT_RATIO = 2;
const COMPACT_MIN_LINES = 1000;

// Operators of the first context win the merge: CloudBase's $sample in place of mingo's.
const context = Context.merge(Context.init({ pipeline: { $sample } }), initContext());

/**
 * mingo's public Query/Aggregator constructors copy the whole operator context on every call
 * (Context.from + addOperators, ~1 ms). Their base classes take ready options as they are, so the
 * store builds the options once; the shared context already holds every operator the public
 * constructors would add (they only add operators that are missing).
 */
type QueryClass = new (condition: Doc, options: Options) => Query;
type AggregatorClass = new (pipeline: Doc[], options: Options) => Aggregator;
const QueryImpl = Object.getPrototypeOf(Query) as QueryClass;
const AggregatorImpl = Object.getPrototypeOf(Aggregator) as AggregatorClass;

/**
 * The requests of the `record` call in progress, per async context, so concurrent invocations each
 * get their own list. One storage for the module, not one per store: every live AsyncLocalStorage
 * adds work to every promise the process creates, and tests create stores by the hundred.
 */
const recording = new AsyncLocalStorage<DbRequestRecord[]>();

export function newDocId(): string {
  return randomBytes(16).toString('hex');
}

function present(docs: (Doc | undefined)[]): Doc[] {
  return docs.filter((d): d is Doc => d !== undefined);
}

function isDocId(v: unknown): v is DocId {
  return typeof v === 'string' || typeof v === 'number';
}

function setPath(doc: Doc, path: string, value: unknown): void {
  const parts = path.split('.');
  let cur = doc;
  for (const part of parts.slice(0, -1)) {
    const next = cur[part];
    if (isPlainObject(next)) cur = next;
    else cur = cur[part] = {};
  }
  cur[parts[parts.length - 1]!] = value;
}

/** The fields an upsert copies from its filter, as MongoDB does for equality conditions. */
function seedFromFilter(filter: Doc, into: Doc = {}): Doc {
  for (const [key, cond] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(cond)) {
      for (const sub of cond) if (isPlainObject(sub)) seedFromFilter(sub, into);
    } else if (!key.startsWith('$') && !(cond instanceof RegExp)) {
      if (!isPlainObject(cond) || Object.keys(cond).every((k) => !k.startsWith('$'))) setPath(into, key, clone(cond));
      else if ('$eq' in cond) setPath(into, key, clone(cond.$eq));
    }
  }
  return into;
}

/** A projection that only names top-level fields to keep (`field({ a: true })`), and whether `_id` is kept. */
interface Inclusion {
  fields: string[];
  withId: boolean;
}

/**
 * The common projection, applied without mingo's general one (which answers the same): only
 * top-level names set to 1/true, `_id` kept unless set to 0/false. Anything else is left to mingo.
 */
function inclusionOf(projection: Doc): Inclusion | undefined {
  const fields: string[] = [];
  let withId = true;
  for (const [key, value] of Object.entries(projection)) {
    const keep = value === 1 || value === true;
    if (key === '_id') withId = !(value === 0 || value === false);
    else if (!keep || key.includes('.') || key.startsWith('$')) return undefined;
    else fields.push(key);
  }
  return fields.length > 0 ? { fields, withId } : undefined;
}

function pickFields(doc: Doc, { fields, withId }: Inclusion): Doc {
  const out: Doc = {};
  if (withId && Object.hasOwn(doc, '_id')) out._id = doc._id;
  for (const field of fields) if (field !== '_id' && Object.hasOwn(doc, field)) out[field] = doc[field];
  return out;
}

export class DocumentStore {
  private readonly manifest: Manifest;
  private readonly dataDir: string | undefined;
  private readonly clock: () => Date;
  private readonly collections = new Map<string, Collection>();
  private readonly txns = new Transactions();
  private requestSeq = 0;
  private closed = false;
  private readonly mingoOptions = {
    context,
    idKey: '_id',
    scriptEnabled: false,
    collectionResolver: (name: string): Doc[] =>
      // Copies: later stages may rewrite looked-up documents, and stored ones are frozen.
      [...(this.collections.get(name)?.docs.values() ?? [])].map(clone),
  };
  private readonly queryOptions: Options = initOptions(this.mingoOptions);
  private readonly aggregateOptions: Options = initOptions({ ...this.mingoOptions, processingMode: ProcessingMode.CLONE_INPUT });

  constructor(opts: { manifest: Manifest; dataDir?: string; clock?: () => Date }) {
    this.manifest = opts.manifest;
    this.dataDir = opts.dataDir;
    this.clock = opts.clock ?? (() => new Date());
    if (this.dataDir) mkdirSync(this.dataDir, { recursive: true });
    this.openAll();
  }

  /** Answers one SDK wire request (what reqClass.send receives) with the reply the real server would give. */
  async handle(action: string, params: unknown): Promise<WireReply> {
    const requestId = `local-${++this.requestSeq}`;
    const p = isPlainObject(params) ? params : {};
    const recorder = recording.getStore();
    const noted = recorder?.length ?? 0;
    try {
      return { requestId, ...this.dispatch(action, p) };
    } catch (e) {
      if (!(e instanceof DbError)) throw e;
      // Rejected before planning (e.g. missing collection): still a round trip, but nothing was scanned.
      if (recorder && recorder.length === noted)
        this.note(action, typeof p.collectionName === 'string' ? p.collectionName : '', { indexed: true });
      return { code: e.code, message: e.message, requestId };
    }
  }

  /**
   * Answers a request with a planted failure instead of handling it: recorded like any round trip,
   * and an open transaction it belongs to is aborted, as MongoDB aborts a transaction on a write error.
   */
  refuse(action: string, params: unknown, error: DbError): WireReply {
    const p = isPlainObject(params) ? params : {};
    this.note(action, typeof p.collectionName === 'string' ? p.collectionName : '', { indexed: true });
    if (typeof p.transactionId === 'string') this.txns.abandon(p.transactionId);
    return { code: error.code, message: error.message, requestId: `local-${++this.requestSeq}` };
  }

  /** Seeding/bench helper: bypasses the SDK but still enforces unique indexes and journals. */
  insertMany(collection: string, docs: Record<string, unknown>[]): void {
    const c = this.coll(collection);
    // A frozen document (see freeze) can change no more, so it is stored as it is: the seed shares one frozen set between stores.
    const prepared = docs.map((d) => (d._id === undefined ? { _id: newDocId(), ...clone(d) } : Object.isFrozen(d) ? d : clone(d)));
    this.commit(c, this.insertChanges(c, prepared));
  }

  count(collection: string): number {
    return this.coll(collection).docs.size;
  }

  collectionNames(): string[] {
    return [...this.collections.keys()].sort();
  }

  /** Drops all data, in memory and on disk; manifest collections are recreated empty. */
  reset(): void {
    this.assertOpen();
    this.txns.reset();
    for (const c of this.collections.values()) c.journal?.delete();
    this.collections.clear();
    for (const spec of this.manifest.collections) this.openCollection(spec.name);
  }

  /** Rewrites each journal to one line per live document. */
  compact(): void {
    this.assertOpen();
    for (const c of this.collections.values()) c.journal?.rewrite(c.docs.values());
  }

  close(): void {
    for (const c of this.collections.values()) c.journal?.close();
    this.closed = true;
  }

  /** Records every DB request made while fn runs, and only those: concurrent callers each get their own. */
  async record<T>(fn: () => Promise<T>): Promise<{ result: T; requests: DbRequestRecord[] }> {
    const requests: DbRequestRecord[] = [];
    const result = await recording.run(requests, fn);
    return { result, requests };
  }

  // ── opening ────────────────────────────────────────────────────────────────

  private openAll(): void {
    const names = new Set(this.manifest.collections.map((c) => c.name));
    if (this.dataDir) for (const name of journalCollections(this.dataDir)) names.add(name);
    for (const name of names) this.openCollection(name);
  }

  private openCollection(name: string): Collection {
    const indexes = this.manifest.collections.find((c) => c.name === name)?.indexes ?? [];
    const leading = [...new Set(indexes.map((i) => Object.keys(i.keys)[0]!))];
    const c: Collection = {
      name,
      indexes,
      docs: new Map(),
      uniques: indexes.filter((i) => i.unique).map((i) => new UniqueIndex(i)),
      fields: leading.map((f) => new FieldIndex(f)),
      sorted: indexes.map((i) => new SortedIndex(i)),
      journal: this.dataDir ? new Journal(this.dataDir, name) : undefined,
    };
    if (c.journal) {
      const { docs, lines } = c.journal.replay();
      for (const [id, doc] of docs) this.place(c, id, undefined, freeze(doc));
      if (lines > COMPACT_MIN_LINES && lines > COMPACT_RATIO * c.docs.size) c.journal.rewrite(c.docs.values());
    }
    this.collections.set(name, c);
    return c;
  }

  // ── dispatch ───────────────────────────────────────────────────────────────

  private dispatch(action: string, p: Params): Reply {
    this.assertOpen();
    switch (action) {
      case 'database.getDocument':
        return this.getDocument(p);
      case 'database.calculateDocument':
        return this.calculateDocument(p);
      case 'database.insertDocument':
        return this.insertDocument(p);
      case 'database.modifyDocument':
        return this.modifyDocument(p);
      case 'database.removeDocument':
        return this.removeDocument(p);
      case 'database.aggregateDocuments':
        return this.aggregateDocuments(p);
      case 'database.startTransaction':
        return this.startTransaction();
      case 'database.commitTransaction':
        return this.commitTransaction(p);
      case 'database.abortTransaction':
        return this.abortTransaction(p);
      case 'database.addCollection':
        return this.addCollection(p);
      default:
        throw invalidParam(`unsupported action ${action}`);
    }
  }

  private note(action: string, collection: string, cov: Coverage): DbRequestRecord {
    const rec: DbRequestRecord = { action, collection, returned: 0, written: 0, indexed: cov.indexed };
    if (cov.index !== undefined) rec.index = cov.index;
    recording.getStore()?.push(rec);
    return rec;
  }

  private getDocument(p: Params): Reply {
    const c = this.coll(p.collectionName);
    const filter = this.decodeDoc(p.query, {});
    const sort = this.decodeSort(p.order);
    const rec = this.note('database.getDocument', c.name, coverage(filter, sort, c.indexes));
    const txn = this.txnOf(p);
    if (txn && p.queryType !== 'DOC') throw this.refuseInTransaction(txn, 'A where() query');
    if (typeof p.limit === 'number' && p.limit > MAX_LIMIT) throw invalidParam(`limit must not exceed ${MAX_LIMIT}`);
    const limit = typeof p.limit === 'number' && p.limit > 0 ? p.limit : DEFAULT_LIMIT;
    const offset = typeof p.offset === 'number' && p.offset > 0 ? p.offset : 0;
    const opts: FindOptions = { sort, skip: offset, limit };
    if (p.projection !== undefined) opts.projection = this.decodeDoc(p.projection, {});
    const docs = this.find(c, filter, opts, txn);
    rec.returned = docs.length;
    return { data: { list: docs.map(encode), limit, offset } };
  }

  private calculateDocument(p: Params): Reply {
    const c = this.coll(p.collectionName);
    const filter = this.decodeDoc(p.query, {});
    const txn = this.txnOf(p);
    if (txn) throw this.refuseInTransaction(txn, 'count()');
    if (Object.keys(filter).length === 0) {
      // An unfiltered count is answered from collection metadata, not by scanning.
      this.note('database.calculateDocument', c.name, { indexed: true, index: '_id' });
      return { data: { total: c.docs.size } };
    }
    this.note('database.calculateDocument', c.name, coverage(filter, [], c.indexes));
    const plan = this.rangePlan(c, filter, []);
    // A plan's range is exactly the matching documents, so the count needs no scan.
    if (plan) return { data: { total: plan.end - plan.start } };
    return { data: { total: this.find(c, filter, {}).length } };
  }

  private insertDocument(p: Params): Reply {
    const c = this.coll(p.collectionName);
    const rec = this.note('database.insertDocument', c.name, { indexed: true, index: '_id' });
    if (!Array.isArray(p.data) || p.data.length === 0) throw invalidParam('data must be a non-empty array');
    const docs = p.data.map((item) => {
      const decoded = this.decodeDoc(item);
      // Generated ids come first, as CloudBase returns them.
      const doc = decoded._id === undefined ? { _id: newDocId(), ...decoded } : decoded;
      if (!isDocId(doc._id)) throw invalidParam('_id must be a string or a number');
      return doc;
    });
    const txn = this.txnOf(p);
    if (txn) {
      if (docs.length > 1) throw this.refuseInTransaction(txn, 'A multi-document add');
      const changes = this.insertChanges(c, docs, txn);
      this.stage(txn, c, changes);
      rec.written = changes.length;
      return { data: { insertedIds: changes.map((ch) => ch.id) } };
    }
    // An ordered insertMany, as CloudBase runs it: the documents before the first failing one stay written.
    for (const doc of docs) {
      this.commit(c, this.insertChanges(c, [doc]));
      rec.written += 1;
    }
    return { data: { insertedIds: docs.map((doc) => doc._id) } };
  }

  private modifyDocument(p: Params): Reply {
    const c = this.coll(p.collectionName);
    const filter = this.decodeDoc(p.query, {});
    const rec = this.note('database.modifyDocument', c.name, coverage(filter, [], c.indexes));
    const txn = this.txnOf(p);
    if (txn && (p.queryType !== 'DOC' || p.multi === true)) throw this.refuseInTransaction(txn, 'A where() update');
    const update = this.decodeDoc(p.data);
    const merge = p.merge !== false;
    const matched = this.find(c, filter, p.multi === true ? {} : { limit: 1 }, txn);
    const changes: Change[] = [];
    for (const before of matched) {
      const after = this.applyUpdate(before, update, merge);
      if (after) changes.push({ id: before._id as DocId, before, after });
    }
    const updated = changes.length;
    let upsertId: DocId | undefined;
    if (matched.length === 0 && p.upsert === true) {
      const doc = this.upsertDoc(filter, update, merge);
      upsertId = doc._id as DocId;
      changes.push(...this.insertChanges(c, [doc], txn));
    }
    if (txn) this.stage(txn, c, changes);
    else this.commit(c, changes);
    rec.written = changes.length;
    return { data: upsertId === undefined ? { updated } : { updated, upsert_id: upsertId } };
  }

  private removeDocument(p: Params): Reply {
    const c = this.coll(p.collectionName);
    const filter = this.decodeDoc(p.query, {});
    const rec = this.note('database.removeDocument', c.name, coverage(filter, [], c.indexes));
    const txn = this.txnOf(p);
    if (txn && (p.queryType !== 'DOC' || p.multi === true)) throw this.refuseInTransaction(txn, 'A where() remove');
    const matched = this.find(c, filter, p.multi === true ? {} : { limit: 1 }, txn);
    const changes: Change[] = matched.map((before) => ({ id: before._id as DocId, before }));
    if (txn) this.stage(txn, c, changes);
    else this.commit(c, changes);
    rec.written = changes.length;
    return { data: { deleted: changes.length } };
  }

  private aggregateDocuments(p: Params): Reply {
    const c = this.coll(p.collectionName);
    if (!Array.isArray(p.stages)) throw invalidParam('stages must be an array');
    const pipeline = p.stages.map((stage): Doc => {
      if (!isPlainObject(stage) || typeof stage.stageKey !== 'string' || !stage.stageKey.startsWith('$')) {
        throw invalidParam('each stage needs a $stageKey');
      }
      if (typeof stage.stageValue !== 'string') throw invalidParam('stageValue must be a string');
      return { [stage.stageKey]: decode(stage.stageValue, this.clock) };
    });
    const rec = this.note('database.aggregateDocuments', c.name, this.pipelineCoverage(c, pipeline));
    const txn = this.txnOf(p);
    if (txn) throw this.refuseInTransaction(txn, 'aggregate()');
    if (!pipeline.some((stage) => '$limit' in stage)) pipeline.push({ $limit: DEFAULT_AGGREGATE_LIMIT });
    const match = pipeline[0]?.$match;
    const source = isPlainObject(match) ? this.candidates(c, match) : [...c.docs.values()];
    let out: Doc[];
    try {
      out = new AggregatorImpl(pipeline, this.aggregateOptions).run<Doc>(source);
    } catch (e) {
      throw invalidOperator((e as Error).message);
    }
    rec.returned = out.length;
    return { data: { list: out.map(encode) } };
  }

  private pipelineCoverage(c: Collection, pipeline: Doc[]): Coverage {
    for (const stage of pipeline) {
      const lookup = stage.$lookup;
      if (!isPlainObject(lookup) || typeof lookup.from !== 'string') continue;
      const foreign = this.collections.get(lookup.from);
      if (
        typeof lookup.foreignField !== 'string' ||
        !lookup.foreignField ||
        !foreign ||
        !lookupCovered(lookup.foreignField, foreign.indexes)
      ) {
        return { indexed: false };
      }
    }
    const [first, second] = pipeline;
    const match = first?.$match;
    const sortStage = isPlainObject(match) ? second?.$sort : first?.$sort;
    const sort = isPlainObject(sortStage) ? this.sortSpec(sortStage) : [];
    if (isPlainObject(match)) return coverage(match, sort, c.indexes);
    return sort.length > 0 ? coverage({}, sort, c.indexes) : { indexed: false };
  }

  private startTransaction(): Reply {
    const txn = this.txns.begin();
    this.note('database.startTransaction', '', { indexed: true });
    return { transactionId: txn.id };
  }

  private commitTransaction(p: Params): Reply {
    const rec = this.note('database.commitTransaction', '', { indexed: true, index: '_id' });
    const txn = this.txns.get(p.transactionId);
    const byCollection = new Map<Collection, Change[]>();
    for (const w of txn.writes.values()) {
      const c = this.coll(w.collection);
      const before = c.docs.get(w.id);
      if (!before && !w.after) continue;
      const list = byCollection.get(c) ?? [];
      list.push(w.after ? { id: w.id, before, after: w.after } : { id: w.id, before });
      byCollection.set(c, list);
    }
    try {
      if (this.txns.stale(txn)) throw transactionConflict();
      for (const [c, changes] of byCollection) this.checkUnique(c, changes);
    } catch (e) {
      this.txns.end(txn);
      throw e;
    }
    rec.collection = [...byCollection.keys()].map((c) => c.name).join(',');
    for (const [c, changes] of byCollection) {
      this.commit(c, changes);
      rec.written += changes.length;
    }
    this.txns.end(txn);
    return {};
  }

  private abortTransaction(p: Params): Reply {
    this.note('database.abortTransaction', '', { indexed: true });
    this.txns.end(this.txns.get(p.transactionId));
    return {};
  }

  private addCollection(p: Params): Reply {
    const name = p.collectionName;
    if (typeof name !== 'string' || !COLLECTION_NAME.test(name)) throw invalidParam('invalid collection name');
    this.note('database.addCollection', name, { indexed: true });
    if (this.collections.has(name)) throw collectionExists(name);
    this.openCollection(name);
    return {};
  }

  // ── reading ────────────────────────────────────────────────────────────────

  /** Documents that can match `filter`, narrowed by `_id` or a hash index when the filter pins one. */
  private candidates(c: Collection, filter: Doc): Doc[] {
    const ids = equalityValues(filter, '_id');
    if (ids) return present(ids.filter(isDocId).map((id) => c.docs.get(id)));
    let best: Set<DocId> | undefined;
    for (const index of c.fields) {
      const values = equalityValues(filter, index.field);
      if (!values) continue;
      const hits = index.lookup(values);
      if (!best || hits.size < best.size) best = hits;
    }
    return best ? present([...best].map((id) => c.docs.get(id))) : [...c.docs.values()];
  }

  /** What a transaction sees of the documents it names: its snapshot plus its own writes. */
  private snapshot(txn: Txn, c: Collection, filter: Doc): Doc[] {
    // Transactions carry operations by `_id` only (see refuseInTransaction), so the ids are pinned.
    const ids = (equalityValues(filter, '_id') ?? []).filter(isDocId);
    return present(ids.map((id) => this.txns.visible(txn, c.name, id, c.docs.get(id))));
  }

  /**
   * A sorted-index plan for a read outside a transaction, when one declared compound index answers
   * the filter exactly and the hash lookup `candidates` would use is that index's leading field
   * (so that ties keep the order a scan gives them).
   */
  private rangePlan(c: Collection, filter: Doc, sort: SortSpec): RangePlan | undefined {
    if (c.sorted.length === 0 || equalityValues(filter, '_id')) return undefined;
    let chosen: FieldIndex | undefined;
    let chosenSize = 0;
    for (const index of c.fields) {
      const values = equalityValues(filter, index.field);
      if (!values) continue;
      const size = index.size(values);
      if (!chosen || size < chosenSize) {
        chosen = index;
        chosenSize = size;
      }
    }
    // Neither a filter nor an order: the collection in its own order is the answer, no index needed.
    if (!chosen && Object.keys(filter).length === 0 && sort.length === 0) return undefined;
    for (const index of c.sorted) {
      // With a hash lookup to hand, only an index led by its field keeps the lookup's order of ties;
      // without one (a range on a time alone, say), an index on that one field can answer.
      if (chosen ? index.fields[0] !== chosen.field : !index.oneField) continue;
      const plan = planRange(index, filter, sort);
      if (plan) return plan;
    }
    return undefined;
  }

  /**
   * The documents a read outside a transaction must look at, in the order a scan would see them,
   * and how many leading matches were already skipped on the way.
   */
  private readSource(c: Collection, filter: Doc, opts: FindOptions): { docs: Doc[]; skipped: number; allMatch: boolean } {
    const plan = this.rangePlan(c, filter, opts.sort ?? []);
    if (!plan) return { docs: this.candidates(c, filter), skipped: 0, allMatch: false };
    const skip = opts.skip ?? 0;
    const want = opts.limit === undefined ? Infinity : skip + opts.limit;
    if (plan.wholeBucket && plan.sortTo === plan.sortFrom) {
      // Every document of the leading value's bucket matches: documents [skip, want) in bucket order.
      const bucket = c.fields.find((f) => f.field === plan.leadField)?.bucket(plan.leadValue);
      if (bucket) {
        const docs: Doc[] = [];
        let at = 0;
        for (const id of bucket) {
          if (at >= want) break;
          if (at++ < skip) continue;
          const doc = c.docs.get(id);
          if (doc) docs.push(doc);
        }
        return { docs, skipped: Math.min(skip, at), allMatch: true };
      }
    }
    return { docs: present(planEntries(plan, want).map((e) => c.docs.get(e.id))), skipped: 0, allMatch: true };
  }

  private find(c: Collection, filter: Doc, opts: FindOptions, txn?: Txn): Doc[] {
    const {
      docs: source,
      skipped,
      allMatch,
    } = txn ? { docs: this.snapshot(txn, c, filter), skipped: 0, allMatch: false } : this.readSource(c, filter, opts);
    const picked = opts.projection && inclusionOf(opts.projection);
    try {
      // A plan's documents all match (ranges.ts), so the filter is not evaluated again for each of them.
      let cursor = new QueryImpl(allMatch ? {} : filter, this.queryOptions).find<Doc>(source, picked ? undefined : opts.projection);
      if (opts.sort && opts.sort.length > 0) cursor = cursor.sort(Object.fromEntries(opts.sort));
      if (opts.skip && opts.skip > skipped) cursor = cursor.skip(opts.skip - skipped);
      if (opts.limit !== undefined) cursor = cursor.limit(opts.limit);
      const docs = cursor.all();
      return picked ? docs.map((doc) => pickFields(doc, picked)) : docs;
    } catch (e) {
      throw invalidOperator((e as Error).message);
    }
  }

  // ── writing ────────────────────────────────────────────────────────────────

  private insertChanges(c: Collection, docs: Doc[], txn?: Txn): Change[] {
    const seen = new Set<DocId>();
    return docs.map((doc) => {
      const id = doc._id;
      if (!isDocId(id)) throw invalidParam('_id must be a string or a number');
      const exists = txn ? this.txns.visible(txn, c.name, id, c.docs.get(id)) : c.docs.get(id);
      if (exists || seen.has(id)) throw duplicateKey(c.name, '_id_', { _id: id });
      seen.add(id);
      return { id, after: doc };
    });
  }

  /** The updated document, or undefined when the update changes nothing (MongoDB's nModified). */
  private applyUpdate(before: Doc, update: Doc, merge: boolean): Doc | undefined {
    let after: Doc;
    if (!merge) {
      if (Object.keys(update).some((k) => k.startsWith('$'))) throw invalidOperator('set() takes a document, not update operators');
      after = { _id: before._id, ...clone(update) };
    } else {
      after = clone(before);
      for (const [op, args] of this.operators(update)) {
        try {
          applyOperator(after, { [op]: args } as unknown as UpdateExpression, [], {}, { cloneMode: 'deep' });
        } catch (e) {
          throw invalidOperator((e as Error).message);
        }
      }
      if (after._id !== before._id) throw invalidParam('不能更新_id的值');
    }
    return encode(after) === encode(before) ? undefined : after;
  }

  /** Update operators in order; bare fields (raw-mode updates) are treated as $set like CloudBase's merge. */
  private operators(update: Doc): [string, Doc][] {
    const bare: Doc = {};
    const ops: [string, Doc][] = [];
    for (const [key, value] of Object.entries(update)) {
      if (!key.startsWith('$')) bare[key] = value;
      else if (isPlainObject(value)) ops.push([key, value]);
      else throw invalidOperator(`${key} needs an object`);
    }
    if (Object.keys(bare).length > 0) ops.unshift(['$set', bare]);
    return ops;
  }

  private upsertDoc(filter: Doc, update: Doc, merge: boolean): Doc {
    const seed = seedFromFilter(filter);
    if (seed._id === undefined) seed._id = newDocId();
    return this.applyUpdate(seed, update, merge) ?? seed;
  }

  private checkUnique(c: Collection, changes: readonly Change[]): void {
    for (const index of c.uniques) {
      const error = index.violation(c.name, changes);
      if (error) throw error;
    }
  }

  /** Applies changes outside any transaction: validate all, then write all (one journal batch). */
  private commit(c: Collection, changes: readonly Change[]): void {
    if (changes.length === 0) return;
    this.checkUnique(c, changes);
    for (const ch of changes) {
      const after = ch.after ? freeze(ch.after) : undefined;
      this.place(c, ch.id, ch.before, after);
      this.txns.committed(c.name, ch.id, ch.before);
    }
    c.journal?.append(changes.map((ch) => (ch.after ? { op: 'put', doc: ch.after } : { op: 'del', id: ch.id })));
  }

  /** Buffers transactional writes after the conflict and uniqueness checks MongoDB does at write time. */
  private stage(txn: Txn, c: Collection, changes: readonly Change[]): void {
    for (const ch of changes) this.txns.claim(txn, c.name, ch.id);
    const touched = new Set(changes.map((ch) => ch.id));
    const earlier = txn
      .pending(c.name)
      .filter((w) => !touched.has(w.id))
      .map((w): Change => (w.after ? { id: w.id, after: w.after } : { id: w.id }));
    try {
      this.checkUnique(c, [...earlier, ...changes]);
    } catch (e) {
      // MongoDB aborts a transaction on any write error.
      this.txns.end(txn);
      throw e;
    }
    for (const ch of changes) txn.writes.set(docKey(c.name, ch.id), { collection: c.name, id: ch.id, after: ch.after });
  }

  /** Moves one document in memory and in the indexes; an update keeps the document's natural order. */
  private place(c: Collection, id: DocId, before: Doc | undefined, after: Doc | undefined): void {
    if (before) {
      for (const index of [...c.uniques, ...c.fields]) index.remove(id, before);
      for (const index of c.sorted) index.remove(id, before, after !== undefined);
    }
    if (after) {
      c.docs.set(id, after);
      for (const index of [...c.uniques, ...c.fields, ...c.sorted]) index.add(id, after);
    } else {
      c.docs.delete(id);
    }
  }

  // ── helpers ────────────────────────────────────────────────────────────────

  private coll(name: unknown): Collection {
    const c = typeof name === 'string' ? this.collections.get(name) : undefined;
    if (!c) throw collectionMissing(String(name));
    return c;
  }

  /** The refusal for an operation a transaction cannot carry; like any failed write, it aborts the transaction. */
  private refuseInTransaction(txn: Txn, what: string): DbError {
    this.txns.end(txn);
    return notInTransaction(what);
  }

  private txnOf(p: Params): Txn | undefined {
    return p.transactionId === undefined ? undefined : this.txns.get(p.transactionId);
  }

  private decodeDoc(v: unknown, fallback?: Doc): Doc {
    if (v === undefined && fallback) return fallback;
    if (typeof v !== 'string') throw invalidParam('expected an EJSON document string');
    let doc: unknown;
    try {
      doc = decode(v, this.clock);
    } catch (e) {
      throw invalidParam((e as Error).message);
    }
    if (!isPlainObject(doc)) throw invalidParam('expected an EJSON document');
    return doc;
  }

  private decodeSort(order: unknown): SortSpec {
    return order === undefined ? [] : this.sortSpec(this.decodeDoc(order));
  }

  private sortSpec(order: Doc): SortSpec {
    return Object.entries(order).map(([field, dir]): [string, 1 | -1] => [field, dir === -1 ? -1 : 1]);
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('DocumentStore is closed');
  }
}
