/** The JSONL journal: restart, torn tail, compaction, reset. */
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseManifest } from '../../emulator/engine/manifest';
import { DocumentStore } from '../../emulator/engine/store';
import { installSeam } from '../../emulator/seam';

const cloud = require('wx-server-sdk');

const manifest = parseManifest({
  collections: [{ name: 'members', permission: 'ADMINONLY', indexes: [{ name: 'openid_unique', keys: { openid: 1 }, unique: true }] }],
});

let dir: string;
let store: DocumentStore;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the SDK types get() as string | void | result; the tests use its runtime shape
let db: any;

const open = (): DocumentStore => {
  const s = new DocumentStore({ manifest, dataDir: dir });
  installSeam(s);
  return s;
};
const lines = (name: string): string[] =>
  readFileSync(join(dir, `${name}.jsonl`), 'utf8')
    .split('\n')
    .filter(Boolean);

beforeAll(() => {
  cloud.init({ env: 'local-test' });
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hongtu-journal-'));
  store = open();
  db = cloud.database();
});

afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

test('重启后（同一 dataDir 新建 DocumentStore）数据、Date 与新建的集合都还在', async () => {
  const joined = new Date('2024-07-01T00:00:00.000Z');
  await db.collection('members').add({ data: { _id: 'm1', openid: 'o1', joinedAt: joined, tags: ['a'] } });
  await db
    .collection('members')
    .doc('m1')
    .update({ data: { points: db.command.inc(5) } });
  await db.collection('members').add({ data: { _id: 'm2', openid: 'o2' } });
  await db.collection('members').doc('m2').remove();
  await db.createCollection('later');
  store.close();

  store = open();
  const doc = (await db.collection('members').doc('m1').get()).data;
  expect(doc).toEqual({ _id: 'm1', openid: 'o1', joinedAt: joined, tags: ['a'], points: 5 });
  expect(doc.joinedAt).toBeInstanceOf(Date);
  expect(store.count('members')).toBe(1);
  expect(store.collectionNames()).toEqual(['later', 'members']);
  // Unique indexes are rebuilt from the journal.
  await expect(db.collection('members').add({ data: { openid: 'o1' } })).rejects.toMatchObject({ errCode: -502001 });
});

test('日志最后一行写了一半（崩溃）时，忽略这一行并加载之前的全部数据，之后还能继续写', async () => {
  await db.collection('members').add({
    data: [
      { _id: 'm1', openid: 'o1' },
      { _id: 'm2', openid: 'o2' },
    ],
  });
  store.close();
  appendFileSync(join(dir, 'members.jsonl'), '{"op":"put","doc":{"_id":"m3","openid":"o');

  store = open();
  expect(store.count('members')).toBe(2);
  await db.collection('members').add({ data: { _id: 'm4', openid: 'o4' } });
  store.close();

  store = open();
  const all = await db.collection('members').orderBy('_id', 'asc').get();
  expect(all.data.map((d: { _id: string }) => d._id)).toEqual(['m1', 'm2', 'm4']);
});

test('日志中间行损坏时拒绝打开并指出行号', async () => {
  store.close();
  writeFileSync(join(dir, 'members.jsonl'), '{"op":"put","doc":{"_id":"a"}}\nnot json\n{"op":"del","id":"a"}\n');
  expect(() => new DocumentStore({ manifest, dataDir: dir })).toThrow(/members\.jsonl at line 2/);
  writeFileSync(join(dir, 'members.jsonl'), '');
  store = open();
});

test('compact 把日志改写为每个存活文档一行，数据不变', async () => {
  await db.collection('members').add({ data: { _id: 'm1', openid: 'o1', n: 0 } });
  for (let i = 1; i <= 5; i++)
    await db
      .collection('members')
      .doc('m1')
      .update({ data: { n: i } });
  await db.collection('members').add({ data: { _id: 'm2', openid: 'o2' } });
  await db.collection('members').doc('m2').remove();
  expect(lines('members')).toHaveLength(8);

  store.compact();
  expect(lines('members')).toHaveLength(1);
  await db.collection('members').add({ data: { _id: 'm3', openid: 'o3' } });
  store.close();

  store = open();
  expect((await db.collection('members').doc('m1').get()).data.n).toBe(5);
  expect(store.count('members')).toBe(2);
});

test('打开时日志远大于存活数据会自动压缩', async () => {
  store.insertMany('members', [{ _id: 'keep', openid: 'keep' }]);
  for (let i = 0; i < 700; i++) {
    store.insertMany('members', [{ _id: `t${i}`, openid: `t${i}` }]);
    await db.collection('members').doc(`t${i}`).remove();
  }
  expect(lines('members')).toHaveLength(1401);
  store.close();

  store = open();
  expect(lines('members')).toHaveLength(1);
  expect(store.count('members')).toBe(1);
});

test('reset 清空内存与磁盘数据，清单里的集合重新存在', async () => {
  await db.collection('members').add({ data: { openid: 'o1' } });
  await db.createCollection('extra');
  store.reset();
  expect(store.collectionNames()).toEqual(['members']);
  expect(store.count('members')).toBe(0);
  store.close();
  store = open();
  expect(store.collectionNames()).toEqual(['members']);
  expect(store.count('members')).toBe(0);
});
