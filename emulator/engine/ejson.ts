/**
 * Extended-JSON codec for the wire and the journal.
 *
 * The SDK sends canonical EJSON (bson 4 `EJSON.stringify(…, { relaxed: false })`) and parses
 * replies with `EJSON.parse` (relaxed). We write our own small codec instead of importing the
 * SDK's transitive `bson` so the engine does not depend on how npm hoists it, and so we can
 * resolve CloudBase's non-standard `$tcb_server_date` against the store clock.
 */

export type Doc = Record<string, unknown>;

/** Realm-independent (jest runs tests in a vm context whose Object.prototype differs from the host's). */
function isPlainObject(v: unknown): v is Doc {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** JS has no `x` flag; `g`/`y` would make RegExp#test stateful across documents. */
function jsFlags(options: string): string {
  return [...new Set(options)].filter((f) => 'imsu'.includes(f)).join('');
}

function singleKey(o: Doc): string | undefined {
  let only: string | undefined;
  for (const k in o) {
    if (only !== undefined) return undefined;
    only = k;
  }
  return only;
}

function reviveDate(v: unknown): Date | undefined {
  if (typeof v === 'string') return new Date(v);
  if (typeof v === 'number') return new Date(v);
  if (isPlainObject(v) && typeof v.$numberLong === 'string') return new Date(Number(v.$numberLong));
  return undefined;
}

/** Turns the wire's `$` wrappers back into values, in place: everything it walks was just made by JSON.parse. */
function revive(v: unknown, now: () => Date): unknown {
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = revive(v[i], now);
    return v;
  }
  const o = v as Doc;
  const key = singleKey(o);
  if (key !== undefined && key.startsWith('$')) {
    const inner = o[key];
    switch (key) {
      case '$numberInt':
      case '$numberDouble':
      case '$numberLong':
      case '$numberDecimal':
        if (typeof inner === 'string') return Number(inner);
        break;
      case '$date': {
        const d = reviveDate(inner);
        if (d) return d;
        break;
      }
      case '$regularExpression':
        if (isPlainObject(inner) && typeof inner.pattern === 'string') {
          return new RegExp(inner.pattern, jsFlags(typeof inner.options === 'string' ? inner.options : ''));
        }
        break;
      case '$oid':
        // CloudBase ids are strings; an ObjectId is compared by its hex form.
        if (typeof inner === 'string') return inner;
        break;
      case '$tcb_server_date': {
        const offset = isPlainObject(inner) ? revive(inner.offset, now) : 0;
        return new Date(now().getTime() + (typeof offset === 'number' ? offset : 0));
      }
    }
  }
  for (const k of Object.keys(o)) o[k] = revive(o[k], now);
  return o;
}

/** Parses an EJSON string (canonical or relaxed) into plain JS values with Date and RegExp. */
export function decode(text: string, now: () => Date = () => new Date()): unknown {
  return revive(JSON.parse(text), now);
}

/** Years relaxed EJSON writes a date in as ISO-8601 text; outside them, as canonical milliseconds. */
const ISO_YEARS = { from: Date.UTC(1970, 0, 1), to: Date.UTC(10000, 0, 1) };

function toWire(v: unknown): unknown {
  if (typeof v !== 'object' || v === null) return typeof v === 'number' && !Number.isFinite(v) ? { $numberDouble: String(v) } : v;
  if (v instanceof Date) {
    const ms = v.getTime();
    // ISO text is what relaxed EJSON uses in range, and the SDK's EJSON.parse reads it with Date.parse
    // rather than through a 64-bit Long parsed from a decimal string.
    return ms >= ISO_YEARS.from && ms < ISO_YEARS.to ? { $date: v.toISOString() } : { $date: { $numberLong: String(ms) } };
  }
  if (v instanceof RegExp) return { $regularExpression: { pattern: v.source, options: v.flags } };
  if (Array.isArray(v)) {
    const out: unknown[] = new Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = v[i] === undefined ? null : toWire(v[i]);
    return out;
  }
  const out: Doc = {};
  // Documents are plain objects (no inherited enumerable keys), so for…in walks exactly their own fields.
  for (const k in v) {
    const x = (v as Doc)[k];
    if (x !== undefined) out[k] = toWire(x);
  }
  return out;
}

/** Relaxed EJSON, which the SDK's `EJSON.parse` turns back into numbers and Dates. */
export function encode(v: unknown): string {
  return JSON.stringify(toWire(v));
}

/**
 * Deep copy that keeps Dates and RegExps (documents never hold functions or cycles). Not
 * structuredClone: that is a host function and would hand jest tests objects of another realm,
 * which `instanceof Date` (here and in mingo) does not recognise.
 */
export function clone<T>(v: T): T {
  if (v instanceof Date) return new Date(v.getTime()) as T;
  if (v instanceof RegExp) return new RegExp(v.source, v.flags) as T;
  if (Array.isArray(v)) return v.map(clone) as T;
  if (typeof v === 'object' && v !== null) {
    const out: Doc = {};
    for (const [k, x] of Object.entries(v)) out[k] = clone(x);
    return out as T;
  }
  return v;
}

/**
 * Freezes a document all the way down. Stored documents are shared with readers (no copy per
 * query), so freezing turns any stray mutation into an error. A frozen object is taken to be frozen
 * all the way down already (only this function freezes documents), so freezing it again is free.
 */
export function freeze<T>(v: T): T {
  if (Object.isFrozen(v)) return v;
  if (Array.isArray(v)) {
    for (const x of v) freeze(x);
    Object.freeze(v);
  } else if (isPlainObject(v)) {
    for (const x of Object.values(v)) freeze(x);
    Object.freeze(v);
  }
  return v;
}

export { isPlainObject };
