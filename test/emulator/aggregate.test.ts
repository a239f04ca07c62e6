/** Aggregation pipelines through the official SDK builder (`stageKey`/`stageValue` on the wire). */
import { isCollectionMissingError } from '../../server/kernel/sdk-errors';
import { sdkAgainstStore } from '../support/sdkAgainstStore';

const { store, db, _ } = sdkAgainstStore([
  { name: 'branches', permission: 'ADMINONLY', indexes: [] },
  { name: 'members', permission: 'ADMINONLY', indexes: [{ name: 'branch_status', keys: { branchId: 1, status: 1 } }] },
]);
const $ = _.aggregate;

beforeAll(() => {
  store.insertMany('branches', [
    { _id: 'b1', name: '第一党支部' },
    { _id: 'b2', name: '第二党支部' },
  ]);
  store.insertMany('members', [
    { _id: 'm1', branchId: 'b1', status: 'active', points: 10, tags: ['党课', '观影'], joinedAt: new Date('2024-01-01T00:00:00Z') },
    { _id: 'm2', branchId: 'b1', status: 'active', points: 30, tags: ['党课'], joinedAt: new Date('2024-06-01T00:00:00Z') },
    { _id: 'm3', branchId: 'b2', status: 'active', points: 20, tags: [], joinedAt: new Date('2024-03-01T00:00:00Z') },
    { _id: 'm4', branchId: 'b2', status: 'left', points: 99, tags: ['读书'], joinedAt: new Date('2023-01-01T00:00:00Z') },
  ]);
});

test('match + group + sort 按支部汇总积分', async () => {
  const res = await db
    .collection('members')
    .aggregate()
    .match({ status: 'active' })
    .group({ _id: '$branchId', total: $.sum('$points'), n: $.sum(1), best: $.max('$points') })
    .sort({ total: -1 })
    .end();
  expect(res.list).toEqual([
    { _id: 'b1', total: 40, n: 2, best: 30 },
    { _id: 'b2', total: 20, n: 1, best: 20 },
  ]);
  expect(res.errMsg).toBe('collection.aggregate:ok');
});

test('lookup + unwind + project 关联支部名称，limit 截断结果', async () => {
  const res = await db
    .collection('members')
    .aggregate()
    .match({ status: 'active' })
    .sort({ points: -1 })
    .lookup({ from: 'branches', localField: 'branchId', foreignField: '_id', as: 'branch' })
    .unwind('$branch')
    .project({ _id: 0, member: '$_id', branchName: '$branch.name', points: 1 })
    .limit(2)
    .end();
  expect(res.list).toEqual([
    { member: 'm2', branchName: '第一党支部', points: 30 },
    { member: 'm3', branchName: '第二党支部', points: 20 },
  ]);
});

test('unwind 展开数组，skip/count/addFields 可用，Date 在结果中仍是 Date', async () => {
  const unwound = await db
    .collection('members')
    .aggregate()
    .unwind('$tags')
    .group({ _id: '$tags', n: $.sum(1) })
    .sort({ n: -1, _id: 1 })
    .end();
  expect(unwound.list).toEqual([
    { _id: '党课', n: 2 },
    { _id: '观影', n: 1 },
    { _id: '读书', n: 1 },
  ]);
  const counted = await db
    .collection('members')
    .aggregate()
    .match({ points: _.gte(20) })
    .count('n')
    .end();
  expect(counted.list).toEqual([{ n: 3 }]);
  const added = await db
    .collection('members')
    .aggregate()
    .sort({ joinedAt: 1 })
    .skip(3)
    .addFields({ double: $.multiply(['$points', 2]) })
    .project({ joinedAt: 1, double: 1 })
    .end();
  expect(added.list).toEqual([{ _id: 'm2', joinedAt: new Date('2024-06-01T00:00:00Z'), double: 60 }]);
});

test('聚合不会改动存储中的文档', async () => {
  await db.collection('members').aggregate().addFields({ points: 0, extra: 1 }).end();
  expect((await db.collection('members').doc('m2').get()).data).toMatchObject({ points: 30 });
  expect((await db.collection('members').doc('m2').get()).data).not.toHaveProperty('extra');
});

test('聚合不存在的集合报 DATABASE_COLLECTION_NOT_EXIST（aggregate 的 SDK 包装保留字符串 code，errCode 为 -1）', async () => {
  const err = await db
    .collection('ghosts')
    .aggregate()
    .match({ a: 1 })
    .end()
    .catch((e: unknown) => e);
  expect(err).toMatchObject({ errCode: -1, code: 'DATABASE_COLLECTION_NOT_EXIST' });
  expect(isCollectionMissingError(err)).toBe(true);
});
