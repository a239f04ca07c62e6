/** The per-invocation request recorder, its index-coverage verdicts, the manifest and the seam check. */
import { loadManifest, parseManifest } from '../../emulator/engine/manifest';
import { DocumentStore } from '../../emulator/engine/store';
import { assertSeamPinned, installSeam } from '../../emulator/seam';
import { sdkAgainstStore } from '../support/sdkAgainstStore';

const { store, db, _, manifest, cloud } = sdkAgainstStore([
  {
    name: 'members',
    permission: 'ADMINONLY',
    indexes: [
      { name: 'openid_unique', keys: { openid: 1 }, unique: true },
      { name: 'branch_status_name', keys: { branchId: 1, status: 1, name: 1 } },
    ],
  },
  { name: 'audit_logs', permission: 'ADMINONLY', indexes: [{ name: 'at_desc', keys: { at: -1 } }] },
  { name: 'branches', permission: 'ADMINONLY', indexes: [] },
]);

beforeAll(() => {
  store.insertMany('members', [
    { _id: 'm1', openid: 'o1', branchId: 'b1', status: 'active', name: '甲' },
    { _id: 'm2', openid: 'o2', branchId: 'b1', status: 'active', name: '乙' },
    { _id: 'm3', openid: 'o3', branchId: 'b2', status: 'left', name: '丙' },
  ]);
  store.insertMany('branches', [{ _id: 'b1', name: '一支部' }]);
});

/** Runs one query and returns the recorder's verdict for it. */
const verdict = async (run: () => Promise<unknown>) => {
  const { requests } = await store.record(run);
  expect(requests).toHaveLength(1);
  const [r] = requests;
  return { indexed: r!.indexed, index: r!.index };
};

test('记录每个请求的动作、集合、返回与写入数量', async () => {
  const { result, requests } = await store.record(async () => {
    await db.collection('members').where({ branchId: 'b1', status: 'active' }).get();
    await db
      .collection('members')
      .doc('m1')
      .update({ data: { seen: true } });
    await db.collection('branches').add({ data: { name: '二支部' } });
    await db.collection('members').where({ openid: 'nobody' }).remove();
    return 'done';
  });
  expect(result).toBe('done');
  expect(requests).toEqual([
    { action: 'database.getDocument', collection: 'members', returned: 2, written: 0, indexed: true, index: 'branch_status_name' },
    { action: 'database.modifyDocument', collection: 'members', returned: 0, written: 1, indexed: true, index: '_id' },
    { action: 'database.insertDocument', collection: 'branches', returned: 0, written: 1, indexed: true, index: '_id' },
    { action: 'database.removeDocument', collection: 'members', returned: 0, written: 0, indexed: true, index: 'openid_unique' },
  ]);
});

test('record 之外的请求不被记录，失败的请求也会记录', async () => {
  await db.collection('members').get();
  const { requests } = await store.record(() =>
    db
      .collection('ghosts')
      .get()
      .catch(() => 'failed'),
  );
  expect(requests.map((r) => r.collection)).toEqual(['ghosts']);
});

test('_id 等值与 _id in 总是命中索引', async () => {
  expect(await verdict(() => db.collection('members').doc('m1').get())).toEqual({ indexed: true, index: '_id' });
  expect(
    await verdict(() =>
      db
        .collection('members')
        .where({ _id: _.in(['m1', 'm2']), anything: 1 })
        .get(),
    ),
  ).toEqual({ indexed: true, index: '_id' });
});

test('等值字段恰好是索引前缀时命中；跳过前缀字段或多出未索引字段时不命中', async () => {
  expect(await verdict(() => db.collection('members').where({ branchId: 'b1' }).get())).toEqual({
    indexed: true,
    index: 'branch_status_name',
  });
  expect(await verdict(() => db.collection('members').where({ status: 'active' }).get())).toEqual({ indexed: false, index: undefined });
  expect(await verdict(() => db.collection('members').where({ branchId: 'b1', name: '甲' }).get())).toEqual({
    indexed: false,
    index: undefined,
  });
  expect(await verdict(() => db.collection('members').where({ openid: 'o1', hobby: 'x' }).get())).toEqual({
    indexed: false,
    index: undefined,
  });
  expect(await verdict(() => db.collection('members').where({ name: /甲/ }).get())).toEqual({ indexed: false, index: undefined });
});

test('等值前缀后可以跟一个范围字段，或跟按索引顺序（或整体反向）的排序字段', async () => {
  const members = () => db.collection('members');
  expect(
    await verdict(() =>
      members()
        .where({ branchId: 'b1', status: _.in(['active', 'left']), name: _.gt('甲') })
        .get(),
    ),
  ).toEqual({
    indexed: true,
    index: 'branch_status_name',
  });
  expect(await verdict(() => members().where({ branchId: 'b1', status: 'active' }).orderBy('name', 'desc').get())).toEqual({
    indexed: true,
    index: 'branch_status_name',
  });
  expect(await verdict(() => members().where({ branchId: 'b1' }).orderBy('status', 'desc').orderBy('name', 'desc').get())).toEqual({
    indexed: true,
    index: 'branch_status_name',
  });
  expect(await verdict(() => members().where({ branchId: 'b1' }).orderBy('status', 'asc').orderBy('name', 'desc').get())).toEqual({
    indexed: false,
    index: undefined,
  });
  expect(await verdict(() => members().where({ branchId: 'b1' }).orderBy('name', 'asc').get())).toEqual({
    indexed: false,
    index: undefined,
  });
  expect(
    await verdict(() =>
      members()
        .where({ branchId: 'b1', name: _.gt('甲') })
        .get(),
    ),
  ).toEqual({ indexed: false, index: undefined });
});

test('无条件查询按索引字段排序时命中，无条件无排序的全表查询不命中', async () => {
  expect(await verdict(() => db.collection('audit_logs').orderBy('at', 'desc').limit(20).get())).toEqual({
    indexed: true,
    index: 'at_desc',
  });
  expect(await verdict(() => db.collection('audit_logs').orderBy('at', 'asc').limit(20).get())).toEqual({
    indexed: true,
    index: 'at_desc',
  });
  expect(await verdict(() => db.collection('members').get())).toEqual({ indexed: false, index: undefined });
  expect(
    await verdict(() =>
      db
        .collection('members')
        .where({ _id: _.gt('m1') })
        .orderBy('_id', 'asc')
        .get(),
    ),
  ).toEqual({ indexed: true, index: '_id' });
});

test('or 的每个分支都命中索引时整体命中', async () => {
  expect(
    await verdict(() =>
      db
        .collection('members')
        .where(_.or([{ openid: 'o1' }, { branchId: 'b2' }]))
        .get(),
    ),
  ).toEqual({
    indexed: true,
    index: 'openid_unique|branch_status_name',
  });
  expect(
    await verdict(() =>
      db
        .collection('members')
        .where(_.or([{ openid: 'o1' }, { name: '甲' }]))
        .get(),
    ),
  ).toEqual({
    indexed: false,
    index: undefined,
  });
});

test('count 与聚合同样给出覆盖判断；lookup 的外键没有索引时不命中', async () => {
  expect(await verdict(() => db.collection('members').where({ openid: 'o1' }).count())).toEqual({ indexed: true, index: 'openid_unique' });
  expect(await verdict(() => db.collection('members').where({ name: '甲' }).count())).toEqual({ indexed: false, index: undefined });
  const agg = () => db.collection('members').aggregate().match({ branchId: 'b1' });
  expect(
    await verdict(() =>
      agg()
        .group({ _id: '$status', n: _.aggregate.sum(1) })
        .end(),
    ),
  ).toEqual({ indexed: true, index: 'branch_status_name' });
  expect(await verdict(() => agg().lookup({ from: 'branches', localField: 'branchId', foreignField: '_id', as: 'b' }).end())).toEqual({
    indexed: true,
    index: 'branch_status_name',
  });
  expect(await verdict(() => agg().lookup({ from: 'branches', localField: 'branchId', foreignField: 'code', as: 'b' }).end())).toEqual({
    indexed: false,
    index: undefined,
  });
  expect(await verdict(() => db.collection('members').aggregate().group({ _id: '$branchId' }).end())).toEqual({
    indexed: false,
    index: undefined,
  });
});

test('installSeam 之后 assertSeamPinned 通过，node-sdk 再次赋值 reqClass 也改不掉', () => {
  expect(() => assertSeamPinned()).not.toThrow();
  const { Db } = require('@cloudbase/database');
  Db.reqClass = class Elsewhere {};
  expect(Db.reqClass.name).toBe('LocalRequester');
  cloud.database();
  expect(() => assertSeamPinned()).not.toThrow();
});

test('再次 installSeam 会切换到新的存储', async () => {
  const other = new DocumentStore({ manifest });
  installSeam(other);
  try {
    expect((await db.collection('members').count()).total).toBe(0);
  } finally {
    installSeam(store);
  }
  expect((await db.collection('members').count()).total).toBe(3);
});

test('项目清单 config/database.json 可以加载，每个集合都有权限与索引定义', () => {
  const real = loadManifest();
  expect(real.collections.length).toBeGreaterThan(0);
  const live = new DocumentStore({ manifest: real });
  expect(live.collectionNames()).toEqual(real.collections.map((c) => c.name).sort());
  expect(() => parseManifest({ collections: [{ name: 'x', permission: 'ADMINONLY', indexes: [{ name: 'i', keys: { a: 2 } }] }] })).toThrow(
    /must be 1 or -1/,
  );
});
