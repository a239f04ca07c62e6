/**
 * Sign-ups under concurrency, on the interleaving runner (ARCHITECTURE.md, "Concurrency in the local
 * runtime" and "Sign-ups"): free running and under seeded serial orders, plus forced interleavings
 * for the races the algorithm has to settle. Every test ends with the activity's counters equal to
 * its sign-up records per status.
 */
import type { Result } from '../../types/result';
import type { NotificationDoc, SignUpDoc } from '../../server/documents';
import { useServerClock } from '../support/clock';
import { createTestEnv, type TestEnv } from '../support/localEnv';
import { after, DAY, seededMember, signUpDoc, storedDocs } from './activity-manage.fixtures';
import { expectCountersMatchRecords, placeActivity, placeMembers, storedActivity, storedSignUps } from './activity-signup.fixtures';

const START = new Date('2026-11-23T02:00:00Z');
const clock = useServerClock(START);
let env: TestEnv;

beforeEach(() => {
  clock.set(START);
  env = createTestEnv({ now: clock.now() });
});

afterEach(async () => {
  await expectCountersMatchRecords();
});

const ID = 'act-hot';
const MODES = [
  ['自由交错', undefined],
  ['种子调度下请求逐个随机放行', 2026],
] as const;

function outcome(result: Result<{ status: string }>): string {
  return result.ok ? result.data.status : result.error.code;
}

function tally(results: Result<{ status: string }>[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const result of results) counts[outcome(result)] = (counts[outcome(result)] ?? 0) + 1;
  return counts;
}

/** Starts one sign-up per member, a millisecond apart, so arrival order is the order of `openids`. */
function signUpInArrivalOrder(openids: string[]) {
  return Promise.all(
    openids.map((openid) => {
      clock.advance(1);
      return env.call(openid, 'activity', 'signUp', { id: ID });
    }),
  );
}

/** The waitlist as the organiser's attendee list pages through it. */
async function waitlistAsListed(): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await env.ok('demo-secretary', 'activity', 'attendees', {
      id: ID,
      status: 'waitlisted',
      pageSize: 50,
      ...(cursor ? { cursor } : {}),
    });
    seen.push(...page.items.map((row) => row.memberId));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return seen;
}

async function statusOf(openid: string): Promise<SignUpDoc['status'] | undefined> {
  const [signUp] = await storedDocs<SignUpDoc>('sign_ups', { activityId: ID, memberId: `m-${openid}` });
  return signUp?.status;
}

/** Places taken, and nobody waiting while a seat is free. */
async function expectSeatsServed(capacity: number): Promise<void> {
  const signUps = await storedSignUps(ID);
  const signed = signUps.filter((s) => s.status === 'signed').length;
  const waiting = signUps.filter((s) => s.status === 'waitlisted').length;
  expect(signed).toBeLessThanOrEqual(capacity);
  if (waiting > 0) expect(signed).toBe(capacity);
}

describe('500 人同时报名 50 个名额', () => {
  it.each(MODES)('%s：恰好 50 人报上、450 人候补，候补按到达顺序排，空出的名额按这个顺序递补', async (_mode, seed) => {
    env.scheduler.useSeed(seed);
    placeActivity(env, START, { _id: ID, capacity: 50, signUpDeadline: after(START, DAY) });
    const openids = placeMembers(env, START, 500, 'crowd');

    const calls = await signUpInArrivalOrder(openids);
    expect(tally(calls.map((call) => call.result))).toEqual({ signed: 50, waitlisted: 450 });
    expect(Math.max(...calls.map((call) => call.requests.length))).toBeLessThanOrEqual(5);
    expect(await storedActivity(ID)).toMatchObject({ signedUpCount: 50, waitlistCount: 450 });

    const answered = calls.map(({ result }) => outcome(result));
    const waitingInArrival = openids.filter((_, i) => answered[i] === 'waitlisted');
    const line = await waitlistAsListed();
    expect(line).toEqual(waitingInArrival.map((openid) => `m-${openid}`));

    const leaving = openids.filter((_, i) => answered[i] === 'signed').slice(0, 10);
    await Promise.all(leaving.map((openid) => env.ok(openid, 'activity', 'cancelSignUp', { id: ID })));
    const promoted = (await storedDocs<NotificationDoc>('notifications', { activityId: ID, kind: 'promoted' }))
      .map((n) => n.memberId)
      .sort();
    expect(promoted).toEqual(line.slice(0, 10).sort());
    expect(await waitlistAsListed()).toEqual(line.slice(10));
    await expectSeatsServed(50);
  });
});

describe('取消与递补', () => {
  it.each(MODES)('%s：同一份报名被并发取消 20 次，只计一次，只递补一人', async (_mode, seed) => {
    env.scheduler.useSeed(seed);
    placeActivity(env, START, { _id: ID, capacity: 1, signedUpCount: 1, waitlistCount: 2 });
    env.store.insertMany('sign_ups', [{ ...signUpDoc(ID, seededMember('demo-member'), 'signed', START) }]);
    const [first, second] = placeMembers(env, START, 2, 'line');
    env.store.insertMany('sign_ups', [
      { ...signUpDoc(ID, seededMember(first!), 'waitlisted', after(START, 1)) },
      { ...signUpDoc(ID, seededMember(second!), 'waitlisted', after(START, 2)) },
    ]);
    const results = await Promise.all(Array.from({ length: 20 }, () => env.call('demo-member', 'activity', 'cancelSignUp', { id: ID })));
    expect(tally(results.map((call) => call.result))).toEqual({ cancelled: 20 });
    expect(await storedActivity(ID)).toMatchObject({ signedUpCount: 1, waitlistCount: 1, cancelledCount: 1 });
    expect([await statusOf(first!), await statusOf(second!)]).toEqual(['signed', 'waitlisted']);
    expect(await storedDocs('notifications', { activityId: ID })).toHaveLength(1);
  });

  it.each(MODES)('%s：20 位已报名者同时取消，候补前 20 位各递补一次，各收到一条通知', async (_mode, seed) => {
    env.scheduler.useSeed(seed);
    placeActivity(env, START, { _id: ID, capacity: 20 });
    const seated = placeMembers(env, START, 20, 'seated');
    const waiting = placeMembers(env, START, 30, 'waiting');
    for (const openid of [...seated, ...waiting]) {
      clock.advance(1);
      await env.ok(openid, 'activity', 'signUp', { id: ID });
    }
    await Promise.all(seated.map((openid) => env.ok(openid, 'activity', 'cancelSignUp', { id: ID })));
    const statuses = await Promise.all(waiting.map(statusOf));
    expect(statuses).toEqual([...Array<string>(20).fill('signed'), ...Array<string>(10).fill('waitlisted')]);
    const notices = await storedDocs<NotificationDoc>('notifications', { activityId: ID });
    expect(notices.map((n) => n.memberId).sort()).toEqual(
      waiting
        .slice(0, 20)
        .map((openid) => `m-${openid}`)
        .sort(),
    );
  });

  it.each([undefined, 1, 2, 3, 4, 5, 6, 7])(
    '取消、重新报名、新报名与请假同时发生（种子 %s）：名额不超，计数与记录一致，不会有人候补而名额空着',
    async (seed) => {
      env.scheduler.useSeed(seed);
      placeActivity(env, START, { _id: ID, capacity: 10 });
      const seated = placeMembers(env, START, 10, 'seated');
      const waiting = placeMembers(env, START, 10, 'waiting');
      const fresh = placeMembers(env, START, 10, 'fresh');
      for (const openid of [...seated, ...waiting]) await env.ok(openid, 'activity', 'signUp', { id: ID });

      const actions = [
        ...seated.flatMap((openid) => [
          env.call(openid, 'activity', 'cancelSignUp', { id: ID }),
          env.call(openid, 'activity', 'signUp', { id: ID }),
        ]),
        ...waiting
          .slice(0, 5)
          .flatMap((openid) => [
            env.call(openid, 'activity', 'cancelSignUp', { id: ID }),
            env.call(openid, 'activity', 'signUp', { id: ID }),
          ]),
        ...waiting.slice(5).map((openid) => env.call(openid, 'activity', 'requestLeave', { id: ID, reason: '临时出差' })),
        ...fresh.map((openid) => env.call(openid, 'activity', 'signUp', { id: ID })),
      ];
      const results = await Promise.all(actions);
      expect(results.filter((call) => !call.result.ok)).toEqual([]);
      await expectSeatsServed(10);
    },
  );

  it('同一人连点 50 次报名：只有一条记录，只占一个名额', async () => {
    placeActivity(env, START, { _id: ID, capacity: 5 });
    const results = await Promise.all(Array.from({ length: 50 }, () => env.call('demo-member', 'activity', 'signUp', { id: ID })));
    expect(results.every((call) => call.result.ok)).toBe(true);
    expect(await storedSignUps(ID)).toHaveLength(1);
    expect(await storedActivity(ID)).toMatchObject({ signedUpCount: 1, waitlistCount: 0 });
  });
});

describe('强制交错：报名在途中被别的操作改动', () => {
  it('新报名刚进入队列、还没抢座时被空出的名额递补：他只占一个名额，收到一条递补通知', async () => {
    placeActivity(env, START, { _id: ID, capacity: 1 });
    await env.ok('seed-member-01', 'activity', 'signUp', { id: ID });
    const beforeClaim = env.scheduler.pauseBefore({ invocation: 'N', action: 'database.modifyDocument', collection: 'activities' });
    const signingUp = env.call({ openid: 'demo-member', label: 'N' }, 'activity', 'signUp', { id: ID });
    await beforeClaim.reached;
    await env.ok('seed-member-01', 'activity', 'cancelSignUp', { id: ID });
    expect(await statusOf('demo-member')).toBe('signed');
    beforeClaim.release();
    expect((await signingUp).result.ok).toBe(true);
    expect(await storedActivity(ID)).toMatchObject({ signedUpCount: 1, waitlistCount: 0 });
    expect(await storedDocs('notifications', { activityId: ID, memberId: 'm-demo-member' })).toHaveLength(1);
    expect((await env.ok('demo-member', 'activity', 'detail', { id: ID })).mine).toBe('signed');
  });

  it('抢到座位后、确认之前，本人在另一台设备上取消：座位退回，记录为已取消', async () => {
    placeActivity(env, START, { _id: ID, capacity: 1 });
    const beforeConfirm = env.scheduler.pauseBefore({ invocation: 'N', action: 'database.modifyDocument', collection: 'sign_ups' });
    const signingUp = env.call({ openid: 'demo-member', label: 'N' }, 'activity', 'signUp', { id: ID });
    await beforeConfirm.reached;
    expect(await env.ok('demo-member', 'activity', 'cancelSignUp', { id: ID })).toMatchObject({ status: 'cancelled' });
    beforeConfirm.release();
    expect((await signingUp).result).toMatchObject({ ok: true, data: { status: 'cancelled' } });
    expect(await storedActivity(ID)).toMatchObject({ signedUpCount: 0, waitlistCount: 0, cancelledCount: 1 });
    expect((await env.ok('seed-member-01', 'activity', 'signUp', { id: ID })).status).toBe('signed');
  });

  it('递补者被选中后、确认之前自己取消了候补：座位退回并给下一位', async () => {
    placeActivity(env, START, { _id: ID, capacity: 1 });
    const [seatedMember, headMember, nextMember] = ['p-0', 'p-1', 'p-2'] as const;
    placeMembers(env, START, 3, 'p');
    for (const openid of [seatedMember, headMember, nextMember]) {
      clock.advance(1);
      await env.ok(openid, 'activity', 'signUp', { id: ID });
    }
    const beforePromotion = env.scheduler.pauseBefore({
      invocation: 'C',
      action: 'database.modifyDocument',
      collection: 'sign_ups',
      nth: 8,
    });
    const cancelling = env.call({ openid: seatedMember, label: 'C' }, 'activity', 'cancelSignUp', { id: ID });
    await beforePromotion.reached;
    await env.ok(headMember, 'activity', 'cancelSignUp', { id: ID });
    beforePromotion.release();
    expect((await cancelling).result.ok).toBe(true);
    expect([await statusOf(headMember), await statusOf(nextMember)]).toEqual(['cancelled', 'signed']);
    expect((await storedDocs<NotificationDoc>('notifications', { activityId: ID })).map((n) => n.memberId)).toEqual([`m-${nextMember}`]);
  });
});
