/**
 * An index on a path through an array of sub-documents (`checks.traceId`) is a MongoDB multikey
 * index: each element's value finds its document, as in CloudBase. The engine's hash lookup must
 * agree with the query, or an indexed equality would miss documents a scan finds.
 */
import { sdkAgainstStore } from '../support/sdkAgainstStore';

const { store, db } = sdkAgainstStore([
  { name: 'works', permission: 'ADMINONLY', indexes: [{ name: 'check_trace', keys: { 'checks.traceId': 1 } }] },
]);

beforeAll(() => {
  store.insertMany('works', [
    {
      _id: 'w1',
      checks: [
        { traceId: 't-1', state: 'pending' },
        { traceId: 't-2', state: 'pass' },
      ],
    },
    { _id: 'w2', checks: [{ traceId: 't-3', state: 'pending' }] },
    { _id: 'w3', checks: [] },
    { _id: 'w4' },
  ]);
});

const ids = (res: { data: { _id: string }[] }): string[] => res.data.map((doc) => doc._id);

test('数组中任一元素的值都能找到所在文档', async () => {
  expect(ids(await db.collection('works').where({ 'checks.traceId': 't-2' }).get())).toEqual(['w1']);
  expect(ids(await db.collection('works').where({ 'checks.traceId': 't-3' }).get())).toEqual(['w2']);
  expect(ids(await db.collection('works').where({ 'checks.traceId': 't-9' }).get())).toEqual([]);
});

test('更新数组后，索引随之更新', async () => {
  await db
    .collection('works')
    .where({ _id: 'w3' })
    .update({ data: { checks: [{ traceId: 't-4', state: 'pending' }] } });
  expect(ids(await db.collection('works').where({ 'checks.traceId': 't-4' }).get())).toEqual(['w3']);
  await db
    .collection('works')
    .where({ _id: 'w3' })
    .update({ data: { checks: [] } });
  expect(ids(await db.collection('works').where({ 'checks.traceId': 't-4' }).get())).toEqual([]);
});
