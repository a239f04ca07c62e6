/** Reads through the official wx-server-sdk builders against the embedded engine. */
import { sdkAgainstStore } from '../support/sdkAgainstStore';

const { store, db, _ } = sdkAgainstStore([
  {
    name: 'items',
    permission: 'ADMINONLY',
    indexes: [
      { name: 'cat_price', keys: { cat: 1, price: -1 } },
      { name: 'code_unique', keys: { code: 1 }, unique: true },
    ],
  },
  { name: 'bulk', permission: 'ADMINONLY', indexes: [] },
]);

const items = [
  { _id: 'i1', code: 'A', cat: 'book', price: 30, tags: ['red', 'old'], stock: { n: 1 }, at: new Date('2024-01-01T00:00:00Z') },
  { _id: 'i2', code: 'B', cat: 'book', price: 10, tags: ['blue'], stock: { n: 0 }, at: new Date('2024-02-01T00:00:00Z') },
  { _id: 'i3', code: 'C', cat: 'film', price: 20, tags: [], at: new Date('2024-03-01T00:00:00Z') },
  { _id: 'i4', code: 'D', cat: 'film', price: 20, tags: ['red'], note: '红色经典', at: new Date('2024-04-01T00:00:00Z') },
  { _id: 'i5', code: 'E', cat: 'visit', price: 5, tags: [{ k: 'x', v: 1 }], at: new Date('2024-05-01T00:00:00Z') },
];

beforeAll(() => {
  store.insertMany('items', items);
});

const ids = (res: { data: { _id: string }[] }): string[] => res.data.map((d) => d._id);
const find = async (where: object): Promise<string[]> => ids(await db.collection('items').where(where).orderBy('_id', 'asc').get());

describe('比较操作符', () => {
  test('eq / neq 按值相等与不等筛选', async () => {
    expect(await find({ cat: 'book' })).toEqual(['i1', 'i2']);
    expect(await find({ cat: _.eq('film') })).toEqual(['i3', 'i4']);
    expect(await find({ cat: _.neq('book') })).toEqual(['i3', 'i4', 'i5']);
  });

  test('gt / gte / lt / lte 按范围筛选，且可以 and 组合在同一字段上', async () => {
    expect(await find({ price: _.gt(20) })).toEqual(['i1']);
    expect(await find({ price: _.gte(20) })).toEqual(['i1', 'i3', 'i4']);
    expect(await find({ price: _.lt(10) })).toEqual(['i5']);
    expect(await find({ price: _.lte(10) })).toEqual(['i2', 'i5']);
    expect(await find({ price: _.gt(5).and(_.lt(30)) })).toEqual(['i2', 'i3', 'i4']);
  });

  test('Date 值按时间比较，查询返回 Date 实例', async () => {
    const res = await db
      .collection('items')
      .where({ at: _.gte(new Date('2024-04-01T00:00:00Z')) })
      .orderBy('at', 'asc')
      .get();
    expect(ids(res)).toEqual(['i4', 'i5']);
    expect(res.data[0].at).toBeInstanceOf(Date);
    expect(res.data[0].at.toISOString()).toBe('2024-04-01T00:00:00.000Z');
  });

  test('in / nin 按集合成员筛选', async () => {
    expect(await find({ code: _.in(['A', 'C', 'Z']) })).toEqual(['i1', 'i3']);
    expect(await find({ code: _.nin(['A', 'C']) })).toEqual(['i2', 'i4', 'i5']);
  });

  test('exists 区分字段有无，size 按数组长度筛选', async () => {
    expect(await find({ note: _.exists(true) })).toEqual(['i4']);
    expect(await find({ stock: _.exists(false) })).toEqual(['i3', 'i4', 'i5']);
    expect(await find({ tags: _.size(0) })).toEqual(['i3']);
    expect(await find({ tags: _.size(2) })).toEqual(['i1']);
  });

  test('数组字段等值匹配任一元素，elemMatch 匹配对象元素', async () => {
    expect(await find({ tags: 'red' })).toEqual(['i1', 'i4']);
    expect(await find({ tags: _.elemMatch({ k: 'x', v: _.gte(1) }) })).toEqual(['i5']);
  });

  test('嵌套对象条件按点路径匹配', async () => {
    expect(await find({ stock: { n: 0 } })).toEqual(['i2']);
    expect(await find({ 'stock.n': _.gt(0) })).toEqual(['i1']);
  });

  test('JS 正则与 db.RegExp 都能按模式匹配', async () => {
    expect(await find({ code: /^[ab]$/i })).toEqual(['i1', 'i2']);
    expect(await find({ note: db.RegExp({ regexp: '红色', options: '' }) })).toEqual(['i4']);
  });
});

describe('逻辑操作符', () => {
  test('and / or 组合多个条件', async () => {
    expect(await find(_.and([{ cat: 'film' }, { tags: 'red' }]))).toEqual(['i4']);
    expect(await find(_.or([{ cat: 'visit' }, { price: _.gte(30) }]))).toEqual(['i1', 'i5']);
    expect(await find({ price: _.lt(10).or(_.gt(25)) })).toEqual(['i1', 'i5']);
  });

  test('nor 排除所有分支都不满足以外的文档', async () => {
    expect(await find(_.nor([{ cat: 'book' }, { cat: 'film' }]))).toEqual(['i5']);
  });

  test('not 对单个字段条件取反', async () => {
    expect(await find({ price: _.not(_.gt(10)) })).toEqual(['i2', 'i5']);
  });
});

describe('排序、分页与投影', () => {
  test('orderBy 两个字段：先按第一字段，再按第二字段', async () => {
    const res = await db.collection('items').orderBy('price', 'desc').orderBy('code', 'desc').get();
    expect(ids(res)).toEqual(['i1', 'i4', 'i3', 'i2', 'i5']);
  });

  test('skip 与 limit 在排序之后分页', async () => {
    const res = await db.collection('items').orderBy('code', 'asc').skip(1).limit(2).get();
    expect(ids(res)).toEqual(['i2', 'i3']);
  });

  test('field 投影只返回所选字段和 _id，排除投影去掉指定字段', async () => {
    const res = await db.collection('items').where({ _id: 'i1' }).field({ code: true, price: true }).get();
    expect(res.data).toEqual([{ _id: 'i1', code: 'A', price: 30 }]);
    const ex = await db.collection('items').doc('i2').field({ tags: false, stock: false, at: false }).get();
    expect(ex.data).toEqual({ _id: 'i2', code: 'B', cat: 'book', price: 10 });
  });

  test('投影可去掉 _id，文档没有的字段不出现，null 值照样返回', async () => {
    const res = await db.collection('items').where({ _id: 'i1' }).field({ _id: false, code: true, missing: true }).get();
    expect(res.data).toEqual([{ code: 'A' }]);
    await db
      .collection('items')
      .doc('i1')
      .update({ data: { note: null } });
    const withNull = await db.collection('items').doc('i1').field({ note: true }).get();
    expect(withNull.data).toEqual({ _id: 'i1', note: null });
  });

  test('投影去掉排序字段时仍按该字段排序', async () => {
    const res = await db.collection('items').orderBy('price', 'asc').field({ code: true }).limit(2).get();
    expect(res.data).toEqual([
      { _id: 'i5', code: 'E' },
      { _id: 'i2', code: 'B' },
    ]);
  });

  test('count 返回满足条件的文档数', async () => {
    expect((await db.collection('items').where({ cat: 'film' }).count()).total).toBe(2);
    expect((await db.collection('items').count()).total).toBe(5);
  });

  test('不指定 limit 时一次最多返回 100 条，limit 超过 1000 时按 1000 截断', async () => {
    store.insertMany(
      'bulk',
      Array.from({ length: 1205 }, (_v, i) => ({ n: i })),
    );
    expect((await db.collection('bulk').get()).data).toHaveLength(100);
    expect((await db.collection('bulk').limit(5000).get()).data).toHaveLength(1000);
    const tail = await db.collection('bulk').orderBy('n', 'asc').skip(1200).limit(1000).get();
    expect(tail.data.map((d: { n: number }) => d.n)).toEqual([1200, 1201, 1202, 1203, 1204]);
  });
});

describe('文档读取', () => {
  test('doc().get 返回单个文档对象', async () => {
    const res = await db.collection('items').doc('i3').get();
    expect(res.data).toMatchObject({ _id: 'i3', code: 'C', cat: 'film' });
  });

  test('doc().get 读取不存在的文档时按 SDK 约定抛出 document does not exist', async () => {
    await expect(db.collection('items').doc('nope').get()).rejects.toMatchObject({
      errCode: -1,
      message: 'document.get:fail document with _id nope does not exist',
    });
  });
});

describe('集合', () => {
  test('查询不存在的集合得到 -502005 DATABASE_COLLECTION_NOT_EXIST', async () => {
    const err = await db
      .collection('ghosts')
      .where({ a: 1 })
      .get()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err.errCode).toBe(-502005);
    expect(err.code).toBeUndefined();
    expect(err.message).toBe(
      'collection.get:fail -502005 database collection not exists. [ResourceNotFound] Db or Table not exist: ghosts. Please check your request, but if the problem persists, contact us.',
    );
    await expect(db.collection('ghosts').add({ data: { a: 1 } })).rejects.toMatchObject({ errCode: -502005 });
    await expect(db.collection('ghosts').count()).rejects.toMatchObject({ errCode: -502005 });
  });

  test('createCollection 新建集合后可写可读，重复创建报错', async () => {
    await db.createCollection('made_later');
    const { _id } = await db.collection('made_later').add({ data: { x: 1 } });
    expect((await db.collection('made_later').doc(_id).get()).data.x).toBe(1);
    expect(store.collectionNames()).toContain('made_later');
    // wx-server-sdk passes node-sdk's error through here, so the string code survives.
    await expect(db.createCollection('made_later')).rejects.toMatchObject({
      errCode: -1,
      code: 'DATABASE_COLLECTION_ALREADY_EXIST',
    });
  });
});
