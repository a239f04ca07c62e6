/** Writes through the official wx-server-sdk builders: add, update, set, remove and unique indexes. */
import { isDuplicateKeyError } from '../../server/kernel/sdk-errors';
import { sdkAgainstStore } from '../support/sdkAgainstStore';

const NOW = new Date('2025-07-01T08:00:00.000Z');
const { store, db, _ } = sdkAgainstStore(
  [
    { name: 'notes', permission: 'ADMINONLY', indexes: [] },
    { name: 'members', permission: 'ADMINONLY', indexes: [{ name: 'openid_unique', keys: { openid: 1 }, unique: true }] },
    {
      name: 'consents',
      permission: 'ADMINONLY',
      indexes: [{ name: 'openid_version_unique', keys: { openid: 1, version: 1 }, unique: true }],
    },
  ],
  { clock: () => NOW },
);

beforeEach(() => store.reset());

const get = async (coll: string, id: string) => (await db.collection(coll).doc(id).get()).data;

describe('新增', () => {
  test('add 单条返回生成的 32 位十六进制 _id，serverDate 取存储时钟', async () => {
    const res = await db
      .collection('notes')
      .add({ data: { title: '党课', at: db.serverDate(), later: db.serverDate({ offset: 60_000 }) } });
    expect(res._id).toMatch(/^[0-9a-f]{32}$/);
    expect(res.errMsg).toBe('collection.add:ok');
    const doc = await get('notes', res._id);
    expect(doc).toEqual({ _id: res._id, title: '党课', at: NOW, later: new Date(NOW.getTime() + 60_000) });
  });

  test('add 可以指定 _id，批量 add 返回全部 _id', async () => {
    expect((await db.collection('notes').add({ data: { _id: 'mine', n: 1 } }))._id).toBe('mine');
    const batch = await db.collection('notes').add({ data: [{ n: 2 }, { n: 3 }] });
    expect(batch._ids).toHaveLength(2);
    expect((await db.collection('notes').count()).total).toBe(3);
  });

  test('add 重复的 _id 被拒绝', async () => {
    await db.collection('notes').add({ data: { _id: 'dup', n: 1 } });
    const err = await db
      .collection('notes')
      .add({ data: { _id: 'dup', n: 2 } })
      .catch((e: unknown) => e);
    expect(isDuplicateKeyError(err)).toBe(true);
    expect((await get('notes', 'dup')).n).toBe(1);
  });
});

describe('文档更新', () => {
  beforeEach(async () => {
    await db.collection('notes').add({
      data: { _id: 'n1', n: 5, lo: 3, hi: 3, m: 2, gone: true, tags: ['a', 'b', 'c'], set: ['x'], nested: { a: 1, b: 2 } },
    });
  });

  test('doc().update 合并字段，嵌套对象按点路径合并', async () => {
    const res = await db
      .collection('notes')
      .doc('n1')
      .update({ data: { title: '新', nested: { b: 3 } } });
    expect(res.stats.updated).toBe(1);
    const doc = await get('notes', 'n1');
    expect(doc.title).toBe('新');
    expect(doc.nested).toEqual({ a: 1, b: 3 });
    expect(doc.n).toBe(5);
  });

  test('inc / mul / min / max 原子修改数值', async () => {
    await db
      .collection('notes')
      .doc('n1')
      .update({ data: { n: _.inc(2), m: _.mul(3), lo: _.min(1), hi: _.max(9), fresh: _.inc(1) } });
    expect(await get('notes', 'n1')).toMatchObject({ n: 7, m: 6, lo: 1, hi: 9, fresh: 1 });
  });

  test('set 操作符整体替换对象字段，remove 删除字段', async () => {
    await db
      .collection('notes')
      .doc('n1')
      .update({ data: { nested: _.set({ c: 9 }), gone: _.remove() } });
    const doc = await get('notes', 'n1');
    expect(doc.nested).toEqual({ c: 9 });
    expect(doc).not.toHaveProperty('gone');
  });

  test('push / pull / addToSet 修改数组', async () => {
    await db
      .collection('notes')
      .doc('n1')
      .update({ data: { tags: _.push(['d', 'e']), set: _.addToSet('x') } });
    await db
      .collection('notes')
      .doc('n1')
      .update({ data: { tags: _.pull('b'), set: _.addToSet('y') } });
    const doc = await get('notes', 'n1');
    expect(doc.tags).toEqual(['a', 'c', 'd', 'e']);
    expect(doc.set).toEqual(['x', 'y']);
  });

  test('pull 可以带条件删除数组元素', async () => {
    await db
      .collection('notes')
      .doc('n1')
      .update({ data: { tags: _.pull(_.in(['a', 'c'])) } });
    expect((await get('notes', 'n1')).tags).toEqual(['b']);
  });

  test('值没有变化时 updated 为 0，更新不存在的文档 updated 为 0', async () => {
    expect(
      (
        await db
          .collection('notes')
          .doc('n1')
          .update({ data: { n: 5 } })
      ).stats.updated,
    ).toBe(0);
    expect(
      (
        await db
          .collection('notes')
          .doc('missing')
          .update({ data: { n: 1 } })
      ).stats.updated,
    ).toBe(0);
  });

  test('doc().set 整体替换已有文档', async () => {
    const res = await db
      .collection('notes')
      .doc('n1')
      .set({ data: { only: true } });
    expect(res.stats).toEqual({ updated: 1, created: 0 });
    expect(await get('notes', 'n1')).toEqual({ _id: 'n1', only: true });
  });

  test('doc().set 对不存在的 _id 新建文档（upsert）', async () => {
    const res = await db
      .collection('notes')
      .doc('brand-new')
      .set({ data: { made: NOW } });
    expect(res).toMatchObject({ _id: 'brand-new', stats: { updated: 0, created: 1 } });
    expect(await get('notes', 'brand-new')).toEqual({ _id: 'brand-new', made: NOW });
  });

  test('doc().remove 删除文档', async () => {
    expect((await db.collection('notes').doc('n1').remove()).stats.removed).toBe(1);
    expect((await db.collection('notes').doc('n1').remove()).stats.removed).toBe(0);
    expect((await db.collection('notes').count()).total).toBe(0);
  });
});

describe('条件批量写', () => {
  beforeEach(async () => {
    await db.collection('notes').add({ data: [1, 2, 3, 4].map((i) => ({ _id: `w${i}`, i, group: i % 2 ? 'odd' : 'even' })) });
  });

  test('where().update 默认更新所有匹配文档', async () => {
    const res = await db
      .collection('notes')
      .where({ group: 'odd' })
      .update({ data: { flagged: true } });
    expect(res.stats.updated).toBe(2);
    expect((await db.collection('notes').where({ flagged: true }).count()).total).toBe(2);
  });

  test('where().update 与 multi: false 只更新一条', async () => {
    const res = await db
      .collection('notes')
      .where({ group: 'even' })
      .update({ data: { flagged: true }, multi: false });
    expect(res.stats.updated).toBe(1);
    expect((await db.collection('notes').where({ flagged: true }).count()).total).toBe(1);
  });

  test('where().remove 删除所有匹配文档', async () => {
    expect(
      (
        await db
          .collection('notes')
          .where({ i: _.gte(2) })
          .remove()
      ).stats.removed,
    ).toBe(3);
    expect((await db.collection('notes').get()).data.map((d: { _id: string }) => d._id)).toEqual(['w1']);
  });

  test('where().remove 与 multi: false 只删除一条', async () => {
    expect((await db.collection('notes').where({ group: 'odd' }).remove({ multi: false })).stats.removed).toBe(1);
    expect((await db.collection('notes').count()).total).toBe(3);
  });
});

describe('唯一索引', () => {
  test('add 违反唯一索引时抛出 -502001 与 E11000 消息，且不写入', async () => {
    await db.collection('members').add({ data: { openid: 'o1', name: '甲' } });
    const err = await db
      .collection('members')
      .add({ data: { openid: 'o1', name: '乙' } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err.errCode).toBe(-502001);
    expect(err.code).toBeUndefined();
    expect(err.message).toBe(
      'collection.add:fail -502001 database request fail. [FailedOperation] E11000 duplicate key error collection: members index: openid_unique dup key: { openid: "o1" }',
    );
    expect(isDuplicateKeyError(err)).toBe(true);
    expect((await db.collection('members').count()).total).toBe(1);
  });

  test('批量 add 遇到冲突时，和 CloudBase 的有序插入一样保留冲突之前的文档，之后的不写入', async () => {
    const err = await db
      .collection('members')
      .add({ data: [{ openid: 'x' }, { openid: 'y' }, { openid: 'x' }, { openid: 'z' }] })
      .catch((e: unknown) => e);
    expect(isDuplicateKeyError(err)).toBe(true);
    const written = await db.collection('members').get();
    expect(written.data.map((d: { openid: string }) => d.openid).sort()).toEqual(['x', 'y']);
  });

  test('update 把字段改成已被占用的值时被拒绝，原文档不变', async () => {
    await db.collection('members').add({
      data: [
        { _id: 'm1', openid: 'o1' },
        { _id: 'm2', openid: 'o2' },
      ],
    });
    const err = await db
      .collection('members')
      .doc('m2')
      .update({ data: { openid: 'o1' } })
      .catch((e: unknown) => e);
    expect(err.errCode).toBe(-502001);
    expect(isDuplicateKeyError(err)).toBe(true);
    expect((await get('members', 'm2')).openid).toBe('o2');
    await expect(
      db
        .collection('members')
        .doc('m2')
        .update({ data: { openid: 'o3' } }),
    ).resolves.toMatchObject({ stats: { updated: 1 } });
  });

  test('where().update 把多条改成同一个唯一值时整批被拒绝', async () => {
    await db.collection('members').add({
      data: [
        { openid: 'p1', g: 1 },
        { openid: 'p2', g: 1 },
      ],
    });
    const err = await db
      .collection('members')
      .where({ g: 1 })
      .update({ data: { openid: 'same' } })
      .catch((e: unknown) => e);
    expect(isDuplicateKeyError(err)).toBe(true);
    expect((await db.collection('members').where({ openid: 'same' }).count()).total).toBe(0);
  });

  test('upsert（doc().set 不存在的 _id）同样受唯一索引约束', async () => {
    await db.collection('members').add({ data: { _id: 'm1', openid: 'o1' } });
    const err = await db
      .collection('members')
      .doc('m9')
      .set({ data: { openid: 'o1' } })
      .catch((e: unknown) => e);
    expect(isDuplicateKeyError(err)).toBe(true);
    expect((await db.collection('members').count()).total).toBe(1);
  });

  test('复合唯一索引只在全部键都相同时冲突；缺失字段按 null 计', async () => {
    await db.collection('consents').add({ data: { openid: 'o1', version: 1 } });
    await db.collection('consents').add({ data: { openid: 'o1', version: 2 } });
    await db.collection('consents').add({ data: { openid: 'o2', version: 1 } });
    const err = await db
      .collection('consents')
      .add({ data: { openid: 'o1', version: 2 } })
      .catch((e: unknown) => e);
    expect(err.message).toContain('index: openid_version_unique dup key: { openid: "o1", version: 2 }');
    await db.collection('consents').add({ data: { openid: 'o3' } });
    await expect(db.collection('consents').add({ data: { openid: 'o3', version: null } })).rejects.toMatchObject({ errCode: -502001 });
  });

  test('insertMany 辅助方法也执行唯一约束', () => {
    store.insertMany('members', [{ openid: 'seed' }]);
    expect(() => store.insertMany('members', [{ openid: 'seed' }])).toThrow(/E11000/);
    expect(store.count('members')).toBe(1);
  });
});
