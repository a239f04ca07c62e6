/**
 * The built 答题 page (quiz subpackage) in 逐题限时 mode, from dist/weapp in miniprogram-simulate with
 * WeChat's own wxml compiler: one question at a time with its own server deadline, the next only
 * when the server releases it, a 切屏 reported through wx.onAppHide. Run `npm run build:weapp` first.
 */
import { renderBuiltPage, succeed, waitUntil, wxGlobal, type RenderedPage } from '../support/weappSimulate';

const now = Date.now();
const iso = (offsetMs: number) => new Date(now + offsetMs).toISOString();
const questions = [
  {
    id: 'q-founding',
    type: 'single',
    stem: '中国共产党第一次全国代表大会在哪一年召开？',
    options: ['1919年', '1921年', '1927年'],
    points: 5,
  },
  { id: 'q-zunyi', type: 'judge', stem: '遵义会议在贵州遵义召开。', options: ['正确', '错误'], points: 5 },
  {
    id: 'q-campaigns',
    type: 'multiple',
    stem: '以下哪些属于三大战役？',
    options: ['辽沈战役', '淮海战役', '平津战役', '百团大战'],
    points: 5,
  },
];
const contest = {
  id: 'contest-paced',
  title: '党史挑战答题',
  startAt: iso(-3_600_000),
  endAt: iso(86_400_000),
  status: 'open',
  questionCount: 3,
  timeLimitSec: 60,
  attemptsAllowed: 1,
  leaderboardVisible: true,
  description: '',
  review: 'afterEachAttempt',
  reviewAvailableAt: null,
  pace: 'perQuestion',
  secondsPerQuestion: 20,
  maxSwitches: 2,
  mine: { attemptsUsed: 0, openAttemptId: null, bestScore: null },
};
const attempt = {
  attemptId: 'att-paced-1',
  contestId: contest.id,
  title: contest.title,
  attemptNo: 1,
  attemptsAllowed: 1,
  startedAt: iso(0),
  deadline: iso(60_000),
  serverNow: iso(0),
  resumed: false,
  pace: 'perQuestion',
  questionCount: 3,
  current: { index: 0, deadline: iso(20_000) },
  switchCount: 0,
  maxSwitches: 2,
  questions: [questions[0]],
};
const handedIn = {
  attemptId: attempt.attemptId,
  contestId: contest.id,
  score: 15,
  maxScore: 15,
  correctCount: 3,
  questionCount: 3,
  durationMs: 21_000,
  submittedAt: iso(21_000),
  onTime: true,
  switchCount: 1,
  autoSubmitted: false,
};

/** The server releases question `index` with eight seconds on its own clock (the next after the answer). */
function released(index: number) {
  return { accepted: true, next: { index, deadline: iso(8_000), question: questions[index] }, serverNow: iso(0), result: null };
}
const answerReplies = [released(1), released(2), { accepted: true, next: null, serverNow: iso(0), result: handedIn }];

interface CallFunctionParam {
  name: string;
  data: { action: string; input: unknown };
}

const callFunction = jest.fn(async ({ name, data }: CallFunctionParam) => {
  if (name !== 'quiz') throw new Error(`unexpected call ${name}.${data.action}`);
  const replies: Record<string, () => unknown> = {
    contests: () => ({ items: [contest] }),
    start: () => attempt,
    answerQuestion: () => answerReplies.shift(),
    reportSwitch: () => ({ switchCount: 1, maxSwitches: 2, autoSubmitted: false, result: null }),
  };
  const reply = replies[data.action];
  if (!reply) throw new Error(`unexpected call quiz.${data.action}`);
  return { result: { ok: true, data: reply() }, errMsg: 'cloud.callFunction:ok', requestID: 'test' };
});

const redirectTo = succeed<{ url: string }>();
const appHide: Array<() => void> = [];
const appShow: Array<() => void> = [];

function callsOf(action: string): unknown[] {
  return callFunction.mock.calls.filter(([param]) => param.data.action === action).map(([param]) => param.data.input);
}

describe('答题页·逐题限时（微信小程序构建产物，分包 quiz）', () => {
  let page: RenderedPage;

  beforeAll(() => {
    const wx = wxGlobal();
    wx.cloud = { init: jest.fn(), callFunction };
    wx.redirectTo = redirectTo;
    wx.showModal = succeed({ confirm: true, cancel: false, errMsg: 'showModal:ok' });
    wx.showToast = succeed();
    wx.enableAlertBeforeUnload = succeed();
    wx.disableAlertBeforeUnload = succeed();
    wx.onAppHide = (listener: () => void) => appHide.push(listener);
    wx.offAppHide = (listener: () => void) => appHide.splice(appHide.indexOf(listener), 1);
    wx.onAppShow = (listener: () => void) => appShow.push(listener);
    wx.offAppShow = (listener: () => void) => appShow.splice(appShow.indexOf(listener), 1);
    const storage = new Map<string, unknown>();
    wx.setStorageSync = (key: string, value: unknown) => storage.set(key, JSON.parse(JSON.stringify(value)));
    wx.getStorageSync = (key: string) => (storage.has(key) ? storage.get(key) : '');
    wx.removeStorageSync = (key: string) => storage.delete(key);
    wx.getStorageInfoSync = () => ({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 });
    page = renderBuiltPage('quiz/take/index', { contestId: contest.id });
  });

  const text = () => page.text();

  it('须知写明逐题限时和切屏上限；确认后只显示第一题和它自己的 20 秒倒计时', async () => {
    await waitUntil(() => text().includes('竞赛须知'), 'the contest notice');
    expect(text()).toContain('逐题限时：每题 20 秒');
    expect(text()).toContain('超过 2 次将自动交卷');
    expect(text()).toContain('每次交卷后可看解析');
    page.tap('ht-button', '我已阅读，开始答题');

    await waitUntil(() => text().includes('第 1/3 题'), 'the first released question');
    expect(text()).toMatch(/00:(20|19)/);
    expect(text()).toContain(questions[0]!.stem);
    expect(text()).not.toContain(questions[1]!.stem);
    expect(text()).not.toContain('上一题');
    expect(text()).toContain('已切出 0 次，超过 2 次将自动交卷');
  });

  it('切到后台一次（wx.onAppHide）只报告一次，页面显示已切出 1 次', async () => {
    expect(appHide).toHaveLength(1);
    appHide.forEach((listener) => listener());
    appHide.forEach((listener) => listener());
    await waitUntil(() => text().includes('已切出 1 次'), 'the switch count');
    appShow.forEach((listener) => listener());
    expect(callsOf('reportSwitch')).toEqual([{ attemptId: attempt.attemptId }]);
  });

  it('点选即提交本题，服务器放出下一题后按它自己的截止时间倒计时；多选点“确定并交卷”后跳到结果页', async () => {
    page.tap('quiz-option', '1921年');
    await waitUntil(() => text().includes('第 2/3 题'), 'question 2 released by the server');
    expect(text()).toMatch(/00:0[78]/);
    expect(text()).not.toContain(questions[0]!.stem);

    page.tap('quiz-option', '正确');
    await waitUntil(() => text().includes('第 3/3 题'), 'question 3 released by the server');
    page.tap('quiz-option', '辽沈战役');
    page.tap('quiz-option', '平津战役');
    await waitUntil(() => (page.root.dom?.querySelectorAll('[class*="quiz-option--chosen"]').length ?? 0) === 2, 'two options chosen');
    page.tap('ht-button', '确定并交卷');
    await waitUntil(() => redirectTo.mock.calls.length > 0, 'wx.redirectTo to the result page');

    expect(callsOf('answerQuestion')).toEqual([
      { attemptId: attempt.attemptId, questionId: 'q-founding', chosen: [1] },
      { attemptId: attempt.attemptId, questionId: 'q-zunyi', chosen: [0] },
      { attemptId: attempt.attemptId, questionId: 'q-campaigns', chosen: [0, 2] },
    ]);
    expect(redirectTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: `/quiz/result/index?attemptId=${attempt.attemptId}&contestId=${contest.id}` }),
    );
    expect(callsOf('submit')).toHaveLength(0);
  });
});
