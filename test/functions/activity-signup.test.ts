/**
 * The member side of sign-ups, one call at a time: signUp, cancelSignUp, requestLeave, and the
 * organisers' addAttendee and attendees — rules at their edges, DB requests per call, permissions and
 * malformed input. The concurrent races are in activity-concurrency.test.ts.
 */
import { useServerClock } from '../support/clock';
import { INJECTION, SCRIPT } from '../support/contractTables';
import { createTestEnv, type TestEnv } from '../support/localEnv';
import { activityPath } from '../../cloudfunctions/activity/activityView';
import type { AuditDoc } from '../../server/audit';
import type { NotificationDoc, SignUpDoc } from '../../server/documents';
import { after, DAY, HOUR, seededMember, signUpDoc, storedDocs } from './activity-manage.fixtures';
import { expectCountersMatchRecords, placeActivity, placeMembers, storedActivity } from './activity-signup.fixtures';

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

const ID = 'act-theme-day';
const DEADLINE = after(START, 2 * DAY);
const STARTS = after(START, 3 * DAY);

/** Fills `count` seats with members of 第一党支部 signed up before the test. */
function fill(activityId: string, count: number, status: SignUpDoc['status'] = 'signed', prefix = 'early'): string[] {
  const openids = placeMembers(env, START, count, prefix);
  env.store.insertMany(
    'sign_ups',
    openids.map((openid, i) => ({ ...signUpDoc(activityId, seededMember(openid), status, after(START, -HOUR + i)) })),
  );
  return openids;
}

function activityWith(overrides: Parameters<typeof placeActivity>[2]) {
  return placeActivity(env, START, overrides);
}

async function mySignUp(activityId: string, openid: string): Promise<SignUpDoc | undefined> {
  const [signUp] = await storedDocs<SignUpDoc>('sign_ups', { activityId, memberId: `m-${openid}` });
  return signUp;
}

describe('activity.signUp', () => {
  it('有空位时报名成功：记录为已报名，剩余名额减一；首次报名共 5 次数据库请求，都走索引', async () => {
    activityWith({ _id: ID, capacity: 2 });
    const { result, requests } = await env.call('demo-member', 'activity', 'signUp', { id: ID });
    expect(result).toMatchObject({ ok: true, data: { status: 'signed', activity: { signedUpCount: 1, seatsLeft: 1, mine: 'signed' } } });
    expect(requests).toHaveLength(5);
    expect(requests.filter((request) => !request.indexed)).toEqual([]);
    expect(await mySignUp(ID, 'demo-member')).toMatchObject({ status: 'signed', signedUpAt: START, addedBy: null, subscribeCredits: 0 });
  });

  it('名额已满且开启候补：进入候补名单，同样 5 次数据库请求', async () => {
    activityWith({ _id: ID, capacity: 2, signedUpCount: 2 });
    fill(ID, 2);
    const { result, requests } = await env.call('demo-member', 'activity', 'signUp', { id: ID });
    expect(result).toMatchObject({ ok: true, data: { status: 'waitlisted', activity: { waitlistCount: 1, seatsLeft: 0 } } });
    expect(requests).toHaveLength(5);
    expect((await storedActivity(ID)).signedUpCount).toBe(2);
  });

  it('名额已满且未开启候补：返回 FULL，不留下报名记录', async () => {
    activityWith({ _id: ID, capacity: 1, signedUpCount: 1, waitlist: false });
    fill(ID, 1);
    const { result } = await env.call('demo-member', 'activity', 'signUp', { id: ID });
    expect(result).toMatchObject({ ok: false, error: { code: 'FULL', message: '名额已满' } });
    expect(await mySignUp(ID, 'demo-member')).toBeUndefined();
  });

  it('候补队列里有人时，即使刚空出一个名额，新来的人也排在队尾而不是插队', async () => {
    activityWith({ _id: ID, capacity: 2, signedUpCount: 1, waitlistCount: 1 });
    fill(ID, 1);
    fill(ID, 1, 'waitlisted', 'waiting');
    const { result } = await env.call('demo-member', 'activity', 'signUp', { id: ID });
    expect(result).toMatchObject({ ok: true, data: { status: 'waitlisted' } });
  });

  it('不限名额的活动：总是报名成功，不显示剩余名额', async () => {
    activityWith({ _id: ID, capacity: null, signedUpCount: 40 });
    fill(ID, 40);
    const { result } = await env.call('demo-member', 'activity', 'signUp', { id: ID });
    expect(result).toMatchObject({ ok: true, data: { status: 'signed', activity: { seatsLeft: null, signedUpCount: 41 } } });
  });

  it('重复报名（连点）返回当前状态，不重复计数，4 次数据库请求', async () => {
    activityWith({ _id: ID });
    await env.ok('demo-member', 'activity', 'signUp', { id: ID });
    const { result, requests } = await env.call('demo-member', 'activity', 'signUp', { id: ID });
    expect(result).toMatchObject({ ok: true, data: { status: 'signed', activity: { signedUpCount: 1 } } });
    expect(requests).toHaveLength(4);
  });

  it('每同意一次订阅提醒，报名记录上就多一条可发的消息（一次同意 = 一条消息）；已报名后再点再同意也算，不同意不算', async () => {
    activityWith({ _id: ID });
    await env.ok('demo-member', 'activity', 'signUp', { id: ID, acceptReminder: true });
    expect(await mySignUp(ID, 'demo-member')).toMatchObject({ subscribeCredits: 1 });
    await env.ok('demo-member', 'activity', 'signUp', { id: ID });
    expect(await mySignUp(ID, 'demo-member')).toMatchObject({ subscribeCredits: 1 });
    const { requests } = await env.call('demo-member', 'activity', 'signUp', { id: ID, acceptReminder: true });
    expect(requests).toHaveLength(5);
    expect(await mySignUp(ID, 'demo-member')).toMatchObject({ status: 'signed', subscribeCredits: 2 });
    expect(await storedActivity(ID)).toMatchObject({ signedUpCount: 1 });
  });

  it('取消后可以重新报名：从队尾重新排队，报名时间更新，已取消计数减一，没用掉的订阅提醒次数保留并累加', async () => {
    activityWith({ _id: ID, capacity: 1 });
    await env.ok('demo-member', 'activity', 'signUp', { id: ID, acceptReminder: true });
    await env.ok('demo-member', 'activity', 'cancelSignUp', { id: ID });
    await env.ok('seed-member-01', 'activity', 'signUp', { id: ID });
    const later = clock.advance(HOUR);
    const again = await env.ok('demo-member', 'activity', 'signUp', { id: ID, acceptReminder: true });
    expect(again).toMatchObject({ status: 'waitlisted', activity: { signedUpCount: 1, waitlistCount: 1 } });
    expect(await mySignUp(ID, 'demo-member')).toMatchObject({ status: 'waitlisted', signedUpAt: later, subscribeCredits: 2 });
    expect(await storedActivity(ID)).toMatchObject({ cancelledCount: 0 });
  });

  it('请假后在截止前再报名：重新占座，已请假计数减一，请假理由清空', async () => {
    activityWith({ _id: ID });
    await env.ok('demo-member', 'activity', 'signUp', { id: ID });
    await env.ok('demo-member', 'activity', 'requestLeave', { id: ID, reason: '临时出差' });
    const again = await env.ok('demo-member', 'activity', 'signUp', { id: ID });
    expect(again.status).toBe('signed');
    expect(await mySignUp(ID, 'demo-member')).toMatchObject({ status: 'signed', leaveReason: null });
    expect(await storedActivity(ID)).toMatchObject({ signedUpCount: 1, leaveCount: 0 });
  });

  it('报名截止前 1 毫秒可以报名，截止时刻起返回 CLOSED（报名已截止）', async () => {
    activityWith({ _id: ID });
    clock.set(new Date(DEADLINE.getTime() - 1));
    expect((await env.call('demo-member', 'activity', 'signUp', { id: ID })).result.ok).toBe(true);
    clock.set(DEADLINE);
    const { result } = await env.call('seed-member-01', 'activity', 'signUp', { id: ID });
    expect(result).toEqual({ ok: false, error: { code: 'CLOSED', message: '报名已截止' } });
  });

  it('报名开始前返回 CLOSED（报名尚未开始），开始时刻可以报名', async () => {
    const opens = after(START, HOUR);
    activityWith({ _id: ID, signUpOpensAt: opens });
    expect((await env.call('demo-member', 'activity', 'signUp', { id: ID })).result).toMatchObject({
      ok: false,
      error: { code: 'CLOSED', message: '报名尚未开始' },
    });
    clock.set(opens);
    expect((await env.call('demo-member', 'activity', 'signUp', { id: ID })).result.ok).toBe(true);
  });

  it.each([
    ['已取消', 'cancelled', '活动已取消'],
    ['已结束', 'finished', '活动已结束'],
  ] as const)('%s的活动不能报名：CLOSED 并说明原因', async (_label, status, message) => {
    activityWith({ _id: ID, status });
    const { result } = await env.call('demo-member', 'activity', 'signUp', { id: ID });
    expect(result).toEqual({ ok: false, error: { code: 'CLOSED', message } });
  });

  it('草稿对党员不可见（NOT_FOUND）；组织者看得到，报名得到 CLOSED（活动尚未发布）', async () => {
    activityWith({ _id: ID, status: 'draft' });
    expect((await env.call('demo-member', 'activity', 'signUp', { id: ID })).result).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'id' },
    });
    expect((await env.call('demo-secretary', 'activity', 'signUp', { id: ID })).result).toMatchObject({
      ok: false,
      error: { code: 'CLOSED', message: '活动尚未发布' },
    });
  });

  it('别的支部的活动：党员得到 NOT_FOUND（和详情、列表一样不透露它存在），能看到它的组织部得到 FORBIDDEN；都不写入', async () => {
    activityWith({ _id: ID, branchId: 'branch-2', audience: ['branch-2'] });
    const before = await env.snapshot();
    expect((await env.call('demo-member', 'activity', 'signUp', { id: ID })).result).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'id' },
    });
    expect((await env.call('demo-admin', 'activity', 'signUp', { id: ID })).result).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '本活动不面向你所在的党支部' },
    });
    expect(await env.snapshot()).toEqual(before);
  });

  it('面向多个支部的活动，名单内各支部的党员都能报名', async () => {
    activityWith({ _id: ID, branchId: null, audience: ['branch-1', 'branch-2'] });
    expect((await env.ok('demo-member', 'activity', 'signUp', { id: ID })).status).toBe('signed');
    expect((await env.ok('seed-member-07', 'activity', 'signUp', { id: ID })).status).toBe('signed');
  });

  it('没有这个活动：NOT_FOUND；尚未加入的用户：UNAUTHENTICATED', async () => {
    expect((await env.call('demo-member', 'activity', 'signUp', { id: 'nope' })).result).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    activityWith({ _id: ID });
    expect((await env.call('demo-stranger', 'activity', 'signUp', { id: ID })).result).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
  });
});

describe('activity.cancelSignUp', () => {
  it('截止前取消：记录保留为已取消，名额释放；再次取消返回同样状态，不重复计数', async () => {
    activityWith({ _id: ID, capacity: 5 });
    await env.ok('demo-member', 'activity', 'signUp', { id: ID });
    const cancelled = await env.ok('demo-member', 'activity', 'cancelSignUp', { id: ID });
    expect(cancelled).toMatchObject({ status: 'cancelled', activity: { signedUpCount: 0, seatsLeft: 5, mine: 'cancelled' } });
    expect(await mySignUp(ID, 'demo-member')).toMatchObject({ status: 'cancelled' });
    const again = await env.ok('demo-member', 'activity', 'cancelSignUp', { id: ID });
    expect(again.status).toBe('cancelled');
    expect(await storedActivity(ID)).toMatchObject({ signedUpCount: 0, cancelledCount: 1 });
  });

  it('截止前 1 毫秒可以取消，截止时刻起 CLOSED 并提示改为请假；已取消的再点一次仍照常回答', async () => {
    activityWith({ _id: ID });
    await env.ok('demo-member', 'activity', 'signUp', { id: ID });
    await env.ok('seed-member-01', 'activity', 'signUp', { id: ID });
    clock.set(new Date(DEADLINE.getTime() - 1));
    await env.ok('demo-member', 'activity', 'cancelSignUp', { id: ID });
    clock.set(DEADLINE);
    expect((await env.ok('demo-member', 'activity', 'cancelSignUp', { id: ID })).status).toBe('cancelled');
    const { result } = await env.call('seed-member-01', 'activity', 'cancelSignUp', { id: ID });
    expect(result).toEqual({ ok: false, error: { code: 'CLOSED', message: '报名已截止，不能取消；如不能参加，请向支部书记请假' } });
  });

  it('取消空出的名额自动递补候补第一位（按报名时间），并给他写一条递补通知', async () => {
    activityWith({ _id: ID, capacity: 1 });
    await env.ok('demo-member', 'activity', 'signUp', { id: ID });
    clock.advance(1000);
    await env.ok('seed-member-01', 'activity', 'signUp', { id: ID });
    clock.advance(1000);
    await env.ok('seed-member-06', 'activity', 'signUp', { id: ID });
    const firstInLine = await mySignUp(ID, 'seed-member-01');

    const { requests } = await env.call('demo-member', 'activity', 'cancelSignUp', { id: ID });
    expect(requests.filter((request) => !request.indexed)).toEqual([]);
    expect(await mySignUp(ID, 'seed-member-01')).toMatchObject({ status: 'signed' });
    expect(await mySignUp(ID, 'seed-member-06')).toMatchObject({ status: 'waitlisted' });
    const notices = await storedDocs<NotificationDoc>('notifications', { activityId: ID });
    expect(notices).toEqual([
      expect.objectContaining({
        _id: `promoted_${firstInLine!._id}_${firstInLine!.signedUpAt.getTime()}`,
        kind: 'promoted',
        memberId: 'm-seed-member-01',
        openid: 'seed-member-01',
        state: 'pending',
        page: activityPath(ID),
      }),
    ]);
  });

  it('同一毫秒报名的候补，按记录号先后递补', async () => {
    activityWith({ _id: ID, capacity: 1, signedUpCount: 1, waitlistCount: 3 });
    fill(ID, 1);
    const line = placeMembers(env, START, 3, 'tied');
    env.store.insertMany(
      'sign_ups',
      [...line].reverse().map((openid) => ({ ...signUpDoc(ID, seededMember(openid), 'waitlisted', START) })),
    );
    await env.ok('early-0', 'activity', 'cancelSignUp', { id: ID });
    expect((await mySignUp(ID, 'tied-0'))?.status).toBe('signed');
  });

  it('取消候补：候补人数减一，不递补任何人', async () => {
    activityWith({ _id: ID, capacity: 1, signedUpCount: 1 });
    fill(ID, 1);
    await env.ok('demo-member', 'activity', 'signUp', { id: ID });
    await env.ok('demo-member', 'activity', 'cancelSignUp', { id: ID });
    expect(await storedActivity(ID)).toMatchObject({ signedUpCount: 1, waitlistCount: 0, cancelledCount: 1 });
    expect(await storedDocs('notifications', { activityId: ID })).toEqual([]);
  });

  it('没报过名的人取消，或已请假的人再取消：CONFLICT 并说明', async () => {
    activityWith({ _id: ID });
    expect((await env.call('demo-member', 'activity', 'cancelSignUp', { id: ID })).result).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '你尚未报名此活动' },
    });
    await env.ok('demo-member', 'activity', 'signUp', { id: ID });
    await env.ok('demo-member', 'activity', 'requestLeave', { id: ID, reason: '家中有事' });
    expect((await env.call('demo-member', 'activity', 'cancelSignUp', { id: ID })).result).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });
});

describe('activity.requestLeave', () => {
  it('已报名的人请假：记下理由，名额让给候补第一位', async () => {
    activityWith({ _id: ID, capacity: 1 });
    await env.ok('demo-member', 'activity', 'signUp', { id: ID });
    await env.ok('seed-member-01', 'activity', 'signUp', { id: ID });
    clock.set(DEADLINE);
    const left = await env.ok('demo-member', 'activity', 'requestLeave', { id: ID, reason: '  临时出差  ' });
    expect(left).toMatchObject({ status: 'leave', activity: { mine: 'leave' } });
    expect(await mySignUp(ID, 'demo-member')).toMatchObject({ status: 'leave', leaveReason: '临时出差' });
    expect(await mySignUp(ID, 'seed-member-01')).toMatchObject({ status: 'signed' });
    expect(await storedActivity(ID)).toMatchObject({ signedUpCount: 1, waitlistCount: 0, leaveCount: 1 });
  });

  it('候补中的人截止后请假：离开候补名单，不会再被递补', async () => {
    activityWith({ _id: ID, capacity: 1, signedUpCount: 1 });
    fill(ID, 1);
    await env.ok('demo-member', 'activity', 'signUp', { id: ID });
    clock.set(DEADLINE);
    await env.ok('demo-member', 'activity', 'requestLeave', { id: ID, reason: '家中有事' });
    await env.ok('early-0', 'activity', 'requestLeave', { id: ID, reason: '临时出差' });
    expect(await mySignUp(ID, 'demo-member')).toMatchObject({ status: 'leave' });
    expect(await storedActivity(ID)).toMatchObject({ signedUpCount: 0, waitlistCount: 0, leaveCount: 2 });
  });

  it('开始前 1 毫秒可以请假，开始时刻起 CLOSED；已请假的再点一次照常回答，理由不变', async () => {
    activityWith({ _id: ID });
    await env.ok('demo-member', 'activity', 'signUp', { id: ID });
    await env.ok('seed-member-01', 'activity', 'signUp', { id: ID });
    clock.set(new Date(STARTS.getTime() - 1));
    await env.ok('demo-member', 'activity', 'requestLeave', { id: ID, reason: '临时出差' });
    clock.set(STARTS);
    expect((await env.call('seed-member-01', 'activity', 'requestLeave', { id: ID, reason: '临时出差' })).result).toEqual({
      ok: false,
      error: { code: 'CLOSED', message: '活动已开始，不能再请假' },
    });
    expect((await env.ok('demo-member', 'activity', 'requestLeave', { id: ID, reason: '另一个理由' })).status).toBe('leave');
    expect(await mySignUp(ID, 'demo-member')).toMatchObject({ leaveReason: '临时出差' });
  });

  it('已取消报名的人不能请假：CONFLICT；活动已取消：CLOSED', async () => {
    activityWith({ _id: ID });
    await env.ok('demo-member', 'activity', 'signUp', { id: ID });
    await env.ok('demo-member', 'activity', 'cancelSignUp', { id: ID });
    expect((await env.call('demo-member', 'activity', 'requestLeave', { id: ID, reason: '临时出差' })).result).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    activityWith({ _id: 'act-cancelled', status: 'cancelled', signedUpCount: 1 });
    env.store.insertMany('sign_ups', [{ ...signUpDoc('act-cancelled', seededMember('demo-member'), 'signed', START) }]);
    expect((await env.call('demo-member', 'activity', 'requestLeave', { id: 'act-cancelled', reason: '临时出差' })).result).toEqual({
      ok: false,
      error: { code: 'CLOSED', message: '活动已取消' },
    });
  });
});

describe('activity.addAttendee', () => {
  it('本支部书记超出名额添加党员：记为已报名并注明添加人，名额计数超过上限，审计记下理由', async () => {
    activityWith({ _id: ID, capacity: 1, signedUpCount: 1 });
    fill(ID, 1);
    const { result } = await env.call('demo-secretary', 'activity', 'addAttendee', {
      id: ID,
      memberId: 'm-demo-member',
      reason: '支委会决定参加',
    });
    expect(result).toEqual({
      ok: true,
      data: {
        attendee: {
          memberId: 'm-demo-member',
          name: '林红',
          branchId: 'branch-1',
          status: 'signed',
          signedUpAt: START.toISOString(),
          leaveReason: null,
          addedByOrganiser: true,
        },
      },
    });
    expect(await mySignUp(ID, 'demo-member')).toMatchObject({ addedBy: 'm-demo-secretary' });
    expect(await storedActivity(ID)).toMatchObject({ signedUpCount: 2 });
    expect(await storedDocs<AuditDoc>('audit_logs', { action: 'activity.addAttendee' })).toEqual([
      expect.objectContaining({
        actorId: 'm-demo-secretary',
        targetId: `${ID}_m-demo-member`,
        detail: { activityId: ID, memberId: 'm-demo-member', from: null, reason: '支委会决定参加' },
      }),
    ]);
  });

  it('有空位时添加占用空位，不超出名额；添加候补中的人把他移出候补', async () => {
    activityWith({ _id: ID, capacity: 2 });
    await env.ok('seed-member-01', 'activity', 'signUp', { id: ID });
    await env.ok('demo-admin', 'activity', 'addAttendee', { id: ID, memberId: 'm-demo-member', reason: '补报' });
    await env.ok('seed-member-06', 'activity', 'signUp', { id: ID });
    expect(await mySignUp(ID, 'seed-member-06')).toMatchObject({ status: 'waitlisted' });
    await env.ok('demo-secretary', 'activity', 'addAttendee', { id: ID, memberId: 'm-seed-member-06', reason: '补报' });
    expect(await storedActivity(ID)).toMatchObject({ signedUpCount: 3, waitlistCount: 0 });
  });

  it('已报名的人再添加一次：原样返回，不重复计数也不再记审计', async () => {
    activityWith({ _id: ID });
    await env.ok('demo-member', 'activity', 'signUp', { id: ID });
    const { attendee } = await env.ok('demo-secretary', 'activity', 'addAttendee', { id: ID, memberId: 'm-demo-member', reason: '补报' });
    expect(attendee).toMatchObject({ status: 'signed', addedByOrganiser: false });
    expect(await storedDocs('audit_logs', { action: 'activity.addAttendee' })).toEqual([]);
  });

  it('不在活动范围内的党员：FORBIDDEN 指明 memberId；没有这位在册党员：NOT_FOUND；都不写入', async () => {
    activityWith({ _id: ID });
    const before = await env.snapshot();
    expect(
      (await env.call('demo-secretary', 'activity', 'addAttendee', { id: ID, memberId: 'm-seed-member-07', reason: '补报' })).result,
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', field: 'memberId' },
    });
    expect(
      (await env.call('demo-secretary', 'activity', 'addAttendee', { id: ID, memberId: 'm-nobody', reason: '补报' })).result,
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'memberId' },
    });
    expect(await env.snapshot()).toEqual(before);
  });

  it('活动结束时刻起或已取消：CLOSED；活动开始后、结束前仍可在现场添加', async () => {
    const activity = activityWith({ _id: ID });
    clock.set(activity.startAt);
    expect(
      (await env.call('demo-secretary', 'activity', 'addAttendee', { id: ID, memberId: 'm-demo-member', reason: '现场补报' })).result.ok,
    ).toBe(true);
    clock.set(activity.endAt);
    expect(
      (await env.call('demo-secretary', 'activity', 'addAttendee', { id: ID, memberId: 'm-seed-member-01', reason: '现场补报' })).result,
    ).toEqual({
      ok: false,
      error: { code: 'CLOSED', message: '活动已结束' },
    });
  });

  it('党员、外支部书记不能添加（FORBIDDEN），全院活动只有组织部能添加', async () => {
    activityWith({ _id: ID });
    for (const openid of ['demo-member', 'seed-member-02']) {
      expect(
        (await env.call(openid, 'activity', 'addAttendee', { id: ID, memberId: 'm-demo-member', reason: '补报' })).result,
      ).toMatchObject({
        ok: false,
        error: { code: openid === 'demo-member' ? 'FORBIDDEN' : 'NOT_FOUND' },
      });
    }
    activityWith({ _id: 'act-org', branchId: null, audience: ['all'] });
    expect(
      (await env.call('demo-secretary', 'activity', 'addAttendee', { id: 'act-org', memberId: 'm-demo-member', reason: '补报' })).result,
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});

describe('activity.attendees', () => {
  async function signUpAll(openids: string[]): Promise<void> {
    for (const openid of openids) {
      clock.advance(1000);
      await env.ok(openid, 'activity', 'signUp', { id: ID });
    }
  }

  it('组织者按状态分页查看名单（按报名先后），人数来自活动计数；3 次读取后一次分页查询，都走索引', async () => {
    activityWith({ _id: ID, capacity: 3 });
    const members = placeMembers(env, START, 7, 'att');
    await signUpAll(members);
    await env.ok('att-1', 'activity', 'cancelSignUp', { id: ID });
    const first = await env.call('demo-secretary', 'activity', 'attendees', { id: ID, status: 'waitlisted', pageSize: 2 });
    expect(first.requests.filter((request) => !request.indexed)).toEqual([]);
    expect(first.requests).toHaveLength(4);
    if (!first.result.ok) throw new Error('attendees failed');
    expect(first.result.data.counts).toEqual({ signed: 3, waitlisted: 3, leave: 0, cancelled: 1 });
    expect(first.result.data.items.map((row) => row.memberId)).toEqual(['m-att-4', 'm-att-5']);
    const second = await env.ok('demo-secretary', 'activity', 'attendees', {
      id: ID,
      status: 'waitlisted',
      pageSize: 2,
      cursor: first.result.data.nextCursor!,
    });
    expect(second.items.map((row) => row.memberId)).toEqual(['m-att-6']);
    expect(second.nextCursor).toBeNull();
  });

  it('不指定状态时按状态分组列出全部记录', async () => {
    activityWith({ _id: ID, capacity: 1 });
    await signUpAll(placeMembers(env, START, 3, 'att'));
    await env.ok('att-2', 'activity', 'requestLeave', { id: ID, reason: '临时出差' });
    const page = await env.ok('demo-admin', 'activity', 'attendees', { id: ID });
    expect(page.items.map((row) => [row.memberId, row.status])).toEqual([
      ['m-att-2', 'leave'],
      ['m-att-0', 'signed'],
      ['m-att-1', 'waitlisted'],
    ]);
    expect(page.items[0]).toMatchObject({ leaveReason: '临时出差' });
  });

  it('党员 FORBIDDEN，外支部书记看不到本支部活动（NOT_FOUND），组织部可以看', async () => {
    activityWith({ _id: ID });
    expect((await env.call('demo-member', 'activity', 'attendees', { id: ID })).result).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect((await env.call('seed-member-02', 'activity', 'attendees', { id: ID })).result).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect((await env.call('demo-admin', 'activity', 'attendees', { id: ID })).result.ok).toBe(true);
  });
});

describe('错误输入：INVALID_INPUT 指明字段，不写入', () => {
  const reason = '临时出差';
  it.each([
    ['signUp', { id: '' }, 'id'],
    ['signUp', { id: 'a'.repeat(65) }, 'id'],
    ['signUp', { id: INJECTION }, 'id'],
    ['signUp', { id: ID, acceptReminder: 'yes' }, 'acceptReminder'],
    ['signUp', { id: ID, memberId: 'm-demo-secretary' }, 'memberId'],
    ['cancelSignUp', {}, 'id'],
    ['cancelSignUp', { id: '../x' }, 'id'],
    ['cancelSignUp', { id: ID, reason }, 'reason'],
    ['cancelSignUp', { id: ID, [SCRIPT]: 1 }, SCRIPT],
    ['requestLeave', { id: ID }, 'reason'],
    ['requestLeave', { id: ID, reason: ' 好 ' }, 'reason'],
    ['requestLeave', { id: ID, reason: '因'.repeat(201) }, 'reason'],
    ['requestLeave', { id: ID, reason: INJECTION }, 'reason'],
    ['requestLeave', { id: ID, reason, status: 'signed' }, 'status'],
    ['addAttendee', { id: ID, reason }, 'memberId'],
    ['addAttendee', { id: ID, memberId: 'm demo', reason }, 'memberId'],
    ['addAttendee', { id: ID, memberId: 'm-demo-member' }, 'reason'],
    ['addAttendee', { id: ID, memberId: 'm-demo-member', reason: 'x' }, 'reason'],
    ['addAttendee', { id: ID, memberId: 'm-demo-member', reason, overCapacity: true }, 'overCapacity'],
    ['attendees', {}, 'id'],
    ['attendees', { id: ID, status: 'noshow' }, 'status'],
    ['attendees', { id: ID, pageSize: 51 }, 'pageSize'],
    ['attendees', { id: ID, cursor: 'c'.repeat(201) }, 'cursor'],
    ['attendees', { id: ID, cursor: 'abc' }, 'cursor'],
    ['attendees', { id: ID, cursor: INJECTION }, 'cursor'],
  ] as const)('activity.%s %j → 字段 %s', async (action, input, field) => {
    activityWith({ _id: ID });
    const caller = action === 'addAttendee' || action === 'attendees' ? 'demo-secretary' : 'demo-member';
    const before = await env.snapshot();
    const { result } = await env.call(caller, 'activity', action, input);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field } });
    expect(await env.snapshot()).toEqual(before);
  });
});
