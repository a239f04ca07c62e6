/**
 * The sorted compound-index read path must answer exactly like a scan: the same documents, in the
 * same order (ties included), the same counts. Two stores receive the same writes; one declares
 * the compound index (served from the sorted index), the other only its leading field (scanned).
 */
import { encode } from '../../emulator/engine/ejson';
import { parseManifest } from '../../emulator/engine/manifest';
import { seededRng } from '../../core/quiz';
import { SortedRun, type SortedEntry } from '../../emulator/engine/indexes';
import { DocumentStore } from '../../emulator/engine/store';

function storeWith(keys: Record<string, 1 | -1>): DocumentStore {
  return new DocumentStore({
    manifest: parseManifest({ collections: [{ name: 'rows', permission: 'ADMINONLY', indexes: [{ name: 'lead_rest', keys }] }] }),
  });
}

let seed = 7;
function rnd(n: number): number {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed % n;
}

const indexed = storeWith({ g: 1, k: 1, n: 1 });
const scanned = storeWith({ g: 1 });
const both = [indexed, scanned];

interface ReadReply {
  data: { list: string[]; total: number };
}

async function send(store: DocumentStore, action: string, params: Record<string, unknown>): Promise<ReadReply> {
  return (await store.handle(action, { collectionName: 'rows', ...params })) as unknown as ReadReply;
}

/** The same request to the indexed store and the scanning one. */
function sendBoth(action: string, params: Record<string, unknown>): Promise<[ReadReply, ReadReply]> {
  return Promise.all([send(indexed, action, params), send(scanned, action, params)]);
}

/** Now and then a field is null or missing, as MongoDB indexes them: lowest in the order, matched by no scalar bound. */
function maybeMissing<T>(value: T): T | null | undefined {
  const roll = rnd(12);
  return roll === 0 ? null : roll === 1 ? undefined : value;
}

function randomDoc(i: number) {
  const doc: Record<string, unknown> = {
    _id: `r${i}`,
    g: maybeMissing(`g${rnd(3)}`),
    k: maybeMissing(`k${rnd(6)}`),
    n: maybeMissing(rnd(4)),
    extra: i,
  };
  for (const key of Object.keys(doc)) if (doc[key] === undefined) delete doc[key];
  return doc;
}

function randomFilter(): Record<string, unknown> {
  const filter: Record<string, unknown> = { g: `g${rnd(3)}` };
  const shape = rnd(6);
  const bound = () => `k${rnd(7)}`;
  if (shape === 1) filter.k = { $lt: bound() };
  if (shape === 2) filter.$and = [{ k: { $gt: bound() } }, { k: { $lte: bound() } }];
  if (shape === 3) filter.k = `k${rnd(6)}`;
  if (shape === 4) Object.assign(filter, { k: `k${rnd(6)}`, n: { $gte: rnd(4) } });
  if (shape === 5) filter.extra = { $gt: rnd(50) }; // not in the index: must fall back to a scan
  return filter;
}

function randomOrder(): Record<string, 1 | -1> | undefined {
  const dir: 1 | -1 = rnd(2) === 0 ? 1 : -1;
  const orders: (Record<string, 1 | -1> | undefined)[] = [
    undefined,
    { k: dir },
    { k: dir, n: dir },
    { n: dir },
    { k: dir, n: -dir as 1 | -1 },
  ];
  return orders[rnd(orders.length)];
}

describe('sorted compound index', () => {
  beforeAll(() => {
    const docs = Array.from({ length: 300 }, (_, i) => randomDoc(i));
    for (const store of both)
      store.insertMany(
        'rows',
        docs.map((d) => ({ ...d })),
      );
  });

  it('answers reads and counts exactly like a scan, through inserts, updates and removes', async () => {
    for (let round = 0; round < 400; round++) {
      const op = rnd(10);
      if (op === 0) {
        const doc = randomDoc(1000 + round);
        for (const store of both) await send(store, 'database.insertDocument', { data: [encode(doc)] });
      } else if (op === 1) {
        const query = encode({ _id: `r${rnd(300)}` });
        const data = encode(rnd(8) === 0 ? { $unset: { k: '' } } : { $set: { k: maybeMissing(`k${rnd(6)}`) ?? null, n: rnd(4) } });
        for (const store of both) await send(store, 'database.modifyDocument', { query, data, multi: false, merge: true });
      } else if (op === 2) {
        const query = encode({ _id: `r${rnd(300)}` });
        for (const store of both) await send(store, 'database.removeDocument', { query, multi: false });
      } else {
        const filter = randomFilter();
        const order = randomOrder();
        const params: Record<string, unknown> = { query: encode(filter), limit: 1 + rnd(40), offset: rnd(3) === 0 ? rnd(20) : 0 };
        if (order) params.order = encode(order);
        const [a, b] = await sendBoth('database.getDocument', params);
        expect({ filter, order, list: a.data.list }).toEqual({ filter, order, list: b.data.list });
        const [ca, cb] = await sendBoth('database.calculateDocument', { query: encode(filter) });
        expect({ filter, total: ca.data.total }).toEqual({ filter, total: cb.data.total });
      }
    }
  });

  it('falls back to a scan once a document holds a non-scalar key value', async () => {
    for (const store of both) store.insertMany('rows', [{ _id: 'odd', g: 'g1', k: ['k1', 'k2'], n: 1 }]);
    const params = { query: encode({ g: 'g1', k: { $lt: 'k3' } }), order: encode({ k: 1 }), limit: 100 };
    const [a, b] = await sendBoth('database.getDocument', params);
    expect(a.data.list).toEqual(b.data.list);
  });
});

describe('sorted compound index over dates', () => {
  const withDates = storeWith({ g: 1, t: 1 });
  const scanDates = storeWith({ g: 1 });
  const rng = seededRng('sorted-dates');
  const pick = (n: number) => Math.floor(rng() * n);
  const instant = () => ({ $date: new Date(Date.UTC(2027, 0, 1) + pick(30) * 3_600_000).toISOString() });

  it('answers time ranges and orders by time exactly like a scan, nulls and missing times included', async () => {
    const docs = Array.from({ length: 400 }, (_, i) => {
      const roll = pick(10);
      return { _id: `d${i}`, g: `g${pick(3)}`, ...(roll === 0 ? {} : { t: roll === 1 ? null : instant() }) };
    });
    for (const store of [withDates, scanDates])
      await send(store, 'database.insertDocument', { data: docs.map((doc) => JSON.stringify(doc)) });
    for (let round = 0; round < 200; round++) {
      const from = instant();
      const shapes = [
        { t: { $gte: from } },
        { t: { $lt: from } },
        { $and: [{ t: { $gte: from } }, { t: { $lt: instant() } }] },
        { t: from },
        {},
      ];
      const query = JSON.stringify({ g: `g${pick(3)}`, ...shapes[pick(shapes.length)] });
      const params: Record<string, unknown> = { query, limit: 1 + pick(60), order: JSON.stringify({ t: pick(2) === 0 ? 1 : -1 }) };
      const [a, b] = await Promise.all([withDates, scanDates].map((store) => send(store, 'database.getDocument', params)));
      expect({ query, list: a!.data.list }).toEqual({ query, list: b!.data.list });
      const [ca, cb] = await Promise.all([withDates, scanDates].map((store) => send(store, 'database.calculateDocument', { query })));
      expect({ query, total: ca!.data.total }).toEqual({ query, total: cb!.data.total });
    }
  });
});

describe('index on one field (a time alone)', () => {
  const withIndex = storeWith({ at: 1 });
  const scanning = new DocumentStore({
    manifest: parseManifest({ collections: [{ name: 'rows', permission: 'ADMINONLY', indexes: [] }] }),
  });
  const stores = [withIndex, scanning];
  const rng = seededRng('one-field');
  const pick = (n: number) => Math.floor(rng() * n);
  // Few distinct instants, so ties are common and their order is checked too.
  const instant = () => ({ $date: new Date(Date.UTC(2027, 0, 1) + pick(40) * 60_000).toISOString() });
  const row = (i: number) => {
    const roll = pick(12);
    return { _id: `o${i}`, at: roll === 0 ? null : instant(), n: pick(5), ...(roll === 1 ? { at: undefined } : {}) };
  };

  it('answers ranges, orders and counts on that field exactly like a scan, ties included, through inserts, updates and removes', async () => {
    const first = Array.from({ length: 300 }, (_, i) => JSON.stringify(row(i)));
    for (const store of stores) await send(store, 'database.insertDocument', { data: first });
    for (let round = 0; round < 400; round++) {
      const op = pick(10);
      if (op === 0) {
        const data = [JSON.stringify(row(1000 + round))];
        for (const store of stores) await send(store, 'database.insertDocument', { data });
      } else if (op === 1) {
        const query = JSON.stringify({ _id: `o${pick(300)}` });
        const data = JSON.stringify({ $set: { at: instant() } });
        for (const store of stores) await send(store, 'database.modifyDocument', { query, data, multi: false, merge: true });
      } else if (op === 2) {
        const query = JSON.stringify({ _id: `o${pick(300)}` });
        for (const store of stores) await send(store, 'database.removeDocument', { query, multi: false });
      } else {
        const shapes = [
          { at: { $gt: instant() } },
          { at: { $lte: instant() } },
          { $and: [{ at: { $gte: instant() } }, { at: { $lt: instant() } }] },
          {},
        ];
        const query = JSON.stringify(shapes[pick(shapes.length)]);
        const params: Record<string, unknown> = { query, limit: 1 + pick(60), offset: pick(3) === 0 ? pick(20) : 0 };
        if (pick(4) > 0) params.order = JSON.stringify({ at: pick(2) === 0 ? 1 : -1 });
        const [a, b] = await Promise.all(stores.map((store) => send(store, 'database.getDocument', params)));
        expect({ params, list: a!.data.list }).toEqual({ params, list: b!.data.list });
        const [ca, cb] = await Promise.all(stores.map((store) => send(store, 'database.calculateDocument', { query })));
        expect({ query, total: ca!.data.total }).toEqual({ query, total: cb!.data.total });
      }
    }
  });
});

describe('a sorted bucket of many thousands (SortedRun)', () => {
  const byValueThenSeq = (a: SortedEntry, b: SortedEntry) => (a.values[0] as number) - (b.values[0] as number) || a.seq - b.seq;

  it('holds every entry in order, by position and by slice, through inserts and removes in any order', () => {
    const rng = seededRng('sorted-run');
    const pick = (n: number) => Math.floor(rng() * n);
    const run = new SortedRun();
    const model: SortedEntry[] = [];
    let seq = 0;
    // Mostly out-of-order keys, so chunks fill, split and empty in the middle as well as at the end.
    for (let step = 0; step < 30_000; step++) {
      if (model.length > 0 && pick(4) === 0) {
        const [gone] = model.splice(pick(model.length), 1);
        run.remove(gone!);
      } else {
        const entry: SortedEntry = { id: `e${step}`, values: [pick(step % 3 === 0 ? 50 : 5000)], seq: ++seq };
        run.insert(entry);
        model.push(entry);
      }
      if (step % 997 === 0) {
        const sorted = [...model].sort(byValueThenSeq);
        expect(run.length).toBe(sorted.length);
        const from = pick(sorted.length + 1);
        const to = from + pick(5000);
        expect(run.slice(from, to)).toEqual(sorted.slice(from, to));
        expect(run.slice(0, run.length)).toEqual(sorted);
        if (sorted.length > 0) {
          const at = pick(sorted.length);
          expect(run.at(at)).toBe(sorted[at]);
        }
      }
    }
    expect(run.length).toBeGreaterThan(10_000);
    expect(run.slice(0, run.length)).toEqual([...model].sort(byValueThenSeq));
  });

  it('ignores the removal of an entry it does not hold', () => {
    const run = new SortedRun();
    const held: SortedEntry = { id: 'a', values: [1], seq: 1 };
    run.insert(held);
    run.remove({ id: 'b', values: [1], seq: 2 });
    expect(run.slice(0, run.length)).toEqual([held]);
  });
});
