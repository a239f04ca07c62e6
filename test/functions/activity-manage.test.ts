/**
 * The organiser side of the activity function: create, update, publish and cancel, with the
 * branch limits, the lifecycle edges, the notices a change or a cancellation queues and the audit.
 */
import cloud from 'wx-server-sdk';
import type { AuditDoc } from '../../server/audit';
import type { ActivityDoc, ActivityEventDoc, NotificationDoc } from '../../server/documents';
import { encodeScene } from '../../core/scene';
import { INVITE_CODE_ALPHABET } from '../../types/labels';
import { useServerClock } from '../support/clock';
import { createTestEnv, type TestEnv } from '../support/localEnv';
import { activityDoc, after, DAY, draftInput, HOUR, seededMember, signUpDoc, storedDocs } from './activity-manage.fixtures';

const START = new Date('2026-11-23T02:00:00Z');
const clock = useServerClock(START);
let env: TestEnv;
let now: Date;

beforeEach(() => {
  clock.set(START);
  now = clock.now();
  env = createTestEnv({ now });
});

const stored = async (id: string) => (await storedDocs<ActivityDoc>('activities', { _id: id }))[0];
const audits = (action: string) => storedDocs<AuditDoc>('audit_logs', { action });
const notices = (activityId: string) => storedDocs<NotificationDoc>('notifications', { activityId });
const events = (activityId: string) => storedDocs<ActivityEventDoc>('activity_events', { activityId });

/** A published branch-1 activity with one member in each sign-up status (two signed, one waitlisted). */
function publishedWithSignUps(overrides: Partial<ActivityDoc> = {}): ActivityDoc {
  const activity = activityDoc(now, {
    _id: 'ACT-PUBLISHED',
    signedUpCount: 2,
    waitlistCount: 1,
    leaveCount: 1,
    cancelledCount: 1,
    ...overrides,
  });
  env.store.insertMany('activities', [{ ...activity }]);
  env.store.insertMany('sign_ups', [
    { ...signUpDoc(activity._id, seededMember('demo-member'), 'signed', after(now, -3 * HOUR)) },
    { ...signUpDoc(activity._id, seededMember('seed-member-01'), 'signed', after(now, -2 * HOUR)) },
    { ...signUpDoc(activity._id, seededMember('seed-member-06'), 'waitlisted', after(now, -HOUR)) },
    { ...signUpDoc(activity._id, seededMember('seed-member-11'), 'leave', after(now, -HOUR)) },
    { ...signUpDoc(activity._id, seededMember('seed-member-16'), 'cancelled', after(now, -HOUR)) },
  ]);
  return activity;
}

describe('activity.create', () => {
  it('支部书记创建本支部的草稿：12 位无歧义编号可放进小程序码，计数为 0，并留下审计记录', async () => {
    const { activity } = await env.ok('demo-secretary', 'activity', 'create', draftInput(now));
    expect(activity.id).toMatch(new RegExp(`^[${INVITE_CODE_ALPHABET}]{12}$`));
    expect(() => encodeScene({ a: activity.id })).not.toThrow();
    expect(activity).toMatchObject({
      status: 'draft',
      branchId: 'branch-1',
      audienceBranchIds: ['branch-1'],
      signedUpCount: 0,
      waitlistCount: 0,
      seatsLeft: 30,
      mine: null,
      can: { manage: true, signUp: false },
      signUpClosedReason: '活动尚未发布',
    });
    expect(await stored(activity.id)).toMatchObject({
      status: 'draft',
      audience: ['branch-1'],
      leaveCount: 0,
      cancelledCount: 0,
      createdBy: 'm-demo-secretary',
      publishedAt: null,
      createdAt: now,
    });
    expect(await audits('activity.create')).toEqual([
      expect.objectContaining({ actorId: 'm-demo-secretary', targetId: activity.id, at: now }),
    ]);
  });

  it.each([
    ['全院', null],
    ['其他支部', ['branch-2']],
    ['本支部加其他支部', ['branch-1', 'branch-2']],
  ])('支部书记面向%s发布被拒绝（FORBIDDEN，说明原因），不写入', async (_label, audienceBranchIds) => {
    const before = await env.snapshot();
    const { result } = await env.call('demo-secretary', 'activity', 'create', draftInput(now, { audienceBranchIds }));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', field: 'audienceBranchIds', message: expect.stringContaining('本支部') },
    });
    expect(await env.snapshot()).toEqual(before);
  });

  it('组织部不选支部即面向全院，活动不属于任何支部', async () => {
    const { activity } = await env.ok('demo-admin', 'activity', 'create', draftInput(now, { audienceBranchIds: null }));
    expect(activity).toMatchObject({ branchId: null, audienceBranchIds: null, can: { manage: true } });
    expect(await stored(activity.id)).toMatchObject({ branchId: null, audience: ['all'] });
  });

  it('组织部可选多个党支部，重复的只算一次', async () => {
    const input = draftInput(now, { audienceBranchIds: ['branch-2', 'branch-3', 'branch-2'] });
    const { activity } = await env.ok('demo-admin', 'activity', 'create', input);
    expect(activity.audienceBranchIds).toEqual(['branch-2', 'branch-3']);
  });

  it.each([
    ['不存在的支部', 'branch-404'],
    ['党总支不是党支部', 'org-teaching'],
  ])('组织部选了%s：NOT_FOUND，指明是第几个', async (_label, unknown) => {
    const { result } = await env.call('demo-admin', 'activity', 'create', draftInput(now, { audienceBranchIds: ['branch-2', unknown] }));
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'audienceBranchIds.1' } });
  });

  it('选了红色教育基地，地点就是基地的名称；基地不存在则 NOT_FOUND', async () => {
    const { activity } = await env.ok(
      'demo-secretary',
      'activity',
      'create',
      draftInput(now, { baseId: 'daoxian-chenshuxiang', place: '随便写的地点', kind: 'visit' }),
    );
    expect(activity).toMatchObject({ baseId: 'daoxian-chenshuxiang', place: '道县陈树湘党性教育基地' });

    const { result } = await env.call('demo-secretary', 'activity', 'create', draftInput(now, { baseId: 'no-such-base' }));
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'baseId' } });
  });

  it('草稿只有组织者看得到：党员查看是 NOT_FOUND，也不在列表里', async () => {
    const { activity } = await env.ok('demo-secretary', 'activity', 'create', draftInput(now));
    const { result } = await env.call('demo-member', 'activity', 'detail', { id: activity.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'id' } });
    const upcoming = await env.ok('demo-member', 'activity', 'list', { scope: 'upcoming', pageSize: 50 });
    expect(upcoming.items.map((item) => item.id)).not.toContain(activity.id);
  });

  it.each([
    ['demo-member', 'FORBIDDEN'],
    ['demo-stranger', 'UNAUTHENTICATED'],
  ])('%s 不能创建活动（%s）', async (openid, code) => {
    const { result } = await env.call(openid, 'activity', 'create', draftInput(now));
    expect(result).toMatchObject({ ok: false, error: { code } });
  });

  it.each([
    ['结束早于开始', 'endAt', { endAt: after(START, DAY).toISOString() }],
    ['报名截止晚于开始', 'signUpDeadline', { signUpDeadline: after(START, 4 * DAY).toISOString() }],
    ['名额为 0', 'capacity', { capacity: 0 }],
    ['学时不是半小时的倍数', 'studyHours', { studyHours: 1.2 }],
  ])('%s：INVALID_INPUT 指明 %s', async (_label, field, overrides) => {
    const { result } = await env.call('demo-secretary', 'activity', 'create', draftInput(now, overrides));
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field } });
  });
});

describe('activity.update', () => {
  it('组织者整份替换草稿（未填的项回到默认），记录修改原因', async () => {
    const { activity } = await env.ok('demo-secretary', 'activity', 'create', draftInput(now));
    clock.advance(HOUR);
    const draft = { ...draftInput(now, { title: '改期后的主题党日', capacity: null }), description: undefined, countsFor: undefined };
    const { activity: updated, notified } = await env.ok('demo-secretary', 'activity', 'update', {
      id: activity.id,
      draft,
      reason: '调整安排',
    });
    expect(notified).toBe(0);
    expect(updated).toMatchObject({
      title: '改期后的主题党日',
      capacity: null,
      seatsLeft: null,
      description: '',
      countsFor: null,
      status: 'draft',
    });
    expect(await stored(activity.id)).toMatchObject({ title: '改期后的主题党日', updatedAt: clock.now(), createdAt: now });
    expect(await audits('activity.update')).toEqual([
      expect.objectContaining({ targetId: activity.id, detail: { reason: '调整安排', scheduleChanged: false, notified: 0 } }),
    ]);
  });

  it('修改不会覆盖报名计数', async () => {
    const activity = publishedWithSignUps();
    await env.ok('demo-secretary', 'activity', 'update', { id: activity._id, draft: draftInput(now, { title: '新的标题' }) });
    expect(await stored(activity._id)).toMatchObject({
      title: '新的标题',
      signedUpCount: 2,
      waitlistCount: 1,
      leaveCount: 1,
      cancelledCount: 1,
    });
  });

  it('已发布活动改了时间：写下一条变更事件（已报名和候补的党员由 cron 逐人通知），notified 是按计数将被通知的人数', async () => {
    const activity = publishedWithSignUps();
    const draft = draftInput(now, {
      startAt: after(now, 3 * DAY + HOUR).toISOString(),
      endAt: after(now, 3 * DAY + 3 * HOUR).toISOString(),
    });
    const { result, requests } = await env.call('demo-secretary', 'activity', 'update', { id: activity._id, draft, reason: '推迟一小时' });
    expect(result).toMatchObject({ ok: true, data: { notified: 3 } });
    expect(await events(activity._id)).toEqual([
      expect.objectContaining({
        // Versioned by the change's stamp, so each change is its own event.
        _id: `changed_${activity._id}_${(await stored(activity._id))!.updatedAt.getTime()}`,
        kind: 'changed',
        statuses: ['signed', 'waitlisted'],
        heldAt: now,
        state: 'pending',
        cursor: null,
        page: `activity/detail/index?id=${activity._id}`,
        data: { title: '十一月主题党日', time: '2026-11-26 11:00', place: '党员活动室', note: '推迟一小时' },
      }),
    ]);
    expect(await notices(activity._id)).toEqual([]);
    // However many hold a place: one read and one insert of the event, nothing per member (the one
    // sign-up read is the organiser's own, by _id).
    expect(requests.filter((request) => request.collection === 'activity_events')).toHaveLength(2);
    expect(requests.filter((request) => request.collection === 'notifications')).toEqual([]);
    expect(requests.filter((request) => request.collection === 'sign_ups').map((request) => request.index)).toEqual(['_id']);
  });

  it('第二次改地点是新的通知；只改标题不通知', async () => {
    const activity = publishedWithSignUps();
    await env.ok('demo-secretary', 'activity', 'update', { id: activity._id, draft: draftInput(now, { place: '学院报告厅' }) });
    clock.advance(HOUR);
    const second = await env.ok('demo-secretary', 'activity', 'update', { id: activity._id, draft: draftInput(now, { online: true }) });
    expect(second.notified).toBe(3);
    const third = await env.ok('demo-secretary', 'activity', 'update', {
      id: activity._id,
      draft: draftInput(now, { online: true, title: '只改了标题' }),
    });
    expect(third.notified).toBe(0);
    expect(await events(activity._id)).toHaveLength(2);
  });

  it('名额不能少于已报名人数：CONFLICT，消息里有人数，不写入', async () => {
    const activity = publishedWithSignUps();
    const before = await env.snapshot();
    const { result } = await env.call('demo-secretary', 'activity', 'update', {
      id: activity._id,
      draft: draftInput(now, { capacity: 1 }),
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'draft.capacity', message: expect.stringMatching(/已有 2 人报名.*不能少于 2.*1/) },
    });
    expect(await env.snapshot()).toEqual(before);
    await env.ok('demo-secretary', 'activity', 'update', { id: activity._id, draft: draftInput(now, { capacity: 2 }) });
  });

  it('候补名单上还有人时不能关闭候补', async () => {
    const activity = publishedWithSignUps();
    const { result } = await env.call('demo-secretary', 'activity', 'update', {
      id: activity._id,
      draft: draftInput(now, { waitlist: false }),
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'draft.waitlist', message: expect.stringContaining('1 人') },
    });
  });

  it.each([
    ['cancelled', '已取消'],
    ['finished', '已结束'],
  ] as const)('%s 的活动不能再修改（CLOSED）', async (status, label) => {
    env.store.insertMany('activities', [{ ...activityDoc(now, { _id: 'ACT-CLOSED', status }) }]);
    const { result } = await env.call('demo-secretary', 'activity', 'update', { id: 'ACT-CLOSED', draft: draftInput(now) });
    expect(result).toMatchObject({ ok: false, error: { code: 'CLOSED', message: expect.stringContaining(label) } });
  });

  it('组织部可以修改支部的活动，但支部活动仍只面向该支部', async () => {
    const activity = publishedWithSignUps();
    const ok = await env.ok('demo-admin', 'activity', 'update', { id: activity._id, draft: draftInput(now, { title: '组织部修改' }) });
    expect(ok.activity).toMatchObject({ title: '组织部修改', branchId: 'branch-1', audienceBranchIds: ['branch-1'] });
    const { result } = await env.call('demo-admin', 'activity', 'update', {
      id: activity._id,
      draft: draftInput(now, { audienceBranchIds: null }),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'draft.audienceBranchIds' } });
  });

  it('组织部缩小全院活动的范围：旧的支部不再留在范围里', async () => {
    const { activity } = await env.ok('demo-admin', 'activity', 'create', draftInput(now, { audienceBranchIds: ['branch-2', 'branch-3'] }));
    await env.ok('demo-admin', 'activity', 'update', { id: activity.id, draft: draftInput(now, { audienceBranchIds: ['branch-3'] }) });
    expect((await stored(activity.id))?.audience).toEqual(['branch-3']);
  });

  it('看得到但不归自己组织的活动，其他支部的书记改不了（FORBIDDEN）；没有的活动是 NOT_FOUND', async () => {
    const activity = publishedWithSignUps({ audience: ['all'] });
    const other = await env.call('seed-member-02', 'activity', 'update', { id: activity._id, draft: draftInput(now) });
    expect(other.result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'id' } });
    const missing = await env.call('demo-secretary', 'activity', 'update', { id: 'NO-SUCH-ACT', draft: draftInput(now) });
    expect(missing.result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'id' } });
  });

  it('组织部的全院活动，支部书记也改不了', async () => {
    const { activity } = await env.ok('demo-admin', 'activity', 'create', draftInput(now, { audienceBranchIds: null }));
    await env.ok('demo-admin', 'activity', 'publish', { id: activity.id });
    const { result } = await env.call('demo-secretary', 'activity', 'update', { id: activity.id, draft: draftInput(now) });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('错误的表单指明 draft 里的字段', async () => {
    const activity = publishedWithSignUps();
    const { result } = await env.call('demo-secretary', 'activity', 'update', {
      id: activity._id,
      draft: draftInput(now, { endAt: now.toISOString() }),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'draft.endAt' } });
  });
});

describe('activity.publish', () => {
  it('草稿发布后本支部党员就能看到，记下发布时间和审计', async () => {
    const { activity } = await env.ok('demo-secretary', 'activity', 'create', draftInput(now));
    clock.advance(HOUR);
    const { activity: published } = await env.ok('demo-secretary', 'activity', 'publish', { id: activity.id });
    expect(published).toMatchObject({ status: 'published', can: { manage: true, signUp: true }, signUpClosedReason: null });
    expect(await stored(activity.id)).toMatchObject({ status: 'published', publishedAt: clock.now() });
    const upcoming = await env.ok('demo-member', 'activity', 'list', { scope: 'upcoming', pageSize: 50 });
    expect(upcoming.items.map((item) => item.id)).toContain(activity.id);
    expect(await audits('activity.publish')).toHaveLength(1);
  });

  it('发布两次：第二次 CONFLICT', async () => {
    const { activity } = await env.ok('demo-secretary', 'activity', 'create', draftInput(now));
    await env.ok('demo-secretary', 'activity', 'publish', { id: activity.id });
    const { result } = await env.call('demo-secretary', 'activity', 'publish', { id: activity.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('已发布') } });
  });

  it('已取消的活动不能发布（CONFLICT）', async () => {
    const { activity } = await env.ok('demo-secretary', 'activity', 'create', draftInput(now));
    await env.ok('demo-secretary', 'activity', 'cancel', { id: activity.id, reason: '计划调整' });
    const { result } = await env.call('demo-secretary', 'activity', 'publish', { id: activity.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('已取消') } });
  });

  it('报名截止已过的草稿不能发布（CLOSED），截止前一刻可以', async () => {
    const { activity } = await env.ok('demo-secretary', 'activity', 'create', draftInput(now));
    clock.set(after(now, 2 * DAY));
    const { result } = await env.call('demo-secretary', 'activity', 'publish', { id: activity.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'CLOSED' } });
    clock.set(after(now, 2 * DAY - 1));
    await env.ok('demo-secretary', 'activity', 'publish', { id: activity.id });
  });

  it('其他支部的书记看不到本支部的草稿（NOT_FOUND），党员先被角色拦下（FORBIDDEN）', async () => {
    const { activity } = await env.ok('demo-secretary', 'activity', 'create', draftInput(now));
    expect((await env.call('seed-member-02', 'activity', 'publish', { id: activity.id })).result).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect((await env.call('demo-member', 'activity', 'publish', { id: activity.id })).result).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});

describe('activity.cancel', () => {
  it('取消已发布的活动：写明原因，报名记录保持原状，写下一条取消事件（已报名和候补的由 cron 逐人通知）', async () => {
    const activity = publishedWithSignUps();
    const { activity: cancelled, notified } = await env.ok('demo-secretary', 'activity', 'cancel', {
      id: activity._id,
      reason: '天气原因',
    });
    expect(notified).toBe(3);
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      cancelReason: '天气原因',
      can: { signUp: false },
      signUpClosedReason: '活动已取消',
    });
    expect((await storedDocs<{ status: string }>('sign_ups', { activityId: activity._id })).map((s) => s.status).sort()).toEqual([
      'cancelled',
      'leave',
      'signed',
      'signed',
      'waitlisted',
    ]);
    expect(await events(activity._id)).toEqual([
      expect.objectContaining({
        _id: `cancelled_${activity._id}`,
        kind: 'cancelled',
        statuses: ['signed', 'waitlisted'],
        state: 'pending',
        data: expect.objectContaining({ note: '天气原因' }),
      }),
    ]);
    expect(await audits('activity.cancel')).toEqual([expect.objectContaining({ detail: { reason: '天气原因', notified: 3 } })]);
  });

  it('取消已取消的活动是 CONFLICT，不再发通知', async () => {
    const activity = publishedWithSignUps();
    await env.ok('demo-secretary', 'activity', 'cancel', { id: activity._id, reason: '天气原因' });
    const { result } = await env.call('demo-admin', 'activity', 'cancel', { id: activity._id, reason: '再取消一次' });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('已取消') } });
    expect(await events(activity._id)).toHaveLength(1);
  });

  it('取消草稿不通知任何人', async () => {
    const { activity } = await env.ok('demo-secretary', 'activity', 'create', draftInput(now));
    const { notified } = await env.ok('demo-secretary', 'activity', 'cancel', { id: activity.id, reason: '计划调整' });
    expect(notified).toBe(0);
    expect(await events(activity.id)).toEqual([]);
  });

  it('已结束的活动不能取消', async () => {
    env.store.insertMany('activities', [{ ...activityDoc(now, { _id: 'ACT-DONE', status: 'finished' }) }]);
    const { result } = await env.call('demo-secretary', 'activity', 'cancel', { id: 'ACT-DONE', reason: '补记' });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('取消后党员在详情里看到原因，不能报名、取消报名或请假', async () => {
    const activity = publishedWithSignUps();
    await env.ok('demo-secretary', 'activity', 'cancel', { id: activity._id, reason: '天气原因' });
    const { activity: seen, mine } = await env.ok('demo-member', 'activity', 'detail', { id: activity._id });
    expect(mine).toBe('signed');
    expect(seen).toMatchObject({
      cancelReason: '天气原因',
      can: { signUp: false, cancelSignUp: false, requestLeave: false, manage: false },
    });
  });

  it('原因少于 2 个字：INVALID_INPUT 指明 reason', async () => {
    const activity = publishedWithSignUps();
    const { result } = await env.call('demo-secretary', 'activity', 'cancel', { id: activity._id, reason: ' 无 ' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'reason' } });
  });
});

describe('修改与报名、与另一位组织者同时发生', () => {
  it('读到活动后有人报名，使名额少于已报名人数：修改被拒绝（CONFLICT，按最新人数说明），不写入', async () => {
    const activity = publishedWithSignUps();
    const held = env.scheduler.pauseBefore({ invocation: 'edit', action: 'database.modifyDocument', collection: 'activities' });
    const editing = env.call({ openid: 'demo-secretary', label: 'edit' }, 'activity', 'update', {
      id: activity._id,
      draft: draftInput(now, { capacity: 2, title: '同时修改' }),
    });
    await held.reached;
    await cloud
      .database()
      .collection('activities')
      .doc(activity._id)
      .update({ data: { signedUpCount: cloud.database().command.inc(1) } });
    held.release();
    expect((await editing).result).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('已有 3 人报名') },
    });
    expect(await stored(activity._id)).toMatchObject({ title: activity.title, capacity: 30, signedUpCount: 3 });
  });

  it('两位组织者同时修改：先写入的生效，后到的要求刷新重试，不覆盖前者', async () => {
    const activity = publishedWithSignUps();
    const held = env.scheduler.pauseBefore({ invocation: 'admin', action: 'database.modifyDocument', collection: 'activities' });
    const byAdmin = env.call({ openid: 'demo-admin', label: 'admin' }, 'activity', 'update', {
      id: activity._id,
      draft: draftInput(now, { title: '组织部的版本' }),
    });
    await held.reached;
    await env.ok('demo-secretary', 'activity', 'update', { id: activity._id, draft: draftInput(now, { title: '书记的版本' }) });
    held.release();
    expect((await byAdmin).result).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('刷新') } });
    expect(await stored(activity._id)).toMatchObject({ title: '书记的版本' });
  });
});
