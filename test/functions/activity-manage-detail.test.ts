/**
 * The read side of one activity: detail (who may see it, what they may do now, within 3 DB requests)
 * and the share card drawn from it.
 */
import cloud from 'wx-server-sdk';
import type { ActivityDoc } from '../../server/documents';
import type { SignUpStatus } from '../../types/labels';
import { useServerClock } from '../support/clock';
import { createTestEnv, type TestEnv } from '../support/localEnv';
import { activityDoc, after, DAY, draftInput, HOUR, seededMember, signUpDoc } from './activity-manage.fixtures';

const START = new Date('2026-11-23T02:00:00Z');
const clock = useServerClock(START);
let env: TestEnv;
let now: Date;

beforeEach(() => {
  clock.set(START);
  now = clock.now();
  env = createTestEnv({ now });
});

function insertActivity(overrides: Partial<ActivityDoc> & Pick<ActivityDoc, '_id'>): ActivityDoc {
  const activity = activityDoc(now, overrides);
  env.store.insertMany('activities', [{ ...activity }]);
  return activity;
}

function signUp(activityId: string, openid: string, status: SignUpStatus): void {
  env.store.insertMany('sign_ups', [{ ...signUpDoc(activityId, seededMember(openid), status, after(now, -HOUR)) }]);
}

const detailOf = async (openid: string, id: string) => (await env.call(openid, 'activity', 'detail', { id })).result;

describe('activity.detail', () => {
  it('党员看到详情、剩余名额和自己的状态；最多 3 次数据库请求，都走索引', async () => {
    insertActivity({ _id: 'ACT-1', signedUpCount: 12, waitlistCount: 0, description: '学习党章', studyHours: 2, countsFor: 'lesson' });
    signUp('ACT-1', 'demo-member', 'signed');
    const { result, requests } = await env.call('demo-member', 'activity', 'detail', { id: 'ACT-1' });
    expect(result).toMatchObject({
      ok: true,
      data: {
        mine: 'signed',
        activity: {
          id: 'ACT-1',
          description: '学习党章',
          seatsLeft: 18,
          mine: 'signed',
          coverUrl: null,
          studyHours: 2,
          countsFor: 'lesson',
          audienceBranchIds: ['branch-1'],
          can: { signUp: false, cancelSignUp: true, requestLeave: true, manage: false },
          signUpClosedReason: '你已报名',
        },
      },
    });
    expect(requests.length).toBeLessThanOrEqual(3);
    expect(requests.every((request) => request.indexed)).toBe(true);
  });

  it('没有名额上限时剩余名额为空，总能报名', async () => {
    insertActivity({ _id: 'ACT-OPEN', capacity: null, signedUpCount: 500 });
    expect(await detailOf('demo-member', 'ACT-OPEN')).toMatchObject({
      ok: true,
      data: { activity: { seatsLeft: null, can: { signUp: true } } },
    });
  });

  it('名额已满且不候补：不能报名，原因是名额已满；开了候补则可以报名候补', async () => {
    insertActivity({ _id: 'ACT-FULL', capacity: 2, signedUpCount: 2, waitlist: false });
    insertActivity({ _id: 'ACT-WAIT', capacity: 2, signedUpCount: 2, waitlistCount: 3, waitlist: true });
    expect(await detailOf('demo-member', 'ACT-FULL')).toMatchObject({
      ok: true,
      data: { activity: { seatsLeft: 0, can: { signUp: false }, signUpClosedReason: '名额已满' } },
    });
    expect(await detailOf('demo-member', 'ACT-WAIT')).toMatchObject({
      ok: true,
      data: { activity: { seatsLeft: 0, waitlistCount: 3, can: { signUp: true }, signUpClosedReason: null } },
    });
  });

  it.each([
    ['waitlisted', { signUp: false, cancelSignUp: true, requestLeave: true }, '你已在候补名单中'],
    ['leave', { signUp: true, cancelSignUp: false, requestLeave: false }, null],
    ['cancelled', { signUp: true, cancelSignUp: false, requestLeave: false }, null],
  ] as const)('自己的报名是 %s 时能做的事', async (status, can, reason) => {
    insertActivity({ _id: 'ACT-MINE' });
    signUp('ACT-MINE', 'demo-member', status);
    expect(await detailOf('demo-member', 'ACT-MINE')).toMatchObject({
      ok: true,
      data: { mine: status, activity: { can, signUpClosedReason: reason } },
    });
  });

  describe('报名窗口的边界（报名 1 小时后开始、2 天后截止、3 天后活动开始）', () => {
    beforeEach(() => {
      insertActivity({ _id: 'ACT-WINDOW', signUpOpensAt: after(START, HOUR) });
      insertActivity({ _id: 'ACT-SIGNED', signUpOpensAt: after(START, HOUR) });
      signUp('ACT-SIGNED', 'demo-member', 'signed');
    });

    it.each([
      ['报名开始前一刻', HOUR - 1, false, '报名尚未开始'],
      ['报名开始的那一刻', HOUR, true, null],
      ['截止前一刻', 2 * DAY - 1, true, null],
      ['截止的那一刻', 2 * DAY, false, '报名已截止'],
      ['截止之后', 2 * DAY + HOUR, false, '报名已截止'],
    ])('%s：能否报名与原因', async (_label, offset, canSignUp, reason) => {
      clock.set(after(START, offset));
      expect(await detailOf('demo-member', 'ACT-WINDOW')).toMatchObject({
        ok: true,
        data: { activity: { can: { signUp: canSignUp }, signUpClosedReason: reason } },
      });
    });

    it.each([
      ['截止前一刻', 2 * DAY - 1, true, true],
      ['截止的那一刻', 2 * DAY, false, true],
      ['活动开始前一刻', 3 * DAY - 1, false, true],
      ['活动开始的那一刻', 3 * DAY, false, false],
    ])('已报名的党员在%s：能否取消、能否请假', async (_label, offset, cancelSignUp, requestLeave) => {
      clock.set(after(START, offset));
      expect(await detailOf('demo-member', 'ACT-SIGNED')).toMatchObject({
        ok: true,
        data: { activity: { can: { cancelSignUp, requestLeave } } },
      });
    });
  });

  describe('谁看得到', () => {
    beforeEach(() => {
      insertActivity({ _id: 'ACT-B2', branchId: 'branch-2', audience: ['branch-2'] });
      insertActivity({ _id: 'ACT-ALL', branchId: null, audience: ['all'] });
      insertActivity({ _id: 'ACT-B23', branchId: null, audience: ['branch-2', 'branch-3'] });
      insertActivity({ _id: 'ACT-DRAFT', status: 'draft' });
    });

    it.each([
      ['demo-member', 'ACT-B2', 'NOT_FOUND'],
      ['demo-secretary', 'ACT-B2', 'NOT_FOUND'],
      ['seed-member-02', 'ACT-B2', true],
      ['demo-admin', 'ACT-B2', true],
      ['demo-member', 'ACT-ALL', true],
      ['seed-member-05', 'ACT-ALL', true],
      ['demo-member', 'ACT-B23', 'NOT_FOUND'],
      ['seed-member-03', 'ACT-B23', true],
      ['demo-member', 'ACT-DRAFT', 'NOT_FOUND'],
      ['seed-member-02', 'ACT-DRAFT', 'NOT_FOUND'],
      ['demo-secretary', 'ACT-DRAFT', true],
      ['demo-admin', 'ACT-DRAFT', true],
      ['demo-stranger', 'ACT-ALL', 'UNAUTHENTICATED'],
      ['demo-member', 'NO-SUCH-ACT', 'NOT_FOUND'],
    ])('%s 查看 %s → %s', async (openid, id, outcome) => {
      const result = await detailOf(openid, id);
      expect(result.ok || result.error.code).toBe(outcome);
    });

    it('组织部看得到不面向自己支部的活动，能管理但不能报名', async () => {
      expect(await detailOf('demo-admin', 'ACT-B2')).toMatchObject({
        ok: true,
        data: { activity: { can: { manage: true, signUp: false }, signUpClosedReason: '本活动不面向你所在的党支部' } },
      });
    });

    it('报名后活动范围改了，报过名的人仍看得到自己的活动', async () => {
      signUp('ACT-B2', 'demo-member', 'signed');
      expect(await detailOf('demo-member', 'ACT-B2')).toMatchObject({ ok: true, data: { mine: 'signed' } });
    });
  });

  it('有封面时给出可访问的临时链接；封面从存储里丢失时不影响查看', async () => {
    const { fileID } = await cloud.uploadFile({ cloudPath: 'activity-covers/cover.png', fileContent: Buffer.from('png') });
    const { activity } = await env.ok('demo-secretary', 'activity', 'create', draftInput(now, { coverFileId: fileID }));
    expect(activity.coverUrl).toMatch(/activity-covers\/cover\.png\?t=\d+&sign=/);
    await cloud.deleteFile({ fileList: [fileID] });
    expect(await detailOf('demo-secretary', activity.id)).toMatchObject({ ok: true, data: { activity: { coverUrl: null } } });
  });

  it('封面不在云存储里：创建被拒绝（NOT_FOUND，指明 coverFileId）', async () => {
    const { result } = await env.call('demo-secretary', 'activity', 'create', draftInput(now, { coverFileId: 'cloud://env/none.png' }));
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'coverFileId' } });
  });

  it.each([
    ['id', { id: 'a/b' }],
    ['id', { id: '' }],
    ['id', {}],
    ['extra', { id: 'ACT-1', extra: 1 }],
  ])('错误输入指明 %s', async (field, input) => {
    const { result } = await env.call('demo-member', 'activity', 'detail', input);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field } });
  });
});

describe('activity.shareCard', () => {
  it('卡片用实时数据：类型、时间、地点、剩余名额，打开后进入活动详情', async () => {
    insertActivity({ _id: 'ACT-CARD', kind: 'visit', capacity: 40, signedUpCount: 39 });
    const card = await env.ok('demo-member', 'activity', 'shareCard', { id: 'ACT-CARD' });
    expect(card).toEqual({
      id: 'ACT-CARD',
      title: '主题党日 ACT-CARD',
      kindLabel: '参观红色教育基地',
      startAt: after(now, 3 * DAY).toISOString(),
      endAt: after(now, 3 * DAY + 2 * HOUR).toISOString(),
      place: '党员活动室',
      online: false,
      seatsLeft: 1,
      full: false,
      waitlist: true,
      path: 'activity/detail/index?id=ACT-CARD',
    });
  });

  it('满员时标明已满，是否可候补照实给出', async () => {
    insertActivity({ _id: 'ACT-CARD', capacity: 40, signedUpCount: 40, waitlist: true });
    expect(await env.ok('demo-member', 'activity', 'shareCard', { id: 'ACT-CARD' })).toMatchObject({
      seatsLeft: 0,
      full: true,
      waitlist: true,
    });
  });

  // A published card is public (it is what a forwarded chat card shows); a draft only to its organisers.
  it.each([
    ['demo-member', 'ACT-DRAFT', 'NOT_FOUND'],
    ['demo-stranger', 'ACT-DRAFT', 'NOT_FOUND'],
    ['demo-secretary', 'ACT-DRAFT', true],
    ['demo-member', 'ACT-B2', true],
    ['seed-member-02', 'ACT-B2', true],
    ['demo-stranger', 'ACT-B2', true],
  ])('%s 分享 %s → %s', async (openid, id, outcome) => {
    insertActivity({ _id: 'ACT-DRAFT', status: 'draft' });
    insertActivity({ _id: 'ACT-B2', branchId: 'branch-2', audience: ['branch-2'] });
    const { result } = await env.call(openid, 'activity', 'shareCard', { id });
    expect(result.ok || result.error.code).toBe(outcome);
  });
});
