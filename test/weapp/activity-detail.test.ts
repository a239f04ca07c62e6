/**
 * Renders the built 活动详情 page (activity subpackage) in miniprogram-simulate, opened the way a shared
 * card opens it (`?id=…`): a member signs up and sees the new state, and the share handler carries the
 * card drawn on weapp's offscreen canvas.
 */
import { recordingOffscreenCanvas } from '../support/fakeCanvas';
import { renderBuiltPage, succeed, waitUntil, wxGlobal, type RenderedPage } from '../support/weappSimulate';

const member = {
  id: 'm-demo-member',
  name: '王党员',
  branchId: 'branch-1',
  branchName: '第一党支部',
  role: 'member',
  partyStatus: 'full',
  status: 'active',
  joinedAt: '2024-07-01T02:00:00.000Z',
};
const activity = {
  id: 'act-1',
  kind: 'theme_day',
  title: '重温入党誓词主题党日',
  status: 'published',
  branchId: 'branch-1',
  place: '党员活动室',
  online: false,
  startAt: '2026-11-30T06:30:00.000Z',
  endAt: '2026-11-30T08:30:00.000Z',
  signUpDeadline: '2026-11-29T10:00:00.000Z',
  capacity: 3,
  signedUpCount: 0,
  waitlistCount: 0,
  waitlist: true,
  mine: null,
  description: '集体重温入党誓词。',
  coverUrl: null,
  baseId: null,
  signUpOpensAt: null,
  audienceBranchIds: ['branch-1'],
  countsFor: null,
  studyHours: null,
  cancelReason: null,
  seatsLeft: 3,
  can: { signUp: true, cancelSignUp: false, requestLeave: false, manage: false },
  signUpClosedReason: null,
};
const card = {
  id: 'act-1',
  title: activity.title,
  kindLabel: '主题党日',
  startAt: activity.startAt,
  endAt: activity.endAt,
  place: activity.place,
  online: false,
  seatsLeft: 3,
  full: false,
  waitlist: true,
  path: 'activity/detail/index?id=act-1',
};
const CARD_PATH = 'wxfile://tmp/activity-card.png';

const afterSignUp = {
  ...activity,
  signedUpCount: 1,
  seatsLeft: 2,
  can: { signUp: false, cancelSignUp: true, requestLeave: true, manage: false },
};
const answers: Record<string, () => unknown> = {
  'member.me': () => ({ ok: true, data: { privacyAccepted: true, privacyVersion: '2026-11', member } }),
  'activity.detail': () => ({ ok: true, data: { activity, mine: null } }),
  'activity.shareCard': () => ({ ok: true, data: card }),
  'activity.signUp': () => ({ ok: true, data: { status: 'signed', activity: afterSignUp } }),
};
const callFunction = jest.fn(async ({ name, data }: { name: string; data: { action: string } }) => {
  const answer = answers[`${name}.${data.action}`];
  if (!answer) throw new Error(`unexpected call ${name}.${data.action}`);
  return { result: answer(), errMsg: 'cloud.callFunction:ok', requestID: 'test' };
});

const { createOffscreenCanvas, painted } = recordingOffscreenCanvas();
const canvasToTempFilePath = succeed<{ canvas: unknown }>({ tempFilePath: CARD_PATH, errMsg: 'canvasToTempFilePath:ok' });
const showToast = succeed();

describe('活动详情页（微信小程序构建产物，分包 activity）', () => {
  let page: RenderedPage;

  beforeAll(() => {
    const wx = wxGlobal();
    wx.cloud = { init: jest.fn(), callFunction };
    wx.createOffscreenCanvas = createOffscreenCanvas;
    wx.canvasToTempFilePath = canvasToTempFilePath;
    wx.showToast = showToast;
    page = renderBuiltPage('activity/detail/index', { id: 'act-1' });
  });

  it('从分享卡片打开后显示活动和剩余名额，点报名后显示已报名、名额减一', async () => {
    await waitUntil(() => page.text().includes('重温入党誓词主题党日') && page.text().includes('剩余 3 个名额'), 'the activity detail');
    expect(callFunction).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'activity', data: { action: 'detail', input: { id: 'act-1' } } }),
    );

    page.tap('ht-button', '报名');
    await waitUntil(() => page.text().includes('你已报名'), 'the signed-up state');
    expect(page.text()).toContain('剩余 2 个名额');
    expect(page.text()).toContain('取消报名');
    // Without a reminder template in the build, signing up asks for no subscription.
    expect(callFunction).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'activity', data: { action: 'signUp', input: { id: 'act-1', acceptReminder: false } } }),
    );
  });

  it('转发时带上离屏画布画出的 5:4 活动卡片', async () => {
    await waitUntil(() => page.attributes('image', 'ht-share__card')[0]?.src === CARD_PATH, 'the share card preview');
    expect(createOffscreenCanvas).toHaveBeenCalledWith(expect.objectContaining({ type: '2d', width: 1000, height: 800 }));
    expect(painted).toEqual(expect.arrayContaining(['主题党日', '重温入党誓词主题党日', '剩余 3 个名额']));
    expect(page.instance.onShareAppMessage?.({ from: 'button' })).toEqual({
      title: '主题党日｜重温入党誓词主题党日',
      path: '/activity/detail/index?id=act-1',
      imageUrl: CARD_PATH,
    });
    expect(page.instance.onShareTimeline?.()).toEqual({ title: '主题党日｜重温入党誓词主题党日', query: 'id=act-1', imageUrl: CARD_PATH });
  });
});
