/**
 * Renders the built 答题 page (quiz subpackage) from dist/weapp in miniprogram-simulate with WeChat's
 * own wxml compiler (ARCHITECTURE.md, "Testing"): confirms 竞赛须知, answers three questions and submits once. Run `npm run build:weapp` first.
 */
import { renderBuiltPage, succeed, waitUntil, wxGlobal, type RenderedPage } from '../support/weappSimulate';

const serverNow = new Date();
const contest = {
  id: 'contest-yongzhou-2026',
  title: '永州红色记忆 · 党史知识竞赛',
  startAt: new Date(serverNow.getTime() - 3_600_000).toISOString(),
  endAt: new Date(serverNow.getTime() + 86_400_000).toISOString(),
  status: 'open',
  questionCount: 3,
  timeLimitSec: 600,
  attemptsAllowed: 3,
  leaderboardVisible: true,
  description: '',
  review: 'afterClose',
  reviewAvailableAt: new Date(serverNow.getTime() + 86_400_000).toISOString(),
  pace: 'whole',
  secondsPerQuestion: null,
  maxSwitches: null,
  mine: { attemptsUsed: 0, openAttemptId: null, bestScore: null },
};
const attempt = {
  attemptId: 'att-weapp-1',
  contestId: 'contest-yongzhou-2026',
  title: '永州红色记忆 · 党史知识竞赛',
  attemptNo: 1,
  attemptsAllowed: 3,
  startedAt: serverNow.toISOString(),
  deadline: new Date(serverNow.getTime() + 600_000).toISOString(),
  serverNow: serverNow.toISOString(),
  resumed: false,
  pace: 'whole',
  questionCount: 3,
  current: null,
  switchCount: 0,
  maxSwitches: null,
  questions: [
    {
      id: 'q-founding',
      type: 'single',
      stem: '中国共产党第一次全国代表大会在哪一年召开？',
      options: ['1919年', '1921年', '1927年', '1949年'],
      points: 5,
    },
    { id: 'q-zunyi', type: 'judge', stem: '遵义会议在贵州遵义召开。', options: ['正确', '错误'], points: 5 },
    {
      id: 'q-campaigns',
      type: 'multiple',
      stem: '以下哪些属于解放战争中的三大战役？',
      options: ['辽沈战役', '淮海战役', '平津战役', '百团大战'],
      points: 5,
    },
  ],
};
const submitted = {
  attemptId: attempt.attemptId,
  contestId: attempt.contestId,
  score: 15,
  maxScore: 15,
  correctCount: 3,
  questionCount: 3,
  durationMs: 42_000,
  submittedAt: serverNow.toISOString(),
  onTime: true,
  switchCount: 0,
  autoSubmitted: false,
};

interface CallFunctionParam {
  name: string;
  data: { action: string; input: unknown };
}

const callFunction = jest.fn(async ({ name, data }: CallFunctionParam) => {
  if (name !== 'quiz') throw new Error(`unexpected call ${name}.${data.action}`);
  const replies: Record<string, unknown> = { contests: { items: [contest] }, start: attempt, submit: submitted };
  const result = data.action in replies ? { ok: true, data: replies[data.action] } : undefined;
  if (!result) throw new Error(`unexpected call quiz.${data.action}`);
  return { result, errMsg: 'cloud.callFunction:ok', requestID: 'test' };
});

const storage = new Map<string, unknown>();
const redirectTo = succeed<{ url: string }>();
const showModal = succeed({ confirm: true, cancel: false, errMsg: 'showModal:ok' });

describe('答题页（微信小程序构建产物，分包 quiz）', () => {
  let page: RenderedPage;

  beforeAll(() => {
    const wx = wxGlobal();
    wx.cloud = { init: jest.fn(), callFunction };
    wx.redirectTo = redirectTo;
    wx.showModal = showModal;
    wx.showToast = succeed();
    wx.enableAlertBeforeUnload = succeed();
    wx.disableAlertBeforeUnload = succeed();
    for (const api of ['onAppHide', 'offAppHide', 'onAppShow', 'offAppShow']) wx[api] = jest.fn();
    wx.setStorageSync = (key: string, value: unknown) => storage.set(key, JSON.parse(JSON.stringify(value)));
    wx.getStorageSync = (key: string) => (storage.has(key) ? storage.get(key) : '');
    wx.removeStorageSync = (key: string) => storage.delete(key);
    wx.getStorageInfoSync = () => ({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 });
    page = renderBuiltPage('quiz/take/index', { contestId: attempt.contestId });
  });

  const pageText = () => page.text();
  const tap = (className: string, text: string) => page.tap(className, text);

  function savedAnswers(): Record<string, number[]> | undefined {
    return (storage.get(`hongtu.quiz.attempt.${attempt.attemptId}`) as { answers?: Record<string, number[]> } | undefined)?.answers;
  }

  it('先显示竞赛须知，确认后显示第 1/3 题、题干与服务器截止时间的倒计时，只调用一次 start', async () => {
    await waitUntil(() => pageText().includes('竞赛须知'), 'the contest notice');
    expect(pageText()).toContain('竞赛结束后公布答案与解析');
    tap('ht-button', '我已阅读，开始答题');
    await waitUntil(() => pageText().includes('第 1/3 题'), 'the first question');
    expect(pageText()).toContain(attempt.questions[0]!.stem);
    expect(pageText()).toMatch(/(10:00|09:5\d)/);
    expect(callFunction).toHaveBeenCalledTimes(2);
    expect(callFunction).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'quiz', data: { action: 'start', input: { contestId: attempt.contestId } } }),
    );
  });

  it('点选答案即保存到本机，单选/判断自动进入下一题，多选可切换', async () => {
    tap('quiz-option', '1921年');
    await waitUntil(() => pageText().includes('第 2/3 题'), 'auto-advance to question 2');
    expect(savedAnswers()).toEqual({ 'q-founding': [1] });

    tap('quiz-option', '正确');
    await waitUntil(() => pageText().includes('第 3/3 题'), 'auto-advance to question 3');

    tap('quiz-option', '辽沈战役');
    await waitUntil(() => (savedAnswers()?.['q-campaigns']?.length ?? 0) === 1, 'the first multiple choice');
    tap('quiz-option', '淮海战役');
    await waitUntil(() => (savedAnswers()?.['q-campaigns']?.length ?? 0) === 2, 'the second multiple choice');
    tap('quiz-option', '平津战役');
    await waitUntil(() => (savedAnswers()?.['q-campaigns']?.length ?? 0) === 3, 'the third multiple choice');
    expect(savedAnswers()).toEqual({ 'q-founding': [1], 'q-zunyi': [0], 'q-campaigns': [0, 1, 2] });
    await waitUntil(() => pageText().includes('答题卡 3/3'), 'the answer sheet count');
  });

  it('交卷只调用一次 submit，带上全部答案，随后清除本机暂存并跳转结果页', async () => {
    tap('ht-button', '交卷');
    tap('ht-button', '交卷');
    await waitUntil(() => redirectTo.mock.calls.length > 0, 'wx.redirectTo to the result page');

    const submits = callFunction.mock.calls.filter(([param]) => param.data.action === 'submit');
    expect(submits).toHaveLength(1);
    expect(submits[0]?.[0].data.input).toEqual({
      attemptId: attempt.attemptId,
      answers: { 'q-founding': [1], 'q-zunyi': [0], 'q-campaigns': [0, 1, 2] },
    });
    expect(showModal).not.toHaveBeenCalled();
    expect(redirectTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: `/quiz/result/index?attemptId=${attempt.attemptId}&contestId=${attempt.contestId}` }),
    );
    expect(storage.has(`hongtu.quiz.attempt.${attempt.attemptId}`)).toBe(false);
  });
});
