/** Transactions through the official SDK: snapshot reads, commit, rollback, first-writer-wins. */
import { isDuplicateKeyError, isTransactionConflictError } from '../../server/kernel/sdk-errors';
import { sdkAgainstStore } from '../support/sdkAgainstStore';

const { store, db, _ } = sdkAgainstStore([
  { name: 'activities', permission: 'ADMINONLY', indexes: [] },
  {
    name: 'signups',
    permission: 'ADMINONLY',
    indexes: [{ name: 'activity_member_unique', keys: { activityId: 1, memberId: 1 }, unique: true }],
  },
]);

beforeEach(() => {
  store.reset();
  store.insertMany('activities', [
    { _id: 'a1', seats: 2, taken: 0 },
    { _id: 'a2', seats: 5, taken: 0 },
  ]);
});

const activity = async (id: string) => (await db.collection('activities').doc(id).get()).data;

test('提交后事务内的 get/update/set/add/remove 一起生效', async () => {
  const t = await db.startTransaction();
  const a1 = (await t.collection('activities').doc('a1').get()).data;
  expect(a1).toEqual({ _id: 'a1', seats: 2, taken: 0 });
  await t
    .collection('activities')
    .doc('a1')
    .update({ data: { taken: _.inc(1) } });
  await t
    .collection('activities')
    .doc('a3')
    .set({ data: { seats: 9, taken: 0 } });
  const added = await t.collection('signups').add({ data: { activityId: 'a1', memberId: 'm1' } });
  await t.collection('activities').doc('a2').remove();
  // The transaction sees its own writes; outsiders do not until commit.
  expect((await t.collection('activities').doc('a1').get()).data.taken).toBe(1);
  expect((await activity('a1')).taken).toBe(0);
  expect((await db.collection('signups').count()).total).toBe(0);
  await t.commit();
  expect((await activity('a1')).taken).toBe(1);
  expect(await activity('a3')).toEqual({ _id: 'a3', seats: 9, taken: 0 });
  expect((await db.collection('signups').doc(added._id).get()).data.memberId).toBe('m1');
  await expect(db.collection('activities').doc('a2').get()).rejects.toThrow(/does not exist/);
});

test('rollback 撤销事务内全部写入', async () => {
  const t = await db.startTransaction();
  await t
    .collection('activities')
    .doc('a1')
    .update({ data: { taken: 2 } });
  await t.collection('signups').add({ data: { activityId: 'a1', memberId: 'm1' } });
  await t.rollback();
  expect((await activity('a1')).taken).toBe(0);
  expect((await db.collection('signups').count()).total).toBe(0);
});

/** The SDK leaves its transaction object untyped (`any`); naming that here keeps the callbacks honest about it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type SdkTransaction = any;

test('runTransaction 回调抛错时回滚，正常返回时提交', async () => {
  await expect(
    db.runTransaction(async (t: SdkTransaction) => {
      await t
        .collection('activities')
        .doc('a1')
        .update({ data: { taken: 1 } });
      throw new Error('业务失败');
    }),
  ).rejects.toThrow('业务失败');
  expect((await activity('a1')).taken).toBe(0);
  const result = await db.runTransaction(async (t: SdkTransaction) => {
    const a = (await t.collection('activities').doc('a1').get()).data;
    await t
      .collection('activities')
      .doc('a1')
      .update({ data: { taken: a.taken + 1 } });
    return 'ok';
  });
  expect(result).toBe('ok');
  expect((await activity('a1')).taken).toBe(1);
});

test('事务读的是开始时的快照，不受之后的外部写影响', async () => {
  const t = await db.startTransaction();
  await db
    .collection('activities')
    .doc('a1')
    .update({ data: { taken: 7 } });
  expect((await t.collection('activities').doc('a1').get()).data.taken).toBe(0);
  await t.rollback();
});

describe('事务只接受按 _id 的单文档操作，其余的像 CloudBase 一样被拒绝并中止事务', () => {
  const refused: [string, (t: SdkTransaction) => Promise<unknown>][] = [
    ['where().get()', (t) => t.collection('activities').where({ taken: 0 }).get()],
    ['where().count()', (t) => t.collection('activities').where({ taken: 0 }).count()],
    ['count()', (t) => t.collection('activities').count()],
    [
      'where().update()',
      (t) =>
        t
          .collection('activities')
          .where({ taken: 0 })
          .update({ data: { taken: 1 } }),
    ],
    ['where().remove()', (t) => t.collection('activities').where({ taken: 0 }).remove()],
    ['aggregate()', (t) => t.collection('activities').aggregate().match({ taken: 0 }).end()],
    [
      '批量 add',
      (t) =>
        t.collection('signups').add({
          data: [
            { activityId: 'a1', memberId: 'm1' },
            { activityId: 'a1', memberId: 'm2' },
          ],
        }),
    ],
  ];

  test.each(refused)('%s', async (_label, operation) => {
    const t = await db.startTransaction();
    await t
      .collection('activities')
      .doc('a2')
      .update({ data: { taken: 3 } });
    const err = await operation(t).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toContain('is not supported in a transaction');
    // Aborted on the server: the earlier write is gone and the transaction cannot commit.
    await expect(t.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' });
    expect(await activity('a2')).toEqual({ _id: 'a2', seats: 5, taken: 0 });
    expect(await activity('a1')).toEqual({ _id: 'a1', seats: 2, taken: 0 });
  });
});

test('事务内读取不存在的文档：和生产一样，SDK 抛出 “does not exist”，而不是返回空', async () => {
  const t = await db.startTransaction();
  await expect(t.collection('activities').doc('nope').get()).rejects.toThrow(/document with _id nope does not exist/);
  await t.rollback();
});

test('两个事务写同一文档：先写者胜，后写者的写操作报冲突并被中止，不写入任何数据', async () => {
  const t1 = await db.startTransaction();
  const t2 = await db.startTransaction();
  await t1.collection('activities').doc('a1').get();
  await t2.collection('activities').doc('a1').get();
  await t1
    .collection('activities')
    .doc('a1')
    .update({ data: { taken: 1, by: 't1' } });
  await t2
    .collection('activities')
    .doc('a2')
    .update({ data: { taken: 1, by: 't2' } });
  const err = await t2
    .collection('activities')
    .doc('a1')
    .update({ data: { taken: 1, by: 't2' } })
    .catch((e: unknown) => e);
  expect(err).toBeInstanceOf(Error);
  expect(err.errCode).toBe(-501001);
  expect(err.message).toContain('[ResourceUnavailable.TransactionConflict]');
  expect(isTransactionConflictError(err)).toBe(true);
  // The conflict aborted t2 on the server, as MongoDB does.
  await expect(t2.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' });
  await t1.commit();
  expect(await activity('a1')).toMatchObject({ taken: 1, by: 't1' });
  expect(await activity('a2')).toEqual({ _id: 'a2', seats: 5, taken: 0 });
});

test('事务开始后被外部改过的文档，事务再写它就冲突', async () => {
  const t = await db.startTransaction();
  await t.collection('activities').doc('a1').get();
  await db
    .collection('activities')
    .doc('a1')
    .update({ data: { taken: 2 } });
  const err = await t
    .collection('activities')
    .doc('a1')
    .update({ data: { taken: 1 } })
    .catch((e: unknown) => e);
  expect(isTransactionConflictError(err)).toBe(true);
  expect((await activity('a1')).taken).toBe(2);
});

test('事务写之后外部又写了同一文档时，提交报 DATABASE_TRANSACTION_CONFLICT 且整笔不写入', async () => {
  const t = await db.startTransaction();
  await t
    .collection('activities')
    .doc('a1')
    .update({ data: { taken: 1 } });
  await t
    .collection('activities')
    .doc('a2')
    .update({ data: { taken: 1 } });
  await db
    .collection('activities')
    .doc('a1')
    .update({ data: { seats: 3 } });
  const err = await t.commit().catch((e: unknown) => e);
  // commit() is not wrapped by wx-server-sdk: the caller gets node-sdk's error with the string code.
  expect(err).toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
  expect(err.errCode).toBeUndefined();
  expect(isTransactionConflictError(err)).toBe(true);
  expect(await activity('a1')).toEqual({ _id: 'a1', seats: 3, taken: 0 });
  expect((await activity('a2')).taken).toBe(0);
});

test('事务内同样执行唯一索引', async () => {
  await db.collection('signups').add({ data: { activityId: 'a1', memberId: 'm1' } });
  const t = await db.startTransaction();
  const err = await t
    .collection('signups')
    .add({ data: { activityId: 'a1', memberId: 'm1' } })
    .catch((e: unknown) => e);
  expect(isDuplicateKeyError(err)).toBe(true);
  expect((await db.collection('signups').count()).total).toBe(1);
});

test('两个事务插入同一唯一键：先提交者成功，后提交者失败且不写入', async () => {
  const t1 = await db.startTransaction();
  const t2 = await db.startTransaction();
  await t1.collection('signups').add({ data: { activityId: 'a2', memberId: 'm7' } });
  await t2.collection('signups').add({ data: { activityId: 'a2', memberId: 'm7' } });
  await t1.commit();
  const err = await t2.commit().catch((e: unknown) => e);
  expect(isDuplicateKeyError(err)).toBe(true);
  expect((await db.collection('signups').where({ memberId: 'm7' }).count()).total).toBe(1);
});

test('已结束的事务不能再使用', async () => {
  const t = await db.startTransaction();
  await t.commit();
  await expect(t.collection('activities').doc('a1').get()).rejects.toThrow(/TransactionNotExist/);
  await expect(t.rollback()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' });
});
