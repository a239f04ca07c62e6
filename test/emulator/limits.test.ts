/** CloudBase's server-side defaults and caps, which code that reads "everything" must respect. */
import { sdkAgainstStore } from '../support/sdkAgainstStore';

const { store, db } = sdkAgainstStore([{ name: 'rows', permission: 'ADMINONLY', indexes: [{ name: 'n', keys: { n: 1 } }] }]);

beforeAll(() => {
  store.insertMany(
    'rows',
    Array.from({ length: 1_500 }, (_, n) => ({ _id: `r${String(n).padStart(4, '0')}`, n })),
  );
});

test('不带 limit 的 get() 只返回 100 条', async () => {
  expect((await db.collection('rows').get()).data).toHaveLength(100);
  expect(
    (
      await db
        .collection('rows')
        .where({ n: db.command.gte(0) })
        .get()
    ).data,
  ).toHaveLength(100);
});

test('limit 超过 1000：服务端拒绝；官方 SDK 发送前已截到 1000，所以函数代码静默地只拿到 1000 条', async () => {
  const reply = await store.handle('database.getDocument', { collectionName: 'rows', limit: 5_000 });
  expect(reply).toMatchObject({ code: 'INVALID_PARAM', message: expect.stringContaining('limit must not exceed 1000') });
  expect((await db.collection('rows').limit(5_000).get()).data).toHaveLength(1_000);
});

test('不带 limit 的 aggregate 只返回 20 行，带 limit 时按 limit', async () => {
  expect(
    (
      await db
        .collection('rows')
        .aggregate()
        .match({ n: db.command.gte(0) })
        .end()
    ).list,
  ).toHaveLength(20);
  expect(
    (
      await db
        .collection('rows')
        .aggregate()
        .match({ n: db.command.gte(0) })
        .limit(50)
        .end()
    ).list,
  ).toHaveLength(50);
});
