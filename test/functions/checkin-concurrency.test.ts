/**
 * checkin.scan under concurrency, on the interleaving runner (ARCHITECTURE.md, "Check-ins"): racing
 * and replayed scans leave one check-in, racing 签退 credit once, and racing wrong codes still add
 * up to a lockout — free running and under a seeded serial order.
 */
import { useServerClock } from '../support/clock';
import { createTestEnv, type TestEnv } from '../support/localEnv';
import { after } from './activity-manage.fixtures';
import { ACTIVITY_ID, HALL, MINUTE, placeCheckinActivity, screenCode, storedCheckins, storedMember, tampered } from './checkin.fixtures';
import { tally } from '../support/outcomes';

const START = new Date('2026-11-23T02:00:00Z');
const clock = useServerClock(START);
let env: TestEnv;

beforeEach(() => {
  clock.set(START);
  env = createTestEnv({ now: clock.now() });
  placeCheckinActivity(env, START);
});

const MODES = [
  ['自由交错', undefined],
  ['种子调度下请求逐个随机放行', 2026],
] as const;

function scanTimes(times: number, openid: string, code: string) {
  return Promise.all(Array.from({ length: times }, () => env.call(openid, 'checkin', 'scan', { via: 'code', code, location: HALL })));
}

describe('同一党员并发扫码', () => {
  it.each(MODES)('%s：100 次同时签到只留下一条签到记录，其余 99 次为 DUPLICATE 并给出第一次的时间', async (_mode, seed) => {
    env.scheduler.useSeed(seed);
    const code = await screenCode(env);
    const calls = await scanTimes(100, 'demo-member', code);
    expect(tally(calls.map((call) => call.result))).toEqual({ ok: 1, DUPLICATE: 99 });
    expect(calls.find((call) => !call.result.ok)?.result).toMatchObject({ error: { message: '你已于 10:00 签到' } });
    expect(await storedCheckins({ memberId: 'm-demo-member', activityId: ACTIVITY_ID })).toHaveLength(1);
    expect(Math.max(...calls.filter((call) => call.result.ok).map((call) => call.requests.length))).toBeLessThanOrEqual(4);
  });

  it('同一次扫码被重放（网络重试）：只有一条签到记录', async () => {
    const code = await screenCode(env);
    const first = await env.call('demo-member', 'checkin', 'scan', { via: 'code', code, location: HALL });
    clock.advance(3_000);
    const replay = await env.call('demo-member', 'checkin', 'scan', { via: 'code', code, location: HALL });
    expect([first.result.ok, replay.result]).toEqual([
      true,
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'DUPLICATE' }) }),
    ]);
    expect(await storedCheckins({ activityId: ACTIVITY_ID })).toHaveLength(1);
  });

  it.each(MODES)('%s：20 次同时签退只记一次学时', async (_mode, seed) => {
    await env.ok('demo-member', 'checkin', 'scan', { via: 'code', code: await screenCode(env), location: HALL });
    clock.set(after(START, 30 * MINUTE + 60 * MINUTE));
    const code = await screenCode(env, 'out');
    env.scheduler.useSeed(seed);
    const calls = await scanTimes(20, 'demo-member', code);
    expect(tally(calls.map((call) => call.result))).toEqual({ ok: 1, DUPLICATE: 19 });
    expect(await storedCheckins({ activityId: ACTIVITY_ID })).toEqual([
      expect.objectContaining({ presentMinutes: 60, studyHours: 1, checkedOutAt: clock.now() }),
    ]);
  });
});

describe('错码锁定', () => {
  it.each(MODES)('%s：5 个错码同时提交也会锁定，随后即使扫对码也是 RATE_LIMITED', async (_mode, seed) => {
    const code = await screenCode(env);
    env.scheduler.useSeed(seed);
    const wrong = await scanTimes(5, 'demo-member', tampered(code));
    expect(tally(wrong.map((call) => call.result))).toEqual({ INVALID_INPUT: 5 });
    expect((await storedMember('demo-member')).checkinGuard).toMatchObject({ failures: 5, windowStart: START });
    const { result } = await env.call('demo-member', 'checkin', 'scan', { via: 'code', code, location: HALL });
    expect(result).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: '签到码错误次数过多，请 10 分钟后再试' } });
    expect(await storedCheckins({ activityId: ACTIVITY_ID })).toEqual([]);
  });

  it('过期码也计入；4 次不锁定；锁定 10 分钟后自动解除，重新计数', async () => {
    const stale = await screenCode(env);
    clock.advance(30_000);
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const { result } = await env.call('demo-member', 'checkin', 'scan', { via: 'code', code: stale, location: HALL });
      expect(result).toMatchObject({ ok: false, error: { code: 'EXPIRED' } });
    }
    expect((await env.call('demo-member', 'checkin', 'scan', { via: 'code', code: await screenCode(env), location: HALL })).result.ok).toBe(
      true,
    );

    await env.call('demo-member', 'checkin', 'scan', { via: 'code', code: 'NOTACODE', location: HALL });
    const locked = await env.call('demo-member', 'checkin', 'scan', { via: 'code', code: await screenCode(env, 'out'), location: HALL });
    expect(locked.result).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect((await storedMember('demo-member')).checkinGuard).toMatchObject({
      failures: 5,
      lockedUntil: after(START, 30_000 + 10 * MINUTE),
    });

    clock.set(after(START, 30 * MINUTE + 10 * MINUTE + 1));
    const { result } = await env.call('demo-member', 'checkin', 'scan', { via: 'code', code: 'NOTACODE', location: HALL });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await storedMember('demo-member')).checkinGuard).toMatchObject({ failures: 1, lockedUntil: null });
  });
});
