/**
 * The `cron` function (ARCHITECTURE.md, "Notifications"): reminders before the start, change,
 * cancellation and promotion notices from the outbox, each sent at most once with the member's
 * subscribe-message credits, activities finished after their end, and nothing done for a client.
 */
import cloud from 'wx-server-sdk';
import type { TimerReport } from '../../types/contracts/cron';
import type { Result } from '../../types/result';
import type { RequestMatch } from '../../emulator/interleaving';
import { timerEvent } from '../../emulator/runner';
import { signUpId, type ActivityDoc, type ActivityEventDoc, type NotificationDoc, type SignUpDoc } from '../../server/documents';
import { fetchAllPages } from '../../server/kernel/db';
import type { SignUpStatus } from '../../types/labels';
import { useServerClock } from '../support/clock';
import { createTestEnv, type TestEnv } from '../support/localEnv';
import { after, DAY, draftInput, HOUR, seededMember, signUpDoc, storedDocs } from './activity-manage.fixtures';
import { placeActivity, placeMembers, storedActivity } from './activity-signup.fixtures';

const START = new Date('2026-11-23T02:00:00Z');
const MINUTE = 60_000;
const TEMPLATE = 'tmpl-activity-reminder';
const ID = 'act-soon';
const clock = useServerClock(START);
let env: TestEnv;
let sends: jest.SpyInstance;

beforeEach(async () => {
  process.env.ACTIVITY_REMINDER_TEMPLATE_ID = TEMPLATE;
  clock.set(START);
  env = createTestEnv({ now: clock.now() });
  // No programme, so the statistics' jobs (test/functions/stats-*.test.ts) add no reads to the notices' measured here.
  await cloud
    .database()
    .collection('programmes')
    .where({ year: cloud.database().command.gte(0) })
    .remove();
  sends = jest.spyOn(cloud.openapi.subscribeMessage, 'send');
});

afterEach(() => {
  delete process.env.ACTIVITY_REMINDER_TEMPLATE_ID;
});

let ticks = 0;
/** One run of the timer trigger, as the platform starts it: no caller. */
async function tick(label = `cron-${++ticks}`) {
  const { result, requests } = await env.runner.invoke('cron', timerEvent(clock.now()), { openid: undefined, label });
  return { result: result as Result<TimerReport>, requests };
}

function countsOf(result: Result<TimerReport>, job: string): Record<string, number> {
  if (!result.ok) throw new Error(`cron failed: ${JSON.stringify(result.error)}`);
  const report = result.data.jobs.find((entry) => entry.job === job);
  if (!report?.ok) throw new Error(`${job} did not finish: ${JSON.stringify(report)}`);
  return report.counts;
}

/** A published 第一党支部 activity starting in 90 minutes: within the reminder lead of two hours. */
function soonActivity(overrides: Partial<ActivityDoc> = {}): ActivityDoc {
  return placeActivity(env, START, {
    _id: ID,
    title: '重温入党誓词',
    startAt: after(START, 90 * MINUTE),
    endAt: after(START, 3 * HOUR),
    signUpDeadline: after(START, -HOUR),
    ...overrides,
  });
}

type Holding = [openid: string, status: SignUpStatus, credits: number];

/** Seeded members' sign-ups, a second apart in the order given. */
function holdings(activityId: string, list: Holding[]): void {
  env.store.insertMany(
    'sign_ups',
    list.map(([openid, status, credits], i) => ({
      ...signUpDoc(activityId, seededMember(openid), status, after(START, -DAY + i * 1000)),
      subscribeCredits: credits,
    })),
  );
}

const allNotices = (where: Record<string, unknown> = {}) =>
  fetchAllPages<NotificationDoc>(cloud.database().collection('notifications').where(where), 20_000);
const creditsOf = async (activityId: string, openid: string) =>
  (await storedDocs<SignUpDoc>('sign_ups', { _id: signUpId(activityId, `m-${openid}`) }))[0]?.subscribeCredits;
function jobFailed(job: string) {
  return expect.objectContaining({ job, ok: false, counts: {} }) as unknown;
}

/** Runs `run`, letting the first `n - 1` requests matching `match` through and failing the `n`-th (the server never sees it). */
async function failNth<T>(match: RequestMatch, n: number, run: () => Promise<T>): Promise<T> {
  let pause = env.scheduler.pauseBefore(match);
  const running = run();
  for (let passed = 1; passed < n; passed += 1) {
    await pause.reached;
    const held = pause;
    pause = env.scheduler.pauseBefore(match);
    held.release();
  }
  await pause.reached;
  env.faults.inject(match, 'connectTimeout');
  pause.release();
  return running;
}

const recipients = () => sends.mock.calls.map(([payload]) => (payload as { touser: string }).touser).sort();

describe('cron：提醒', () => {
  it('活动两小时内开始：每位已报名的党员一条提醒，有订阅次数的发出并用掉一次，没有次数的跳过；候补、请假的不提醒；查询都走索引', async () => {
    soonActivity();
    holdings(ID, [
      ['demo-member', 'signed', 1],
      ['seed-member-01', 'signed', 0],
      ['seed-member-06', 'waitlisted', 1],
      ['seed-member-11', 'leave', 1],
    ]);
    const { result, requests } = await tick();
    expect(countsOf(result, 'queueReminders')).toEqual({ starting: 1, queued: 1 });
    expect(countsOf(result, 'sendNotices')).toEqual({ sent: 1, skipped: 1, failed: 0, taken: 0 });
    expect(requests.filter((request) => !request.indexed)).toEqual([]);

    const notices = await allNotices({ activityId: ID });
    expect(notices.map((notice) => [notice.memberId, notice.kind, notice.state, notice.reason]).sort()).toEqual([
      ['m-demo-member', 'reminder', 'sent', null],
      ['m-seed-member-01', 'reminder', 'skipped', 'no_credit'],
    ]);
    expect(recipients()).toEqual(['demo-member']);
    expect(await creditsOf(ID, 'demo-member')).toBe(0);
    expect(await creditsOf(ID, 'seed-member-06')).toBe(1);
  });

  it('订阅消息按模板的字段发出：标题、开始时间、地点、提示各占一个关键词，标题超过 20 字截断，打开活动详情页；发出的内容记在通知上', async () => {
    soonActivity({ title: '学习贯彻党的二十届三中全会精神专题党课暨主题党日活动', place: '第一会议室' });
    holdings(ID, [['demo-member', 'signed', 1]]);
    await tick();
    const expected = {
      touser: 'demo-member',
      templateId: TEMPLATE,
      page: `activity/detail/index?id=${ID}`,
      data: {
        thing1: { value: '学习贯彻党的二十届三中全会精神专题党课…' },
        time2: { value: '2026-11-23 11:30' },
        thing3: { value: '第一会议室' },
        thing4: { value: '活动即将开始，请准时参加' },
      },
      miniprogramState: 'formal',
    };
    expect(sends.mock.calls).toEqual([[{ ...expected, lang: 'zh_CN' }]]);
    const [notice] = await allNotices({ activityId: ID });
    expect(notice).toMatchObject({
      _id: `reminder_${ID}_m-demo-member_${after(START, 90 * MINUTE).getTime()}`,
      state: 'sent',
      sentAt: START,
    });
    expect(notice?.payload).toEqual(expected);
  });

  it('cron 先后跑两次：每条提醒只发一次，不多排提醒也不多用订阅次数', async () => {
    soonActivity();
    holdings(ID, [
      ['demo-member', 'signed', 2],
      ['seed-member-01', 'signed', 1],
    ]);
    await tick();
    clock.advance(5 * MINUTE);
    const { result } = await tick();
    expect(countsOf(result, 'queueReminders')).toEqual({ starting: 1, queued: 0 });
    expect(countsOf(result, 'sendNotices')).toEqual({ sent: 0, skipped: 0, failed: 0, taken: 0 });
    expect(recipients()).toEqual(['demo-member', 'seed-member-01']);
    expect(await allNotices({ activityId: ID })).toHaveLength(2);
    expect(await storedDocs('activity_events', { activityId: ID })).toHaveLength(1);
    expect(await creditsOf(ID, 'demo-member')).toBe(1);
  });

  it.each([
    ['自由交错', undefined],
    ['种子调度 1', 1],
    ['种子调度 7', 7],
    ['种子调度 2026', 2026],
  ])('两个 cron 同时跑（%s）：每位党员的提醒只发一次，两次运行各自认领不同的通知', async (_mode, seed) => {
    soonActivity();
    const members = placeMembers(env, START, 30, 'att');
    holdings(
      ID,
      members.map((openid) => [openid, 'signed', 1]),
    );
    env.scheduler.useSeed(seed);
    const [first, second] = await Promise.all([tick('A'), tick('B')]);
    expect(recipients()).toEqual([...members].sort());
    const sent = countsOf(first.result, 'sendNotices').sent! + countsOf(second.result, 'sendNotices').sent!;
    expect(sent).toBe(30);
    expect((await allNotices({ activityId: ID })).every((notice) => notice.state === 'sent')).toBe(true);
    expect(await storedDocs('sign_ups', { activityId: ID, subscribeCredits: 1 })).toEqual([]);
  });

  it('活动改了开始时间：还没发出的旧提醒不再发（activity_moved），按新时间重新排提醒', async () => {
    soonActivity();
    holdings(ID, [['demo-member', 'signed', 2]]);
    delete process.env.ACTIVITY_REMINDER_TEMPLATE_ID;
    await tick();
    expect(await allNotices({ activityId: ID, state: 'pending' })).toHaveLength(1);

    process.env.ACTIVITY_REMINDER_TEMPLATE_ID = TEMPLATE;
    const draft = draftInput(START, {
      title: '重温入党誓词',
      startAt: after(START, 100 * MINUTE).toISOString(),
      endAt: after(START, 3 * HOUR).toISOString(),
      signUpDeadline: after(START, 30 * MINUTE).toISOString(),
    });
    await env.ok('demo-secretary', 'activity', 'update', { id: ID, draft, reason: '推迟十分钟' });
    await tick();
    const byKind = Object.fromEntries((await allNotices({ activityId: ID })).map((notice) => [`${notice.kind} ${notice.version}`, notice]));
    expect(byKind[`reminder ${after(START, 90 * MINUTE).getTime()}`]).toMatchObject({ state: 'skipped', reason: 'activity_moved' });
    expect(byKind[`reminder ${after(START, 100 * MINUTE).getTime()}`]).toMatchObject({ state: 'sent', data: { time: '2026-11-23 11:40' } });
    expect(Object.values(byKind).find((notice) => notice.kind === 'changed')).toMatchObject({
      state: 'sent',
      data: { note: '推迟十分钟' },
    });
    expect(await creditsOf(ID, 'demo-member')).toBe(0);
  });
});

describe('cron：订阅次数', () => {
  it('一次同意只够一条消息：变更通知用掉唯一的一次后，提醒就跳过；有两次的两条都收到', async () => {
    soonActivity({ startAt: after(START, 5 * HOUR), endAt: after(START, 7 * HOUR) });
    holdings(ID, [
      ['demo-member', 'signed', 1],
      ['seed-member-01', 'signed', 2],
    ]);
    const draft = draftInput(START, {
      title: '重温入党誓词',
      place: '学院报告厅',
      startAt: after(START, 5 * HOUR).toISOString(),
      endAt: after(START, 7 * HOUR).toISOString(),
      signUpDeadline: after(START, HOUR).toISOString(),
    });
    await env.ok('demo-secretary', 'activity', 'update', { id: ID, draft });
    await tick();
    clock.advance(3 * HOUR + 30 * MINUTE);
    await tick();
    const states = (await allNotices({ activityId: ID })).map((notice) => [notice.memberId, notice.kind, notice.state]).sort();
    expect(states).toEqual([
      ['m-demo-member', 'changed', 'sent'],
      ['m-demo-member', 'reminder', 'skipped'],
      ['m-seed-member-01', 'changed', 'sent'],
      ['m-seed-member-01', 'reminder', 'sent'],
    ]);
    expect(await creditsOf(ID, 'demo-member')).toBe(0);
    expect(await creditsOf(ID, 'seed-member-01')).toBe(0);
  });

  it('微信答复用户未订阅（43101）：通知记为失败，次数不退；其他错误（如参数不对）记为失败并退还次数', async () => {
    soonActivity();
    holdings(ID, [
      ['demo-member', 'signed', 1],
      ['seed-member-01', 'signed', 1],
    ]);
    sends.mockImplementation(async ({ touser }: { touser: string }) => {
      throw touser === 'demo-member'
        ? { errCode: 43101, errMsg: 'openapi.subscribeMessage.send:fail user refuse to accept the msg' }
        : { errCode: 47003, errMsg: 'openapi.subscribeMessage.send:fail argument invalid!' };
    });
    const { result } = await tick();
    expect(countsOf(result, 'sendNotices')).toEqual({ sent: 0, skipped: 0, failed: 2, taken: 0 });
    const notices = await allNotices({ activityId: ID });
    expect(notices.find((notice) => notice.memberId === 'm-demo-member')).toMatchObject({
      state: 'failed',
      reason: expect.stringContaining('43101'),
    });
    expect(await creditsOf(ID, 'demo-member')).toBe(0);
    expect(await creditsOf(ID, 'seed-member-01')).toBe(1);
  });

  it('认领之后、记下结果之前崩溃：通知停在“发送中”，之后的运行不会再发第二次', async () => {
    soonActivity();
    holdings(ID, [['demo-member', 'signed', 2]]);
    sends.mockImplementation(async () => {
      // The run dies right after WeChat took the message: its write of the outcome never lands.
      env.faults.inject({ action: 'database.modifyDocument', collection: 'notifications' }, 'connectTimeout');
      return { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' };
    });
    const { result } = await tick();
    expect(result).toMatchObject({
      ok: true,
      data: { jobs: expect.arrayContaining([expect.objectContaining({ job: 'sendNotices', ok: false })]) },
    });
    sends.mockRestore();
    sends = jest.spyOn(cloud.openapi.subscribeMessage, 'send');
    clock.advance(5 * MINUTE);
    await tick();
    expect(sends).not.toHaveBeenCalled();
    expect(await allNotices({ activityId: ID })).toEqual([expect.objectContaining({ state: 'sending' })]);
  });

  it('没有配置订阅模板：不发送，通知保持待发，配置后下一次运行再发', async () => {
    soonActivity();
    holdings(ID, [['demo-member', 'signed', 1]]);
    delete process.env.ACTIVITY_REMINDER_TEMPLATE_ID;
    await tick();
    expect(sends).not.toHaveBeenCalled();
    expect(await allNotices({ activityId: ID })).toEqual([expect.objectContaining({ state: 'pending' })]);
    process.env.ACTIVITY_REMINDER_TEMPLATE_ID = TEMPLATE;
    await tick();
    expect(recipients()).toEqual(['demo-member']);
  });
});

describe('cron：变更、取消与递补通知', () => {
  const BIG = 'act-big';

  /** `count` members signed or waitlisted (every fifth one waitlisted, every seventh cancelled), each a millisecond apart unless `tied`. */
  function crowd(count: number, tied = false): string[] {
    const members = placeMembers(env, START, count, 'crowd');
    const statusOf = (i: number): SignUpStatus => (i % 7 === 6 ? 'cancelled' : i % 5 === 4 ? 'waitlisted' : 'signed');
    const statuses = members.map((_, i) => statusOf(i));
    const counted = (status: SignUpStatus) => statuses.filter((s) => s === status).length;
    placeActivity(env, START, {
      _id: BIG,
      capacity: null,
      signedUpCount: counted('signed'),
      waitlistCount: counted('waitlisted'),
      cancelledCount: counted('cancelled'),
    });
    env.store.insertMany(
      'sign_ups',
      members.map((openid, i) => ({
        ...signUpDoc(BIG, seededMember(openid), statuses[i]!, after(START, tied ? -HOUR : -HOUR + i)),
        subscribeCredits: 1,
      })),
    );
    return members.filter((_, i) => statuses[i] !== 'cancelled');
  }

  async function change(reason: string) {
    const draft = draftInput(START, { place: '学院报告厅', capacity: null });
    return env.ok('demo-secretary', 'activity', 'update', { id: BIG, draft, reason });
  }

  async function expectOneNoticeEach(kind: NotificationDoc['kind'], told: string[]): Promise<void> {
    const notices = await allNotices({ activityId: BIG, kind });
    expect(notices).toHaveLength(told.length);
    expect(notices.map((notice) => notice.openid).sort()).toEqual([...told].sort());
  }

  it('改期事件展开给 2,500 人中每位已报名和候补的党员（跨多页，每页 1,000 条报名），已取消的不通知；中途中断后从游标处接着展开，不重不漏', async () => {
    const told = crowd(2500);
    const { notified } = await change('改到学院报告厅');
    expect(notified).toBe(told.length);

    // The first run dies reading its third page: two pages are expanded and their cursor saved.
    const interrupted = await failNth({ invocation: 'interrupted', action: 'database.getDocument', collection: 'sign_ups' }, 3, () =>
      tick('interrupted'),
    );
    expect(interrupted.result).toMatchObject({ ok: true, data: { jobs: expect.arrayContaining([jobFailed('expandEvents')]) } });
    const [stopped] = await storedDocs<ActivityEventDoc>('activity_events', { activityId: BIG });
    const queuedBefore = (await allNotices({ activityId: BIG })).length;
    expect(stopped).toMatchObject({ state: 'pending', cursor: { skip: 0 }, queued: queuedBefore });
    expect(queuedBefore).toBeGreaterThan(1000);
    expect(queuedBefore).toBeLessThan(told.length);

    const resumed = await tick();
    const signUpsRead = resumed.requests.filter(
      (request) => request.collection === 'sign_ups' && request.action === 'database.getDocument',
    );
    expect(signUpsRead.reduce((sum, request) => sum + request.returned, 0)).toBeLessThan(1000);
    const [event] = await storedDocs<ActivityEventDoc>('activity_events', { activityId: BIG });
    expect(event).toMatchObject({ state: 'done', queued: told.length, doneAt: START });
    await expectOneNoticeEach('changed', told);
  });

  it('同一毫秒报名的 1,500 人也逐页展开，每人一条，不重不漏', async () => {
    const told = crowd(1500, true);
    await change('改到学院报告厅');
    const { result } = await tick();
    expect(countsOf(result, 'expandEvents')).toEqual({ events: 1, done: 1, queued: told.length });
    await expectOneNoticeEach('changed', told);
  });

  it('取消活动后 cron 给已报名和候补的每人发一条取消通知，再跑一次不重发', async () => {
    const told = crowd(12);
    await env.ok('demo-secretary', 'activity', 'cancel', { id: BIG, reason: '天气原因' });
    await tick();
    await tick();
    await expectOneNoticeEach('cancelled', told);
    expect(recipients()).toEqual([...told].sort());
    expect((await allNotices({ activityId: BIG })).every((notice) => notice.state === 'sent' && notice.data.note === '天气原因')).toBe(
      true,
    );
  });

  it('取消报名空出名额递补候补第一位：cron 把递补通知发给他', async () => {
    placeActivity(env, START, { _id: BIG, capacity: 1 });
    await env.ok('demo-member', 'activity', 'signUp', { id: BIG });
    await env.ok('seed-member-01', 'activity', 'signUp', { id: BIG, acceptReminder: true });
    await env.ok('demo-member', 'activity', 'cancelSignUp', { id: BIG });
    const { result } = await tick();
    expect(countsOf(result, 'sendNotices')).toMatchObject({ sent: 1 });
    expect(sends.mock.calls).toEqual([
      [
        expect.objectContaining({
          touser: 'seed-member-01',
          data: expect.objectContaining({ thing4: { value: '候补成功，已为你保留名额' } }),
        }),
      ],
    ]);
    expect(await allNotices({ activityId: BIG })).toEqual([expect.objectContaining({ kind: 'promoted', state: 'sent' })]);
  });
});

describe('cron：活动结束', () => {
  it('已发布且结束时间已过的活动标记为已结束；未结束的、草稿和已取消的不动；再跑一次不重复', async () => {
    placeActivity(env, START, { _id: 'ended', startAt: after(START, -3 * HOUR), endAt: after(START, -MINUTE) });
    placeActivity(env, START, { _id: 'running', startAt: after(START, -HOUR), endAt: after(START, HOUR) });
    placeActivity(env, START, { _id: 'old-draft', status: 'draft', startAt: after(START, -DAY), endAt: after(START, -DAY + HOUR) });
    placeActivity(env, START, { _id: 'called-off', status: 'cancelled', startAt: after(START, -DAY), endAt: after(START, -DAY + HOUR) });
    const first = await tick();
    expect(countsOf(first.result, 'finishActivities')).toEqual({ finished: 1 });
    expect(await storedActivity('ended')).toMatchObject({ status: 'finished', updatedAt: START });
    expect((await storedActivity('running')).status).toBe('published');
    expect((await storedActivity('old-draft')).status).toBe('draft');
    expect((await storedActivity('called-off')).status).toBe('cancelled');
    const second = await tick();
    expect(countsOf(second.result, 'finishActivities')).toEqual({ finished: 0 });
  });
});

describe('cron：调用者', () => {
  it('小程序用户直接调用 cron：FORBIDDEN，什么也不做（不结束活动、不排提醒、不发送）', async () => {
    soonActivity();
    holdings(ID, [['demo-member', 'signed', 1]]);
    placeActivity(env, START, { _id: 'ended', startAt: after(START, -3 * HOUR), endAt: after(START, -MINUTE) });
    const before = await env.snapshot();
    for (const openid of ['demo-admin', 'demo-member']) {
      const { result, requests } = await env.runner.invoke('cron', { action: 'sendNotices', input: {} }, { openid });
      expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '没有权限进行此操作' } });
      expect(requests).toEqual([]);
    }
    expect(await env.snapshot()).toEqual(before);
    expect(sends).not.toHaveBeenCalled();
  });

  it('一个任务出错不影响其余任务，也不抛给平台：运行报告记下哪个任务失败', async () => {
    placeActivity(env, START, { _id: 'ended', startAt: after(START, -3 * HOUR), endAt: after(START, -MINUTE) });
    env.faults.inject({ invocation: 'faulty', collection: 'activity_events' }, 'connectTimeout');
    const { result } = await tick('faulty');
    expect(result).toMatchObject({
      ok: true,
      data: {
        jobs: [
          expect.objectContaining({ job: 'queueReminders', ok: true }),
          jobFailed('expandEvents'),
          expect.objectContaining({ job: 'finishActivities', ok: true }),
          expect.objectContaining({ job: 'sendNotices', ok: true }),
          expect.objectContaining({ job: 'aggregateStats', ok: true }),
          expect.objectContaining({ job: 'continueRecompute', ok: true }),
          expect.objectContaining({ job: 'cleanAttemptLedgers', ok: true }),
          expect.objectContaining({ job: 'cleanRateLimits', ok: true }),
          expect.objectContaining({ job: 'cleanExportFiles', ok: true }),
        ],
      },
    });
    expect((await storedActivity('ended')).status).toBe('finished');
  });
});
