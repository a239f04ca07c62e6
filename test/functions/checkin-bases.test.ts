/**
 * The red-education base directory: members browse it (nearest first when they share where they
 * are), open one base, and org admins add and change bases.
 */
import cloud from 'wx-server-sdk';
import type { BaseDraft } from '../../types/contracts/checkin';
import { useServerClock } from '../support/clock';
import { createTestEnv, type TestEnv } from '../support/localEnv';

const clock = useServerClock(new Date('2026-11-23T02:00:00Z'));
let env: TestEnv;

beforeEach(() => {
  env = createTestEnv({ now: clock.now() });
});

const DAOXIAN = { latitude: 25.527, longitude: 111.6 };
const SEEDED_BASES = 12;

const NEW_BASE: BaseDraft = {
  name: '湘江战役纪念馆',
  level: 'national',
  county: '道县',
  address: '湖南省永州市道县',
  latitude: 25.53,
  longitude: 111.61,
  approximate: false,
  radiusM: 300,
  theme: '绝对忠诚',
  intro: '讲解词：湘江战役……',
  photoFileIds: [],
};

async function auditActions(): Promise<string[]> {
  const { audit_logs: logs = [] } = await env.snapshot();
  return (logs as { action: string }[]).map((log) => log.action);
}

describe('bases', () => {
  it('不给位置时按级别、再按名称排列，不给距离', async () => {
    await env.ok('demo-admin', 'checkin', 'saveBase', { base: { ...NEW_BASE, name: '省级基地', level: 'provincial' } });
    await env.ok('demo-admin', 'checkin', 'saveBase', { base: NEW_BASE });
    const { items } = await env.ok('demo-member', 'checkin', 'bases', { pageSize: 50 });
    expect(items.map((base) => base.name).slice(0, 2)).toEqual(['湘江战役纪念馆', '省级基地']);
    const unrated = items.slice(2).map((base) => base.name);
    expect(unrated).toHaveLength(SEEDED_BASES);
    expect(unrated).toEqual([...unrated].sort(new Intl.Collator('zh-Hans-CN').compare));
    expect(items.every((base) => base.distanceM === null)).toBe(true);
  });

  it('给出位置时由近到远排列，每行带距离（米）', async () => {
    const { items } = await env.ok('demo-member', 'checkin', 'bases', { pageSize: 50, near: { ...DAOXIAN, accuracy: 30 } });
    expect(items[0]).toMatchObject({ id: 'daoxian-chenshuxiang', distanceM: 0, approximate: true });
    const distances = items.map((base) => base.distanceM!);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(items.find((base) => base.id === 'lingling-hongliujuntuan-hq')!.distanceM! / 1000).toBeCloseTo(77.2, 0);
  });

  it('分页取完整个名录，不重不漏', async () => {
    const near = { ...DAOXIAN, accuracy: 30 };
    const first = await env.ok('demo-member', 'checkin', 'bases', { pageSize: 5, near });
    const second = await env.ok('demo-member', 'checkin', 'bases', { pageSize: 5, near, cursor: first.nextCursor! });
    const third = await env.ok('demo-member', 'checkin', 'bases', { pageSize: 5, near, cursor: second.nextCursor! });
    expect([first.items.length, second.items.length, third.items.length, third.nextCursor]).toEqual([5, 5, 2, null]);
    const all = await env.ok('demo-member', 'checkin', 'bases', { pageSize: 50, near });
    expect([...first.items, ...second.items, ...third.items].map((base) => base.id)).toEqual(all.items.map((base) => base.id));
  });

  it('一次查询只用 2 次数据库请求，且都走索引', async () => {
    const { result, requests } = await env.call('demo-member', 'checkin', 'bases', { near: { ...DAOXIAN, accuracy: 30 } });
    expect(result.ok).toBe(true);
    expect(requests.length).toBeLessThanOrEqual(2);
    expect(requests.every((request) => request.indexed)).toBe(true);
  });
});

describe('baseDetail', () => {
  it('给出讲解词、近似坐标标记、打卡半径和照片', async () => {
    const { result, requests } = await env.call('demo-member', 'checkin', 'baseDetail', { id: 'daoxian-chenshuxiang' });
    if (!result.ok) throw new Error(result.error.message);
    const { base } = result.data;
    expect(base).toMatchObject({
      name: '道县陈树湘党性教育基地',
      approximate: true,
      radiusM: 3000,
      level: null,
      latitude: 25.527,
      photoUrls: [],
    });
    expect(base.intro).toContain('陈树湘');
    expect(requests.every((request) => request.indexed)).toBe(true);
  });

  it('基地不存在：NOT_FOUND，指明 id', async () => {
    const { result } = await env.call('demo-member', 'checkin', 'baseDetail', { id: 'no-such-base' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'id', message: '基地不存在' } });
  });
});

describe('saveBase', () => {
  it('组织部新建基地：党员随后能查到，照片给出临时链接，并记入审计日志', async () => {
    const { fileID } = await cloud.uploadFile({ cloudPath: 'base-photos/gate.jpg', fileContent: Buffer.from('jpg') });
    const { base, created } = await env.ok('demo-admin', 'checkin', 'saveBase', { base: { ...NEW_BASE, photoFileIds: [fileID] } });
    expect(created).toBe(true);
    expect(base.photoUrls).toEqual([expect.stringMatching(/base-photos\/gate\.jpg\?t=\d+&sign=/)]);
    const { base: seen } = await env.ok('demo-member', 'checkin', 'baseDetail', { id: base.id });
    expect(seen).toMatchObject({ name: '湘江战役纪念馆', level: 'national', approximate: false, radiusM: 300, photoFileIds: [fileID] });
    expect(await auditActions()).toContain('checkin.createBase');
  });

  it('组织部修改基地：字段整体替换，记入审计日志', async () => {
    const { base } = await env.ok('demo-admin', 'checkin', 'saveBase', {
      id: 'daoxian-chenshuxiang',
      base: { ...NEW_BASE, name: '道县陈树湘纪念馆', approximate: false, radiusM: 200 },
    });
    expect(base).toMatchObject({ id: 'daoxian-chenshuxiang', name: '道县陈树湘纪念馆', approximate: false, radiusM: 200 });
    const { items } = await env.ok('demo-member', 'checkin', 'bases', { pageSize: 50 });
    expect(items).toHaveLength(SEEDED_BASES);
    expect(items[0]).toMatchObject({ id: 'daoxian-chenshuxiang', name: '道县陈树湘纪念馆', level: 'national' });
    expect(await auditActions()).toContain('checkin.updateBase');
  });

  it('修改不存在的基地：NOT_FOUND，什么也不写', async () => {
    const before = await env.snapshot();
    const { result } = await env.call('demo-admin', 'checkin', 'saveBase', { id: 'no-such-base', base: NEW_BASE });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'id' } });
    expect(await env.snapshot()).toEqual(before);
  });

  it('照片不在云存储里：NOT_FOUND，指明是第几张', async () => {
    const { result } = await env.call('demo-admin', 'checkin', 'saveBase', {
      base: { ...NEW_BASE, photoFileIds: ['cloud://env/none.jpg'] },
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'base.photoFileIds.0', message: '照片不存在，请重新上传' },
    });
  });
});
