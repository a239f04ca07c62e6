/**
 * The organiser's and the member's side of check-ins: the screen's codes and fences (issueCode),
 * a base's printed code (baseCode), the live roster, 补录 with its audit record, and the member's
 * footprint (history).
 */
import cloud from 'wx-server-sdk';
import { BASE_SCENE_KEY, CODE_LINK_PARAM } from '../../core/checkin/link';
import { ORGANISER_FENCE_RADIUS_M } from '../../core/checkin/rules';
import { CHECKIN_SLOT_MS } from '../../core/checkin/token';
import { MAX_SCENE_LENGTH, parseScene } from '../../core/scene';
import { seedCheckins } from '../../emulator/seed/checkins';
import type { AuditDoc } from '../../server/audit';
import { CHECKIN_LINK_BASE_ENV, DEFAULT_CHECKIN_LINK_BASE } from '../../server/checkinSecret';
import { useServerClock } from '../support/clock';
import { createTestEnv, type TestEnv } from '../support/localEnv';
import { after, HOUR, seededMember, signUpDoc, storedDocs } from './activity-manage.fixtures';
import { storedActivity } from './activity-signup.fixtures';
import {
  ACTIVITY_ID,
  BASE_ID,
  BASE_POINT,
  HALL,
  HALL_FENCE,
  MINUTE,
  north,
  placeCheckinActivity,
  screenCode,
  setActivity,
  storedCheckins,
} from './checkin.fixtures';

const START = new Date('2026-11-23T02:00:03.500Z');
const clock = useServerClock(START);
let env: TestEnv;

beforeEach(() => {
  clock.set(START);
  env = createTestEnv({ now: clock.now() });
});

afterEach(() => {
  jest.restoreAllMocks();
  delete process.env[CHECKIN_LINK_BASE_ENV];
});

function issueForActivity(input: Record<string, unknown> = {}, openid = 'demo-secretary') {
  return env.call(openid, 'checkin', 'issueCode', { for: 'activity', activityId: ACTIVITY_ID, ...input });
}

describe('issueCode', () => {
  it('签到码：链接里带码，时段末之后再过一个时段失效，到下一时段开始时刷新', async () => {
    placeCheckinActivity(env, START);
    const { result } = await issueForActivity();
    if (!result.ok) throw new Error(result.error.message);
    const slotStart = Math.floor(START.getTime() / CHECKIN_SLOT_MS) * CHECKIN_SLOT_MS;
    expect(result.data).toMatchObject({
      qrText: `${DEFAULT_CHECKIN_LINK_BASE}?${CODE_LINK_PARAM}=${result.data.code}`,
      validUntil: new Date(slotStart + 2 * CHECKIN_SLOT_MS).toISOString(),
      refreshInMs: slotStart + CHECKIN_SLOT_MS - START.getTime(),
      fence: HALL_FENCE,
    });
    expect(result.data.code.startsWith(ACTIVITY_ID)).toBe(true);
  });

  it('链接前缀取自 CHECKIN_LINK_BASE', async () => {
    placeCheckinActivity(env, START);
    process.env[CHECKIN_LINK_BASE_ENV] = 'https://example.org/hongtu/checkin';
    const issued = await env.ok('demo-secretary', 'checkin', 'issueCode', { for: 'activity', activityId: ACTIVITY_ID });
    expect(issued.qrText).toBe(`https://example.org/hongtu/checkin?k=${issued.code}`);
  });

  it('没有基地的线下活动：第一次带上组织者位置时以此为签到点（300 米），之后不随位置变化，重新定位才改', async () => {
    placeCheckinActivity(env, START, { checkinFence: undefined });
    const withoutPlace = await issueForActivity();
    expect(withoutPlace.result).toMatchObject({ ok: true, data: { fence: null } });

    const here = north(HALL, 0, 25);
    const first = await issueForActivity({ at: here });
    const fence = { latitude: HALL.latitude, longitude: HALL.longitude, radiusM: ORGANISER_FENCE_RADIUS_M, source: 'organiser' };
    expect(first.result).toMatchObject({ ok: true, data: { fence } });
    expect((await storedActivity(ACTIVITY_ID)).checkinFence).toEqual(fence);

    const moved = north(HALL, 800, 25);
    const later = await issueForActivity({ at: moved });
    expect(later.result).toMatchObject({ ok: true, data: { fence } });
    expect(later.requests).toHaveLength(2);

    const relocated = await issueForActivity({ at: moved, relocate: true });
    expect(relocated.result).toMatchObject({ ok: true, data: { fence: { latitude: moved.latitude, source: 'organiser' } } });
    expect((await storedActivity(ACTIVITY_ID)).checkinFence).toMatchObject({ latitude: moved.latitude });
  });

  it('关联基地的活动用基地的位置和半径；线上活动没有签到点', async () => {
    placeCheckinActivity(env, START, { baseId: BASE_ID, checkinFence: undefined });
    const based = await issueForActivity({ at: HALL });
    expect(based.result).toMatchObject({
      ok: true,
      data: { fence: { latitude: BASE_POINT.latitude, longitude: BASE_POINT.longitude, radiusM: 3000, source: 'base' } },
    });
    placeCheckinActivity(env, START, { _id: 'act-online', online: true, checkinFence: undefined });
    const online = await env.call('demo-secretary', 'checkin', 'issueCode', { for: 'activity', activityId: 'act-online', at: HALL });
    expect(online.result).toMatchObject({ ok: true, data: { fence: null } });
  });

  it('签到码开放时间之外、活动已取消或仍是草稿：CLOSED；活动不存在：NOT_FOUND；外支部书记：FORBIDDEN', async () => {
    placeCheckinActivity(env, START, { startAt: after(START, 3 * HOUR), endAt: after(START, 5 * HOUR) });
    expect((await issueForActivity()).result).toMatchObject({
      ok: false,
      error: { code: 'CLOSED', message: expect.stringContaining('还未到签到码展示时间') },
    });
    clock.set(after(START, 2 * HOUR + 1));
    expect((await issueForActivity()).result.ok).toBe(true);
    await setActivity(ACTIVITY_ID, { status: 'cancelled' });
    expect((await issueForActivity()).result).toMatchObject({ ok: false, error: { code: 'CLOSED', message: '活动已取消' } });
    expect((await issueForActivity({ activityId: 'no-such' })).result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    placeCheckinActivity(env, clock.now(), { _id: 'act-branch-2', branchId: 'branch-2', audience: ['all'] });
    const foreign = await issueForActivity({ activityId: 'act-branch-2' });
    expect(foreign.result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'activityId' } });
  });

  it('个人码：主体是本人，二维码里就是码本身，没有签到点；只读一次数据库', async () => {
    const { result, requests } = await env.call('demo-member', 'checkin', 'issueCode', { for: 'member' });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.data.code.startsWith('m-demo-member')).toBe(true);
    expect(result.data).toMatchObject({ qrText: result.data.code, fence: null });
    expect(requests).toHaveLength(1);
  });
});

describe('baseCode', () => {
  function spyOnWxacode() {
    return jest.spyOn(cloud.openapi.wxacode as { getUnlimited: (params: unknown) => Promise<unknown> }, 'getUnlimited');
  }

  it('组织部生成基地打卡码：打开签到落地页，scene 为 b=<基地>；第二次复用已存的码', async () => {
    const wxacode = spyOnWxacode();
    const first = await env.ok('demo-admin', 'checkin', 'baseCode', { baseId: BASE_ID });
    expect(first).toMatchObject({
      scene: `${BASE_SCENE_KEY}=${BASE_ID}`,
      fileId: expect.stringMatching(/base-codes\/daoxian-chenshuxiang\.png$/),
    });
    expect(wxacode.mock.calls[0]![0]).toMatchObject({ page: 'checkin/landing/index', scene: first.scene });
    const again = await env.call('demo-admin', 'checkin', 'baseCode', { baseId: BASE_ID });
    expect(again.result).toMatchObject({ ok: true, data: { fileId: first.fileId } });
    expect(wxacode).toHaveBeenCalledTimes(1);
    expect(again.requests).toHaveLength(2);
  });

  it('新建的基地编号为 12 位，打卡码的 scene 不超过 32 字', async () => {
    const { base } = await env.ok('demo-admin', 'checkin', 'saveBase', {
      base: { name: '新基地', county: '道县', address: '道县', latitude: 25.5, longitude: 111.6, approximate: false, radiusM: 200 },
    });
    expect(base.id).toMatch(/^[2-9A-HJ-NP-Z]{12}$/);
    const { scene } = await env.ok('demo-admin', 'checkin', 'baseCode', { baseId: base.id });
    expect(scene.length).toBeLessThanOrEqual(MAX_SCENE_LENGTH);
    expect(parseScene(scene)).toEqual({ [BASE_SCENE_KEY]: base.id });
  });

  it('编号太长放不进 scene 的旧基地：说明原因，不调用接口；基地不存在：NOT_FOUND', async () => {
    const wxacode = spyOnWxacode();
    const longId = 'a-very-long-legacy-base-identifier-x';
    env.store.insertMany('bases', [
      {
        _id: longId,
        name: '旧基地',
        county: '道县',
        address: '道县',
        latitude: 25,
        longitude: 111,
        approximate: true,
        radiusM: 300,
        theme: '',
        intro: '',
        createdAt: START,
      },
    ]);
    const { result } = await env.call('demo-admin', 'checkin', 'baseCode', { baseId: longId });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'baseId', message: expect.stringContaining('编号过长') },
    });
    expect(wxacode).not.toHaveBeenCalled();
    expect((await env.call('demo-admin', 'checkin', 'baseCode', { baseId: 'no-such' })).result).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'baseId' },
    });
  });
});

describe('roster', () => {
  function seat(openids: string[]): void {
    env.store.insertMany(
      'sign_ups',
      openids.map((openid, i) => ({ ...signUpDoc(ACTIVITY_ID, seededMember(openid), 'signed', after(START, -HOUR + i)) })),
    );
  }

  it('在场的按签到时间新的在前，未到的按姓名排，未报名而来的算“现场参加”', async () => {
    placeCheckinActivity(env, START);
    seat(['demo-member', 'seed-member-01', 'seed-member-06']);
    await env.ok('demo-member', 'checkin', 'scan', { via: 'code', code: await screenCode(env), location: HALL });
    clock.advance(MINUTE);
    await env.ok('seed-member-11', 'checkin', 'scan', { via: 'code', code: await screenCode(env), location: HALL });

    const { result, requests } = await env.call('demo-secretary', 'checkin', 'roster', { activityId: ACTIVITY_ID });
    if (!result.ok) throw new Error(result.error.message);
    const { activity, counts, present, missing } = result.data;
    expect(activity).toMatchObject({ id: ACTIVITY_ID, ended: false, online: false, studyHours: 2 });
    expect(counts).toEqual({ signedUp: 3, checkedIn: 2, walkIns: 1, missing: 2, checkedOut: 0 });
    expect(present.map((row) => row.memberId)).toEqual(['m-seed-member-11', 'm-demo-member']);
    expect(missing.map((row) => row.memberId)).toEqual(['m-seed-member-01', 'm-seed-member-06']);
    expect(requests).toHaveLength(6);
    expect(requests.filter((request) => !request.indexed)).toEqual([]);
  });

  it('活动结束后 ended 为真（未到即缺席）；签退人数计入', async () => {
    placeCheckinActivity(env, START);
    await env.ok('demo-member', 'checkin', 'scan', { via: 'code', code: await screenCode(env), location: HALL });
    clock.set(after(START, 3 * HOUR));
    await env.ok('demo-member', 'checkin', 'scan', { via: 'code', code: await screenCode(env, 'out'), location: HALL });
    const roster = await env.ok('demo-secretary', 'checkin', 'roster', { activityId: ACTIVITY_ID });
    expect(roster.activity.ended).toBe(true);
    expect(roster.counts).toMatchObject({ checkedIn: 1, checkedOut: 1 });
  });

  it('外支部书记看本支部活动：FORBIDDEN；看不到的活动：NOT_FOUND', async () => {
    placeCheckinActivity(env, START);
    const other = await env.call('seed-member-02', 'checkin', 'roster', { activityId: ACTIVITY_ID });
    expect(other.result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await setActivity(ACTIVITY_ID, { audience: ['all'] });
    const visible = await env.call('seed-member-02', 'checkin', 'roster', { activityId: ACTIVITY_ID });
    expect(visible.result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('backfill', () => {
  it('书记补录：签到记为补录、写明原因和补录人，与审计记录一起写入；名单上随即出现', async () => {
    placeCheckinActivity(env, START);
    const { checkin } = await env.ok('demo-secretary', 'checkin', 'backfill', {
      activityId: ACTIVITY_ID,
      memberId: 'm-seed-member-01',
      reason: '手机没电，现场核实',
    });
    expect(checkin).toMatchObject({
      id: `a_${ACTIVITY_ID}_m-seed-member-01`,
      method: 'backfill',
      reason: '手机没电，现场核实',
      recordedByName: '赵志刚',
      checkedInAt: START.toISOString(),
      countsFor: 'lesson',
    });
    const audits = await storedDocs<AuditDoc>('audit_logs', { action: 'checkin.backfill' });
    expect(audits).toEqual([
      expect.objectContaining({
        actorId: 'm-demo-secretary',
        targetId: checkin.id,
        at: START,
        detail: expect.objectContaining({ activityId: ACTIVITY_ID, memberId: 'm-seed-member-01', reason: '手机没电，现场核实' }),
      }),
    ]);
    const log = await env.ok('demo-admin', 'member', 'auditLog', {});
    expect(log.items[0]).toMatchObject({ action: 'checkin.backfill', actorName: '赵志刚', targetId: checkin.id });
    const roster = await env.ok('demo-secretary', 'checkin', 'roster', { activityId: ACTIVITY_ID });
    expect(roster.present.map((row) => row.method)).toEqual(['backfill']);
  });

  it('已签到的党员：DUPLICATE，不写审计', async () => {
    placeCheckinActivity(env, START);
    await env.ok('demo-member', 'checkin', 'scan', { via: 'code', code: await screenCode(env), location: HALL });
    const { result } = await env.call('demo-secretary', 'checkin', 'backfill', {
      activityId: ACTIVITY_ID,
      memberId: 'm-demo-member',
      reason: '重复补录',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'DUPLICATE', field: 'memberId', message: '林红已于 10:00 签到，无需补录' } });
    expect(await storedDocs('audit_logs', { action: 'checkin.backfill' })).toEqual([]);
  });

  it('不在参加范围的党员：FORBIDDEN；不存在或已离开的党员：NOT_FOUND；都不写入', async () => {
    placeCheckinActivity(env, START);
    const before = await env.snapshot();
    const outside = await env.call('demo-secretary', 'checkin', 'backfill', {
      activityId: ACTIVITY_ID,
      memberId: 'm-seed-member-08',
      reason: '现场参加',
    });
    expect(outside.result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'memberId' } });
    const nobody = await env.call('demo-secretary', 'checkin', 'backfill', {
      activityId: ACTIVITY_ID,
      memberId: 'm-nobody',
      reason: '现场参加',
    });
    expect(nobody.result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'memberId', message: '没有这位在册党员' } });
    expect(await env.snapshot()).toEqual(before);
  });

  it('补录与党员自己扫码同时发生：只有一条签到', async () => {
    placeCheckinActivity(env, START);
    const code = await screenCode(env);
    const [scan, fill] = await Promise.all([
      env.call('demo-member', 'checkin', 'scan', { via: 'code', code, location: HALL }),
      env.call('demo-secretary', 'checkin', 'backfill', { activityId: ACTIVITY_ID, memberId: 'm-demo-member', reason: '同时补录' }),
    ]);
    expect([scan.result.ok, fill.result.ok].filter(Boolean)).toHaveLength(1);
    expect(await storedCheckins({ memberId: 'm-demo-member', activityId: ACTIVITY_ID })).toHaveLength(1);
    const audits = await storedDocs('audit_logs', { action: 'checkin.backfill' });
    expect(audits).toHaveLength(fill.result.ok ? 1 : 0);
  });
});

describe('history', () => {
  it('本人的足迹新的在前（种子里的往期记录排在后面）、分页不重不漏，汇总次数、去过的基地数和学时；3 次数据库请求', async () => {
    placeCheckinActivity(env, START);
    await env.ok('demo-member', 'checkin', 'scan', { via: 'code', code: await screenCode(env), location: HALL });
    clock.set(after(START, 2 * HOUR));
    await env.ok('demo-member', 'checkin', 'scan', { via: 'code', code: await screenCode(env, 'out'), location: HALL });
    await env.ok('demo-member', 'checkin', 'scan', { via: 'base', baseId: BASE_ID, location: BASE_POINT });
    clock.advance(24 * HOUR);
    await env.ok('demo-member', 'checkin', 'scan', { via: 'base', baseId: BASE_ID, location: BASE_POINT });
    await env.ok('seed-member-01', 'checkin', 'scan', { via: 'base', baseId: BASE_ID, location: BASE_POINT });
    // demo-member starts with the seed's footprint (emulator/seed/checkins.ts), all of it older than these.
    const seeded = seedCheckins(START).sort((a, b) => b.checkedInAt.getTime() - a.checkedInAt.getTime());

    const first = await env.call('demo-member', 'checkin', 'history', { pageSize: 2 });
    if (!first.result.ok) throw new Error(first.result.error.message);
    expect(first.requests).toHaveLength(3);
    expect(first.result.data.summary).toEqual({
      checkins: 3 + seeded.length,
      bases: new Set([BASE_ID, ...seeded.flatMap((row) => (row.baseId === null ? [] : [row.baseId]))]).size,
      studyHours: seeded.reduce((sum, row) => sum + (row.studyHours ?? 0), 1.5),
    });
    const rows = [...first.result.data.items];
    let cursor = first.result.data.nextCursor;
    while (cursor !== null) {
      const page = await env.ok('demo-member', 'checkin', 'history', { pageSize: 2, cursor });
      rows.push(...page.items);
      cursor = page.nextCursor;
    }
    expect(rows.map((row) => `${row.kind} ${row.checkedInAt}`)).toEqual([
      `base ${after(START, 26 * HOUR).toISOString()}`,
      `base ${after(START, 2 * HOUR).toISOString()}`,
      `activity ${START.toISOString()}`,
      ...seeded.map((row) => `${row.kind} ${row.checkedInAt.toISOString()}`),
    ]);
  });

  it('还没有签到过：空列表，汇总为 0', async () => {
    expect(await env.ok('demo-secretary', 'checkin', 'history', {})).toEqual({
      items: [],
      nextCursor: null,
      summary: { checkins: 0, bases: 0, studyHours: 0 },
    });
  });
});
