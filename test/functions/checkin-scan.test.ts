/**
 * checkin.scan one call at a time: every way in (rotating code 签到 and 签退 with 学时, a base's
 * printed code, 反扫 both ways, scans queued offline) with the DB requests each makes, every refusal
 * in the member's words, and the geofence at its edges. Races are in checkin-concurrency.test.ts.
 */
import type { LocationReading } from '../../types/contracts/checkin';
import { useServerClock } from '../support/clock';
import { createTestEnv, type TestEnv } from '../support/localEnv';
import { after, DAY, HOUR } from './activity-manage.fixtures';
import {
  ACTIVITY_ID,
  BASE_ID,
  BASE_POINT,
  BASE_RADIUS_M,
  HALL,
  HALL_FENCE,
  MINUTE,
  north,
  personalCode,
  placeCheckinActivity,
  screenCode,
  setActivity,
  storedCheckins,
  tampered,
} from './checkin.fixtures';

const START = new Date('2026-11-23T02:00:00Z');
const clock = useServerClock(START);
let env: TestEnv;

beforeEach(() => {
  clock.set(START);
  env = createTestEnv({ now: clock.now() });
});

/** The budget of ARCHITECTURE.md ("Budgets"): at most 4 DB requests, every one indexed. */
function expectWithinBudget(requests: { indexed: boolean }[]): void {
  expect(requests.length).toBeLessThanOrEqual(4);
  expect(requests.filter((request) => !request.indexed)).toEqual([]);
}

/** Scans from the hall unless told where; `null` sends no location. */
async function scanCode(openid: string, code: string, location: LocationReading | null = HALL) {
  return env.call(openid, 'checkin', 'scan', { via: 'code', code, ...(location === null ? {} : { location }) });
}

describe('扫活动签到码', () => {
  it('签到：记下签到方式、距签到点的距离、计入的“六个一”项目和足迹坐标；3 次数据库请求', async () => {
    placeCheckinActivity(env, START);
    const code = await screenCode(env);
    const { result, requests } = await scanCode('demo-member', code, north(HALL, 120, 15));
    expect(result).toMatchObject({
      ok: true,
      data: {
        outcome: 'checkedIn',
        checkin: {
          id: `a_${ACTIVITY_ID}_m-demo-member`,
          kind: 'activity',
          activityId: ACTIVITY_ID,
          placeName: '十一月主题党日',
          name: '林红',
          method: 'code',
          checkedInAt: START.toISOString(),
          checkedOutAt: null,
          offline: false,
          distanceM: 120,
          latitude: HALL.latitude,
          longitude: HALL.longitude,
          countsFor: 'lesson',
          recordedByName: null,
        },
      },
    });
    expect(requests).toHaveLength(3);
    expectWithinBudget(requests);
  });

  it('签退：按在场时间（活动时间内、满半小时计）记学时，不超过活动学时；4 次数据库请求', async () => {
    placeCheckinActivity(env, START);
    await scanCode('demo-member', await screenCode(env));
    clock.set(after(START, 30 * MINUTE + 100 * MINUTE));
    const { result, requests } = await scanCode('demo-member', await screenCode(env, 'out'));
    expect(result).toMatchObject({
      ok: true,
      data: { outcome: 'checkedOut', checkin: { presentMinutes: 100, studyHours: 1.5, checkedOutAt: clock.now().toISOString() } },
    });
    expect(requests).toHaveLength(4);
    expectWithinBudget(requests);
    const [stored] = await storedCheckins({ memberId: 'm-demo-member', activityId: ACTIVITY_ID });
    expect(stored).toMatchObject({ presentMinutes: 100, studyHours: 1.5 });
  });

  it('待满全程签退：学时封顶为活动学时', async () => {
    placeCheckinActivity(env, START);
    await scanCode('demo-member', await screenCode(env));
    clock.set(after(START, 3 * HOUR));
    const { result } = await scanCode('demo-member', await screenCode(env, 'out'));
    expect(result).toMatchObject({ ok: true, data: { checkin: { presentMinutes: 120, studyHours: 2 } } });
  });

  it('线上活动不查位置；尚未确定签到点的线下活动也不查位置', async () => {
    placeCheckinActivity(env, START, { online: true, checkinFence: null });
    const online = await scanCode('demo-member', await screenCode(env), null);
    expect(online.result).toMatchObject({ ok: true, data: { checkin: { distanceM: null, latitude: null } } });

    placeCheckinActivity(env, START, { _id: 'act-no-fence', checkinFence: null });
    const unfenced = await scanCode('demo-member', await screenCode(env, 'in', 'act-no-fence'), null);
    expect(unfenced.result).toMatchObject({ ok: true, data: { checkin: { distanceM: null } } });
  });
});

describe('离线补传', () => {
  it('活动签到码离线扫描、5 小时后补传：以签到码所在时段为签到时间，标记为离线', async () => {
    placeCheckinActivity(env, START);
    const code = await screenCode(env);
    clock.set(after(START, 5 * HOUR));
    const { result, requests } = await env.call('demo-member', 'checkin', 'scan', {
      via: 'code',
      code,
      location: HALL,
      queued: { scannedAt: START.toISOString() },
    });
    expect(result).toMatchObject({
      ok: true,
      data: { outcome: 'checkedIn', checkin: { checkedInAt: START.toISOString(), offline: true } },
    });
    expect(requests).toHaveLength(3);
  });

  it('离线扫描超过 24 小时的签到码：EXPIRED，请联系组织者补录', async () => {
    placeCheckinActivity(env, START);
    const code = await screenCode(env);
    clock.set(after(START, DAY + MINUTE));
    const { result } = await env.call('demo-member', 'checkin', 'scan', {
      via: 'code',
      code,
      location: HALL,
      queued: { scannedAt: START.toISOString() },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'EXPIRED', message: '离线记录已超过 24 小时，无法补传，请联系组织者补录' } });
  });

  it('基地打卡离线补传：以手机记录的时间为打卡时间、按那天算“每天一次”，标记为离线', async () => {
    const scannedAt = after(START, -11 * HOUR);
    const { result, requests } = await env.call('demo-member', 'checkin', 'scan', {
      via: 'base',
      baseId: BASE_ID,
      location: BASE_POINT,
      queued: { scannedAt: scannedAt.toISOString() },
    });
    expect(result).toMatchObject({ ok: true, data: { checkin: { checkedInAt: scannedAt.toISOString(), offline: true } } });
    expect(requests).toHaveLength(3);
    const [stored] = await storedCheckins({ memberId: 'm-demo-member', baseId: BASE_ID });
    expect(stored).toMatchObject({ day: '2026-11-22', _id: `b_${BASE_ID}_2026-11-22_m-demo-member`, receivedAt: START });
  });

  it('基地打卡离线记录超过 24 小时：EXPIRED；时间在服务器时间之后：INVALID_INPUT', async () => {
    const old = await env.call('demo-member', 'checkin', 'scan', {
      via: 'base',
      baseId: BASE_ID,
      location: BASE_POINT,
      queued: { scannedAt: after(START, -DAY - MINUTE).toISOString() },
    });
    expect(old.result).toMatchObject({ ok: false, error: { code: 'EXPIRED', field: 'queued.scannedAt' } });
    const future = await env.call('demo-member', 'checkin', 'scan', {
      via: 'base',
      baseId: BASE_ID,
      location: BASE_POINT,
      queued: { scannedAt: after(START, MINUTE).toISOString() },
    });
    expect(future.result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'queued.scannedAt', message: '离线记录的时间不正确，请校准手机时间后重试' },
    });
  });
});

describe('基地打卡码', () => {
  it('在基地范围内打卡：计入“参观一处景点”，足迹记基地坐标和照片；3 次数据库请求', async () => {
    const { result, requests } = await env.call('demo-member', 'checkin', 'scan', {
      via: 'base',
      baseId: BASE_ID,
      location: north(BASE_POINT, 500),
      photoFileId: 'cloud://env/checkin-photos/gate.jpg',
    });
    expect(result).toMatchObject({
      ok: true,
      data: {
        outcome: 'checkedIn',
        checkin: {
          kind: 'base',
          baseId: BASE_ID,
          activityId: null,
          placeName: '道县陈树湘党性教育基地',
          method: 'base',
          countsFor: 'visit',
          distanceM: 500,
          latitude: BASE_POINT.latitude,
          longitude: BASE_POINT.longitude,
          photoFileId: 'cloud://env/checkin-photos/gate.jpg',
        },
      },
    });
    expect(requests).toHaveLength(3);
    expectWithinBudget(requests);
  });

  it('同一基地每天一次：当天再打卡为 DUPLICATE 并给出第一次的时间；第二天可以再打卡', async () => {
    await env.ok('demo-member', 'checkin', 'scan', { via: 'base', baseId: BASE_ID, location: BASE_POINT });
    clock.advance(2 * HOUR);
    const again = await env.call('demo-member', 'checkin', 'scan', { via: 'base', baseId: BASE_ID, location: BASE_POINT });
    expect(again.result).toMatchObject({ ok: false, error: { code: 'DUPLICATE', message: '你今天已于 10:00 在此打卡' } });
    clock.advance(DAY);
    const nextDay = await env.call('demo-member', 'checkin', 'scan', { via: 'base', baseId: BASE_ID, location: BASE_POINT });
    expect(nextDay.result.ok).toBe(true);
    expect(await storedCheckins({ memberId: 'm-demo-member', baseId: BASE_ID })).toHaveLength(2);
  });

  it('离基地太远：FORBIDDEN，说明距离和范围；基地不存在：NOT_FOUND', async () => {
    const far = await env.call('demo-member', 'checkin', 'scan', { via: 'base', baseId: BASE_ID, location: north(BASE_POINT, 12_000, 0) });
    expect(far.result).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', field: 'location', message: '你距签到地点约 12.0 公里，请到达现场（3000 米内）后再签到' },
    });
    const missing = await env.call('demo-member', 'checkin', 'scan', { via: 'base', baseId: 'no-such-base', location: BASE_POINT });
    expect(missing.result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'baseId' } });
    expect(await storedCheckins({ baseId: BASE_ID })).toEqual([]);
  });
});

describe('反扫：组织者扫党员出示的个人码', () => {
  it('签到与签退：记录是谁扫的，不查党员位置；各 4 次数据库请求', async () => {
    placeCheckinActivity(env, START);
    const inCall = await env.call('demo-secretary', 'checkin', 'scan', {
      via: 'personal',
      activityId: ACTIVITY_ID,
      code: await personalCode(env, 'demo-member'),
    });
    expect(inCall.result).toMatchObject({
      ok: true,
      data: { outcome: 'checkedIn', checkin: { memberId: 'm-demo-member', name: '林红', method: 'personal', recordedByName: '赵志刚' } },
    });
    expect(inCall.requests).toHaveLength(4);
    expectWithinBudget(inCall.requests);

    clock.set(after(START, 30 * MINUTE + HOUR));
    const outCall = await env.call('demo-secretary', 'checkin', 'scan', {
      via: 'personal',
      activityId: ACTIVITY_ID,
      code: await personalCode(env, 'demo-member'),
      direction: 'out',
    });
    expect(outCall.result).toMatchObject({ ok: true, data: { outcome: 'checkedOut', checkin: { presentMinutes: 60, studyHours: 1 } } });
    expect(outCall.requests).toHaveLength(4);
    expectWithinBudget(outCall.requests);
    expect(await storedCheckins({ activityId: ACTIVITY_ID })).toEqual([
      expect.objectContaining({ recordedBy: { memberId: 'm-demo-secretary', name: '赵志刚' }, location: null }),
    ]);
  });

  it('不是该活动的组织者：FORBIDDEN；出示的不是个人码：INVALID_INPUT', async () => {
    placeCheckinActivity(env, START);
    const code = await personalCode(env, 'demo-member');
    const notOrganiser = await env.call('seed-member-01', 'checkin', 'scan', { via: 'personal', activityId: ACTIVITY_ID, code });
    expect(notOrganiser.result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'activityId' } });
    const activityCode = await env.call('demo-secretary', 'checkin', 'scan', {
      via: 'personal',
      activityId: ACTIVITY_ID,
      code: await screenCode(env),
    });
    expect(activityCode.result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'code' } });
  });

  it('个人码拿去扫活动签到：INVALID_INPUT，说明这是个人码，不计为错误次数', async () => {
    placeCheckinActivity(env, START);
    const { result } = await scanCode('seed-member-01', await personalCode(env, 'demo-member'));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'code', message: '这是党员的个人码，请扫描活动的签到码' },
    });
    expect(await storedCheckins({ activityId: ACTIVITY_ID })).toEqual([]);
  });

  it('党员不在活动参加范围内：FORBIDDEN，说出是谁', async () => {
    placeCheckinActivity(env, START);
    const { result } = await env.call('demo-secretary', 'checkin', 'scan', {
      via: 'personal',
      activityId: ACTIVITY_ID,
      code: await personalCode(env, 'seed-member-08'),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('不在本活动的参加范围内') } });
  });
});

describe('拒绝的理由', () => {
  beforeEach(() => {
    placeCheckinActivity(env, START);
  });

  it('还不是党员（没有登记）：UNAUTHENTICATED', async () => {
    const { result } = await scanCode('demo-stranger', await screenCode(env));
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('不在本活动的参加范围：FORBIDDEN“本活动不面向你所在的党支部”', async () => {
    const { result } = await scanCode('seed-member-08', await screenCode(env));
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '本活动不面向你所在的党支部' } });
  });

  it('签到已结束（活动结束后、签退仍开放时）：CLOSED，说明签到时间', async () => {
    clock.set(after(START, 30 * MINUTE + 2 * HOUR + MINUTE));
    const { result } = await scanCode('demo-member', await screenCode(env));
    expect(result).toMatchObject({ ok: false, error: { code: 'CLOSED', message: '签到已结束（11月23日 09:30 至 12:30）' } });
  });

  it('活动开始前签退：CLOSED“还未到签退时间”', async () => {
    const { result } = await scanCode('demo-member', await screenCode(env, 'out'));
    expect(result).toMatchObject({ ok: false, error: { code: 'CLOSED', message: '还未到签退时间（11月23日 10:30 至 13:30）' } });
  });

  it('签到码过期（超过两个时段）：EXPIRED，请扫最新的码', async () => {
    const code = await screenCode(env);
    clock.advance(20_000);
    const { result } = await scanCode('demo-member', code);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'EXPIRED', field: 'code', message: '签到码已过期，请扫描屏幕上最新的签到码' },
    });
  });

  it('上一个时段的签到码仍然有效', async () => {
    const code = await screenCode(env);
    clock.advance(10_000);
    expect((await scanCode('demo-member', code)).result.ok).toBe(true);
  });

  it('伪造或乱填的签到码：INVALID_INPUT“签到码无效”', async () => {
    const forged = await scanCode('demo-member', tampered(await screenCode(env)));
    expect(forged.result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'code', message: '签到码无效' } });
    const malformed = await scanCode('demo-member', 'HELLO');
    expect(malformed.result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'code', message: '签到码无效' } });
  });

  it('需要位置却没给：INVALID_INPUT“请允许获取位置后再签到”', async () => {
    const { result } = await scanCode('demo-member', await screenCode(env), null);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'location', message: '请允许获取位置后再签到' } });
  });

  it('活动已取消或仍是草稿：CLOSED', async () => {
    const code = await screenCode(env);
    await setActivity(ACTIVITY_ID, { status: 'cancelled' });
    expect((await scanCode('demo-member', code)).result).toMatchObject({ ok: false, error: { code: 'CLOSED', message: '活动已取消' } });
    await setActivity(ACTIVITY_ID, { status: 'draft' });
    expect((await scanCode('demo-member', code)).result).toMatchObject({ ok: false, error: { code: 'CLOSED', message: '活动尚未发布' } });
  });

  it('没签到就签退：NOT_FOUND“你还没有签到，无法签退”', async () => {
    clock.set(after(START, HOUR));
    const { result } = await scanCode('demo-member', await screenCode(env, 'out'));
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '你还没有签到，无法签退' } });
  });

  it('已签到再扫：DUPLICATE 并给出第一次签到的时间', async () => {
    await scanCode('demo-member', await screenCode(env));
    clock.advance(3 * MINUTE);
    const { result } = await scanCode('demo-member', await screenCode(env));
    expect(result).toMatchObject({ ok: false, error: { code: 'DUPLICATE', message: '你已于 10:00 签到' } });
  });

  it('已签退再签退：DUPLICATE，学时不变', async () => {
    await scanCode('demo-member', await screenCode(env));
    clock.set(after(START, 90 * MINUTE));
    await scanCode('demo-member', await screenCode(env, 'out'));
    clock.set(after(START, 150 * MINUTE));
    const { result } = await scanCode('demo-member', await screenCode(env, 'out'));
    expect(result).toMatchObject({ ok: false, error: { code: 'DUPLICATE', message: '你已于 11:30 签退' } });
    expect(await storedCheckins({ activityId: ACTIVITY_ID })).toEqual([expect.objectContaining({ presentMinutes: 60, studyHours: 1 })]);
  });

  it('错码 5 次后被锁定：RATE_LIMITED，说明还要等几分钟', async () => {
    const code = await screenCode(env);
    for (let attempt = 0; attempt < 5; attempt += 1) await scanCode('demo-member', tampered(code));
    const { result } = await scanCode('demo-member', code);
    expect(result).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: '签到码错误次数过多，请 10 分钟后再试' } });
  });
});

describe('地理围栏（签到点半径 300 米）', () => {
  beforeEach(() => {
    placeCheckinActivity(env, START);
  });

  it.each([
    ['半径 − 1 米、精度 0：在范围内', 299, 0, true],
    ['半径 + 1 米、精度 0：在范围外', 301, 0, false],
    ['半径 + 60 米、精度 60 米：精度放宽到 360 米，在范围内', 360, 60, true],
    ['半径 + 61 米、精度 60 米：在范围外', 361, 60, false],
    ['半径 + 99 米、精度 5000 米：精度最多放宽 100 米，在范围内', 399, 5000, true],
    ['半径 + 101 米、精度 5000 米：在范围外', 401, 5000, false],
  ])('%s', async (_label, metres, accuracy, inside) => {
    const { result } = await scanCode('demo-member', await screenCode(env), north(HALL, metres, accuracy));
    if (inside) expect(result).toMatchObject({ ok: true, data: { checkin: { distanceM: metres } } });
    else
      expect(result).toMatchObject({
        ok: false,
        error: {
          code: 'FORBIDDEN',
          field: 'location',
          message: `你距签到地点约 ${metres} 米，请到达现场（${HALL_FENCE.radiusM} 米内）后再签到`,
        },
      });
  });

  it('基地的围栏用基地的半径：半径 − 1 米在内，+ 1 米在外', async () => {
    const inside = await env.call('demo-member', 'checkin', 'scan', {
      via: 'base',
      baseId: BASE_ID,
      location: north(BASE_POINT, BASE_RADIUS_M - 1, 0),
    });
    expect(inside.result.ok).toBe(true);
    const outside = await env.call('seed-member-01', 'checkin', 'scan', {
      via: 'base',
      baseId: BASE_ID,
      location: north(BASE_POINT, BASE_RADIUS_M + 1, 0),
    });
    expect(outside.result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'location' } });
  });
});
