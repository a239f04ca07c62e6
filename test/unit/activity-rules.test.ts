import {
  canViewActivity,
  isFull,
  managesActivity,
  scheduleChanged,
  signUpRefusal,
  viewerActions,
  type ActivityFacts,
} from '../../core/activity/access';
import { activityNoticeData, NOTICE_THING_MAX } from '../../core/activity/notice';

const NOW = new Date('2026-11-23T02:00:00Z');
const HOUR = 3_600_000;
const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR);

const member = { role: 'member', branchId: 'branch-1' } as const;
const secretary = { role: 'secretary', branchId: 'branch-1' } as const;
const otherSecretary = { role: 'secretary', branchId: 'branch-2' } as const;
const admin = { role: 'org_admin', branchId: 'branch-4' } as const;

function facts(overrides: Partial<ActivityFacts> = {}): ActivityFacts {
  return {
    status: 'published',
    branchId: 'branch-1',
    audience: ['branch-1'],
    signUpOpensAt: null,
    signUpDeadline: at(48),
    startAt: at(72),
    capacity: 30,
    signedUpCount: 0,
    waitlist: true,
    ...overrides,
  };
}

describe('活动的组织者', () => {
  it('组织部组织所有活动，书记只组织本支部的，全院活动不归任何书记', () => {
    expect(managesActivity(admin, { branchId: 'branch-1' })).toBe(true);
    expect(managesActivity(admin, { branchId: null })).toBe(true);
    expect(managesActivity(secretary, { branchId: 'branch-1' })).toBe(true);
    expect(managesActivity(otherSecretary, { branchId: 'branch-1' })).toBe(false);
    expect(managesActivity(secretary, { branchId: null })).toBe(false);
    expect(managesActivity(member, { branchId: 'branch-1' })).toBe(false);
  });
});

describe('谁看得到活动', () => {
  it('草稿只给组织者看', () => {
    const draft = facts({ status: 'draft' });
    expect(canViewActivity(member, draft, null)).toBe(false);
    expect(canViewActivity(otherSecretary, draft, null)).toBe(false);
    expect(canViewActivity(secretary, draft, null)).toBe(true);
    expect(canViewActivity(admin, draft, null)).toBe(true);
  });

  it('面向全院的人人可见，面向支部的只给那些支部和已经报名的人', () => {
    expect(canViewActivity(otherSecretary, facts({ audience: ['all'] }), null)).toBe(true);
    expect(canViewActivity({ role: 'member', branchId: 'branch-2' }, facts(), null)).toBe(false);
    expect(canViewActivity({ role: 'member', branchId: 'branch-2' }, facts(), 'cancelled')).toBe(true);
  });
});

describe('报名被拒的原因', () => {
  it('先看活动状态与报名窗口，再看自己的报名，再看范围和名额', () => {
    expect(signUpRefusal(facts({ status: 'cancelled' }), member, 'signed', NOW)).toBe('活动已取消');
    expect(signUpRefusal(facts({ signUpDeadline: NOW }), member, 'signed', NOW)).toBe('报名已截止');
    expect(signUpRefusal(facts({ signUpOpensAt: at(1) }), member, null, NOW)).toBe('报名尚未开始');
    expect(signUpRefusal(facts(), member, 'signed', NOW)).toBe('你已报名');
    expect(signUpRefusal(facts(), member, 'waitlisted', NOW)).toBe('你已在候补名单中');
    expect(signUpRefusal(facts(), admin, null, NOW)).toBe('本活动不面向你所在的党支部');
    expect(signUpRefusal(facts({ capacity: 2, signedUpCount: 2, waitlist: false }), member, null, NOW)).toBe('名额已满');
  });

  it('满员但开着候补、取消过或请过假的人，都可以再报名', () => {
    expect(signUpRefusal(facts({ capacity: 2, signedUpCount: 2 }), member, null, NOW)).toBeNull();
    expect(signUpRefusal(facts(), member, 'cancelled', NOW)).toBeNull();
    expect(signUpRefusal(facts(), member, 'leave', NOW)).toBeNull();
  });

  it('没有名额上限就永远不满', () => {
    expect(isFull(facts({ capacity: null, signedUpCount: 10_000 }))).toBe(false);
    expect(isFull(facts({ capacity: 3, signedUpCount: 3 }))).toBe(true);
  });
});

describe('详情页上能做的事', () => {
  it('已报名或候补：截止前可取消，开始前可请假（截止后请假是候补者唯一的退出方式）', () => {
    expect(viewerActions(facts(), member, 'signed', NOW).can).toEqual({
      signUp: false,
      cancelSignUp: true,
      requestLeave: true,
      manage: false,
    });
    expect(viewerActions(facts(), member, 'signed', at(48)).can).toMatchObject({ cancelSignUp: false, requestLeave: true });
    expect(viewerActions(facts(), member, 'signed', at(72)).can).toMatchObject({ cancelSignUp: false, requestLeave: false });
    expect(viewerActions(facts(), member, 'waitlisted', NOW).can).toMatchObject({ cancelSignUp: true, requestLeave: true });
    expect(viewerActions(facts(), member, 'waitlisted', at(48)).can).toMatchObject({ cancelSignUp: false, requestLeave: true });
  });

  it('能报名时没有原因，不能时原因与 can.signUp 一致', () => {
    expect(viewerActions(facts(), member, null, NOW)).toMatchObject({ can: { signUp: true }, signUpClosedReason: null });
    expect(viewerActions(facts({ status: 'draft' }), secretary, null, NOW)).toMatchObject({
      can: { signUp: false, manage: true },
      signUpClosedReason: '活动尚未发布',
    });
  });
});

describe('时间或地点是否变了', () => {
  const schedule = { startAt: at(72), endAt: at(74), place: '党员活动室', baseId: null, online: false };
  it.each([
    ['开始时间', { startAt: at(73) }],
    ['结束时间', { endAt: at(75) }],
    ['地点', { place: '学院报告厅' }],
    ['基地', { baseId: 'daoxian-chenshuxiang' }],
    ['线上线下', { online: true }],
  ])('改了%s算变更', (_label, change) => {
    expect(scheduleChanged(schedule, { ...schedule, ...change })).toBe(true);
  });

  it('同一时刻的另一个 Date 不算变更', () => {
    expect(scheduleChanged(schedule, { ...schedule, startAt: new Date(at(72).getTime()) })).toBe(false);
  });
});

describe('订阅消息的文字', () => {
  it('时间按北京时间写到分钟，线上活动标明线上', () => {
    expect(
      activityNoticeData({ title: '主题党日', startAt: new Date('2026-11-26T01:00:00Z'), place: '腾讯会议', online: true }, '改到九点'),
    ).toEqual({
      title: '主题党日',
      time: '2026-11-26 09:00',
      place: '线上 · 腾讯会议',
      note: '改到九点',
    });
  });

  it('超过 20 个字的标题、地点和说明截断并以省略号结尾', () => {
    const long = '重温入党誓词暨学习贯彻党的二十届三中全会精神专题党课';
    const data = activityNoticeData({ title: long, startAt: NOW, place: long, online: false }, long);
    for (const value of [data.title, data.place, data.note]) {
      expect([...(value ?? '')]).toHaveLength(NOTICE_THING_MAX);
      expect(value?.endsWith('…')).toBe(true);
    }
  });
});
