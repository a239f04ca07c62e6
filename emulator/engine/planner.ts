/**
 * Index coverage, judged the way the recorder reports it (ARCHITECTURE.md, "The emulator seam"): a filter is covered when
 * a declared index's key prefix is exactly the query's equality fields, optionally followed by
 * one range field or by the sort fields (in index order or fully reversed). `_id` equality or
 * `$in` is always covered. Any other predicate (regex, $ne, $exists, $nor, …) leaves a residual
 * scan, so it is reported as not covered: the bench's "no unindexed query" must be strict.
 */
import { isPlainObject, type Doc } from './ejson';
import type { IndexSpec } from './manifest';

export type SortSpec = [string, 1 | -1][];

export interface Coverage {
  indexed: boolean;
  index?: string;
}

const RANGE_OPS = new Set(['$gt', '$gte', '$lt', '$lte']);
const EQ_OPS = new Set(['$eq', '$in']);
/** `_id` is indexed implicitly, which also covers keyset pagination (`_id > last`, sorted by `_id`). */
const ID_INDEX: IndexSpec = { name: '_id', keys: { _id: 1 } };

type Kind = 'eq' | 'range' | 'other';

function kindOf(cond: unknown): Kind {
  if (cond instanceof RegExp) return 'other';
  if (!isPlainObject(cond)) return 'eq';
  const ops = Object.keys(cond);
  if (ops.length === 0 || ops.every((op) => !op.startsWith('$'))) return 'eq';
  if (ops.every((op) => EQ_OPS.has(op))) {
    const list = cond.$in;
    return Array.isArray(list) && list.some((x) => x instanceof RegExp) ? 'other' : 'eq';
  }
  if (ops.every((op) => RANGE_OPS.has(op))) return 'range';
  return 'other';
}

interface Shape {
  eq: Set<string>;
  range: Set<string>;
  other: boolean;
  ors: unknown[][];
}

function collect(filter: Doc, conds: Map<string, unknown[]>, shape: Shape): void {
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const sub of value) {
        if (isPlainObject(sub)) collect(sub, conds, shape);
        else shape.other = true;
      }
    } else if (key === '$or' && Array.isArray(value)) {
      shape.ors.push(value);
    } else if (key.startsWith('$')) {
      shape.other = true;
    } else {
      const list = conds.get(key) ?? [];
      list.push(value);
      conds.set(key, list);
    }
  }
}

function analyze(filter: Doc): Shape {
  const conds = new Map<string, unknown[]>();
  const shape: Shape = { eq: new Set(), range: new Set(), other: false, ors: [] };
  collect(filter, conds, shape);
  for (const [field, list] of conds) {
    const kinds = list.map(kindOf);
    if (kinds.includes('other')) shape.other = true;
    else if (kinds.includes('eq')) shape.eq.add(field);
    else shape.range.add(field);
  }
  return shape;
}

function fits(spec: IndexSpec, shape: Shape, sort: SortSpec): boolean {
  const keys = Object.entries(spec.keys);
  let k = 0;
  while (k < keys.length && shape.eq.has(keys[k]![0])) k++;
  if (k !== shape.eq.size) return false;
  // Sorting on a field pinned by equality costs nothing.
  const rest = sort.filter(([f]) => !shape.eq.has(f));
  if (shape.range.size > 1) return false;
  if (shape.range.size === 1) {
    const [field] = shape.range;
    return keys[k]?.[0] === field && rest.every(([f]) => f === field);
  }
  if (rest.length === 0) return k > 0;
  let sign = 0;
  for (const [i, [field, dir]] of rest.entries()) {
    const key = keys[k + i];
    if (!key || key[0] !== field) return false;
    const s = key[1] * dir;
    if (sign === 0) sign = s;
    else if (s !== sign) return false;
  }
  return true;
}

export function coverage(filter: Doc, sort: SortSpec, indexes: readonly IndexSpec[]): Coverage {
  const shape = analyze(filter);
  if (shape.other || shape.ors.length > 1) return { indexed: false };
  const [branches] = shape.ors;
  if (branches) {
    // Each $or branch is planned on its own (MongoDB's OR plan), combined with the other predicates.
    const rest: Doc = { ...filter };
    delete rest.$or;
    const names = new Set<string>();
    for (const branch of branches) {
      if (!isPlainObject(branch)) return { indexed: false };
      const sub = coverage({ $and: [rest, branch] }, [], indexes);
      if (!sub.indexed || sub.index === undefined) return { indexed: false };
      names.add(sub.index);
    }
    return { indexed: true, index: [...names].join('|') };
  }
  if (shape.eq.has('_id')) return { indexed: true, index: '_id' };
  for (const spec of [...indexes, ID_INDEX]) {
    if (fits(spec, shape, sort)) return { indexed: true, index: spec.name };
  }
  return { indexed: false };
}

/**
 * Values that every document matching `filter` must hold under `field`, or undefined when the
 * filter does not pin the field. Used only to narrow candidates; mingo still filters them.
 */
export function equalityValues(filter: Doc, field: string): unknown[] | undefined {
  const cond = filter[field];
  if (cond !== undefined && !(cond instanceof RegExp)) {
    if (!isPlainObject(cond) || Object.keys(cond).every((k) => !k.startsWith('$'))) return [cond];
    if ('$eq' in cond && !(cond.$eq instanceof RegExp)) return [cond.$eq];
    const list = cond.$in;
    if (Array.isArray(list) && !list.some((x) => x instanceof RegExp)) return list;
  }
  const and = filter.$and;
  if (Array.isArray(and)) {
    for (const sub of and) {
      const values = isPlainObject(sub) ? equalityValues(sub, field) : undefined;
      if (values) return values;
    }
  }
  return undefined;
}

/** A `$lookup` probes the foreign collection by `foreignField`; that needs an index led by it. */
export function lookupCovered(foreignField: string, indexes: readonly IndexSpec[]): boolean {
  return foreignField === '_id' || indexes.some((i) => Object.keys(i.keys)[0] === foreignField);
}
