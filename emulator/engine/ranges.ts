/**
 * Serving reads from a declared compound index (SortedIndex) instead of scanning the leading
 * field's hash bucket: equality on a prefix of the index, at most one range on the next field,
 * and a sort on the following fields. The plan only narrows and orders the candidates; mingo
 * still applies the filter, sort, skip, limit and projection to them, so an answer can never
 * differ from a scan. Filters the index cannot answer exactly get no plan (and are scanned).
 */
import { isPlainObject, type Doc } from './ejson';
import {
  compareEntryValues,
  compareScalar,
  isScalar,
  kindOf,
  ONE_FIELD_LEAD_VALUE,
  type IndexValue,
  type Scalar,
  type SortedEntry,
  type SortedIndex,
  type SortedRun,
} from './indexes';
import type { SortSpec } from './planner';

type RangeOp = '$gt' | '$gte' | '$lt' | '$lte';
const RANGE_OPS = new Set<string>(['$gt', '$gte', '$lt', '$lte']);

interface FieldConds {
  eqs: Scalar[];
  ranges: [RangeOp, Scalar][];
}

/** Scalar equality and range conditions per field, or undefined for anything else ($or, $in, regex, objects, …). */
export function scalarConditions(filter: Doc, into = new Map<string, FieldConds>()): Map<string, FieldConds> | undefined {
  for (const [key, cond] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(cond)) {
      for (const sub of cond) if (!isPlainObject(sub) || !scalarConditions(sub, into)) return undefined;
      continue;
    }
    if (key.startsWith('$')) return undefined;
    let f = into.get(key);
    if (!f) into.set(key, (f = { eqs: [], ranges: [] }));
    if (isScalar(cond)) {
      f.eqs.push(cond);
      continue;
    }
    if (!isPlainObject(cond)) return undefined;
    const ops = Object.entries(cond);
    if (ops.length === 0) return undefined;
    for (const [op, v] of ops) {
      if (!isScalar(v)) return undefined;
      if (op === '$eq') f.eqs.push(v);
      else if (RANGE_OPS.has(op)) f.ranges.push([op as RangeOp, v]);
      else return undefined;
    }
  }
  return into;
}

export interface RangePlan {
  /** The leading value's bucket, sorted by the remaining index fields, then insertion. */
  entries: SortedRun;
  /** [start, end) of `entries` is exactly the documents matching the filter. */
  start: number;
  end: number;
  /** Value positions (after the leading field) the effective sort runs over, [from, to); empty when none. */
  sortFrom: number;
  sortTo: number;
  desc: boolean;
  /** The filter pins only the leading field: the range is the whole bucket. */
  wholeBucket: boolean;
  leadField: string;
  leadValue: Scalar;
}

/**
 * A null (null or missing) never satisfies a range on scalars. Held first in the sort order, it
 * fails the lower side and passes the upper, so the range's start skips past every null and both
 * bounds stay monotone over the entries.
 */
function lowerOk(v: IndexValue, ranges: readonly [RangeOp, Scalar][]): boolean {
  if (v === null) return false;
  return ranges.every(([op, b]) => (op === '$gt' ? compareScalar(v, b) > 0 : op === '$gte' ? compareScalar(v, b) >= 0 : true));
}

function upperOk(v: IndexValue, ranges: readonly [RangeOp, Scalar][]): boolean {
  if (v === null) return true;
  return ranges.every(([op, b]) => (op === '$lt' ? compareScalar(v, b) < 0 : op === '$lte' ? compareScalar(v, b) <= 0 : true));
}

/** First index in [0, n) where `after` turns true (it must be monotone over the sorted entries). */
function firstWhere(entries: SortedRun, after: (e: SortedEntry) => boolean): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (after(entries.at(mid))) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function planRange(index: SortedIndex, filter: Doc, sort: SortSpec): RangePlan | undefined {
  if (!index.usable()) return undefined;
  const conds = scalarConditions(filter);
  if (!conds) return undefined;
  const { fields } = index;
  // An index on one field has one bucket for every document: its (virtual) lead is pinned by nothing in the filter.
  const lead = index.oneField ? { eqs: [ONE_FIELD_LEAD_VALUE], ranges: [] } : conds.get(fields[0]!);
  if (!lead || lead.eqs.length !== 1 || lead.ranges.length > 0) return undefined;
  const pinned = new Set(index.oneField ? [] : [fields[0]!]);
  const prefix: Scalar[] = [];
  let e = 1;
  for (; e < fields.length; e++) {
    const c = conds.get(fields[e]!);
    if (!c || c.eqs.length !== 1 || c.ranges.length > 0) break;
    prefix.push(c.eqs[0]!);
    pinned.add(fields[e]!);
  }
  const range = e < fields.length ? conds.get(fields[e]!) : undefined;
  if (range && range.eqs.length > 0) return undefined;
  // Every condition must be on the prefix or the one range field: anything else would need a scan.
  if (conds.size !== pinned.size + (range ? 1 : 0)) return undefined;
  const typed = (pos: number, values: readonly Scalar[]): boolean => {
    const t = index.typeAt(pos);
    return t === 'empty' || (t !== 'mixed' && values.every((v) => kindOf(v) === t));
  };
  if (!prefix.every((v, i) => typed(i, [v]))) return undefined;
  if (
    range &&
    !typed(
      e - 1,
      range.ranges.map(([, v]) => v),
    )
  )
    return undefined;

  const rest = sort.filter(([f]) => !pinned.has(f));
  const positions = rest.map(([f]) => fields.indexOf(f));
  if (positions.some((p, i) => p !== e + i)) return undefined;
  if (range && rest.length > 1) return undefined;
  const desc = rest.length > 0 && rest[0]![1] === -1;
  if (rest.some(([, dir]) => (dir === -1) !== desc)) return undefined;
  if (positions.some((p) => index.typeAt(p - 1) === 'mixed')) return undefined;

  const entries = index.sortedBucket(lead.eqs[0]!);
  const p = prefix.length;
  const start = firstWhere(entries, (x) => {
    const c = compareEntryValues(x.values, prefix, 0, p);
    return c > 0 || (c === 0 && (!range || lowerOk(x.values[p]!, range.ranges)));
  });
  const end = firstWhere(entries, (x) => {
    const c = compareEntryValues(x.values, prefix, 0, p);
    return c > 0 || (c === 0 && range !== undefined && !upperOk(x.values[p]!, range.ranges));
  });
  return {
    entries,
    start,
    end: Math.max(start, end),
    sortFrom: e - 1,
    sortTo: e - 1 + rest.length,
    desc,
    wholeBucket: p === 0 && !range,
    leadField: fields[0]!,
    leadValue: lead.eqs[0]!,
  };
}

/**
 * The entries a read needs, in insertion order: every match when there is no limit, else the first
 * `want` by the plan's sort (plus every entry tied with the last, whose order mingo settles).
 */
export function planEntries(plan: RangePlan, want: number): SortedEntry[] {
  const { entries, start, end, sortFrom, sortTo, desc } = plan;
  let slice: SortedEntry[];
  if (sortTo === sortFrom || want >= end - start) {
    slice = entries.slice(start, end);
    slice.sort((a, b) => a.seq - b.seq);
    return sortTo === sortFrom ? slice.slice(0, want) : slice;
  }
  const tie = (a: SortedEntry, b: SortedEntry) => compareEntryValues(a.values, b.values, sortFrom, sortTo) === 0;
  if (!desc) {
    let to = start + want;
    while (to < end && tie(entries.at(to), entries.at(to - 1))) to++;
    slice = entries.slice(start, to);
  } else {
    let from = end - want;
    while (from > start && tie(entries.at(from - 1), entries.at(from))) from--;
    slice = entries.slice(from, end);
  }
  return slice.sort((a, b) => a.seq - b.seq);
}
