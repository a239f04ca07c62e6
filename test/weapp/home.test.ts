/**
 * Renders the built 首页 from dist/weapp in miniprogram-simulate with WeChat's own wxml compiler
 * (ARCHITECTURE.md, "Testing"). Run `npm run build:weapp` first; the test reads the build output, not src.
 */
import type { ActivitySummary } from '../../types/contracts/activity';
import { renderBuiltPage, succeed, waitUntil, wxGlobal, type RenderedPage } from '../support/weappSimulate';

const member = {
  id: 'm-demo-member',
  name: '李红',
  branchId: 'branch-1',
  branchName: '第一党支部',
  role: 'member',
  partyStatus: 'full',
  status: 'active',
  joinedAt: '2024-07-01T02:00:00.000Z',
};
const activity: ActivitySummary = {
  id: 'act-1',
  kind: 'visit',
  title: '参观道县陈树湘党性教育基地',
  status: 'published',
  branchId: 'branch-1',
  place: '道县陈树湘党性教育基地',
  online: false,
  startAt: '2026-11-28T06:30:00.000Z',
  endAt: '2026-11-28T09:30:00.000Z',
  signUpDeadline: '2026-11-27T10:00:00.000Z',
  capacity: 30,
  signedUpCount: 12,
  waitlistCount: 0,
  waitlist: true,
  mine: null,
};
const contest = {
  id: 'contest-1',
  title: '学党史·知识竞赛（第一季）',
  startAt: '2026-11-01T00:00:00.000Z',
  endAt: '2026-12-31T15:59:59.000Z',
  status: 'open',
  questionCount: 20,
  timeLimitSec: 600,
  attemptsAllowed: 3,
};

const cloudAnswers: Record<string, unknown> = {
  'member.me': { ok: true, data: { privacyAccepted: true, privacyVersion: '2026-11', member } },
  'activity.list': { ok: true, data: { items: [activity], nextCursor: null } },
  'quiz.contests': { ok: true, data: { items: [contest] } },
};

interface CallFunctionParam {
  name: string;
  data: { action: string; input: unknown };
}

const callFunction = jest.fn(async ({ name, data }: CallFunctionParam) => {
  const result = cloudAnswers[`${name}.${data.action}`];
  if (!result) throw new Error(`unexpected call ${name}.${data.action}`);
  return { result, errMsg: 'cloud.callFunction:ok', requestID: 'test' };
});
const switchTab = succeed<{ url: string }>();

describe('首页（微信小程序构建产物）', () => {
  let page: RenderedPage;

  beforeAll(() => {
    const wx = wxGlobal();
    wx.cloud = { init: jest.fn(), callFunction };
    wx.switchTab = switchTab;
    page = renderBuiltPage('pages/home/index');
  });

  const pageText = () => page.text();

  it('显示云函数返回的党员问候、近期活动和进行中的竞赛', async () => {
    await waitUntil(() => pageText().includes(activity.title) && pageText().includes(contest.title), 'the activity and contest titles');
    const text = pageText();
    expect(text).toContain('李红同志，你好');
    expect(text).toContain('第一党支部');
    expect(text).toContain('参观红色教育基地');
    expect(text).toContain('11月28日 周六 14:30');
    expect(text).toContain('剩余 18 个名额');
    expect(text).toContain('题量 20 题');
    expect(callFunction).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'activity', data: { action: 'list', input: { scope: 'upcoming', pageSize: 3 } } }),
    );
  });

  it('点击进行中的竞赛会切换到答题标签页', async () => {
    await waitUntil(() => pageText().includes(contest.title), 'the contest banner');
    page.tap('ht-contest', contest.title);

    await waitUntil(() => switchTab.mock.calls.length > 0, 'wx.switchTab');
    expect(switchTab).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/quiz/index' }));
  });
});
