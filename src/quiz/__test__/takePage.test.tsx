import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { loadAttempt, saveAttempt } from '../answersStore';
import { contestSummary, wholeAttempt } from './fixtures';
import taro, { modalReplies, resetTaroStub, router } from '../../components/__test__/taroStub';

jest.mock('@tarojs/taro', () => require('../../components/__test__/taroStub').taroModule);
jest.mock('../quiz.css', () => ({}));
jest.mock('@tarojs/components', () => require('../../components/__test__/taroComponentsStandIn'));
const callFunction = jest.fn();
jest.mock('../../services/cloud', () => ({ callFunction: (...args: unknown[]) => callFunction(...args) }));

import QuizTakePage from '../take/index';

const serverNow = new Date();
const attempt = wholeAttempt;

function answer(result: unknown) {
  return { ok: true, data: result };
}

const submitted = {
  attemptId: 'att-1',
  contestId: 'contest-1',
  score: 10,
  maxScore: 15,
  correctCount: 2,
  questionCount: 3,
  durationMs: 61_000,
  submittedAt: serverNow.toISOString(),
  onTime: true,
  switchCount: 0,
  autoSubmitted: false,
};

const listed = (overrides: Parameters<typeof contestSummary>[0] = {}) => answer({ items: [contestSummary(overrides)] });

/** Routes by action; `contests` lists the open contest unless the test says otherwise. */
function respond(routes: Record<string, unknown | ((input: unknown) => unknown)>) {
  callFunction.mockImplementation(async (_name: string, action: string, input: unknown) => {
    const route = action === 'contests' && !('contests' in routes) ? listed() : routes[action];
    if (route === undefined) throw new Error(`unexpected quiz.${action}`);
    return typeof route === 'function' ? (route as (input: unknown) => unknown)(input) : route;
  });
}

function option(text: string): HTMLElement {
  const node = screen.getByText(text).closest('.quiz-option');
  if (!node) throw new Error(`option ${text} not rendered`);
  return node as HTMLElement;
}

/** 竞赛须知 comes first; the clock starts when the member confirms. */
async function confirmNotice(): Promise<void> {
  fireEvent.click(await screen.findByRole('button', { name: '我已阅读，开始答题' }));
}

let visibility: DocumentVisibilityState = 'visible';
Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });

/** The member switches to another app (H5 hides the tab). */
function leavePage(): void {
  visibility = 'hidden';
  act(() => {
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

function comeBack(): void {
  visibility = 'visible';
  act(() => {
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

function calls(action: string) {
  return callFunction.mock.calls.filter(([, called]) => called === action);
}

describe('答题页', () => {
  beforeEach(() => {
    resetTaroStub();
    callFunction.mockReset();
    router.params = { contestId: 'contest-1' };
  });

  it('只调用一次 start；单选点击即选中并自动进入下一题，每次改动都保存到本机', async () => {
    respond({ start: answer(attempt()) });
    render(<QuizTakePage />);
    await confirmNotice();
    expect(await screen.findByText('第 1/3 题')).toBeTruthy();
    expect(screen.getByText('10:00')).toBeTruthy();

    fireEvent.click(option('1921年'));
    expect(option('1921年').className).toContain('quiz-option--chosen');
    expect(loadAttempt('att-1')?.answers).toEqual({ q1: [1] });

    expect(await screen.findByText('第 2/3 题')).toBeTruthy();
    expect(loadAttempt('att-1')?.current).toBe(1);
    fireEvent.click(option('正确'));
    expect(await screen.findByText('第 3/3 题')).toBeTruthy();

    // Multiple choice toggles and stays on the question.
    fireEvent.click(option('辽沈战役'));
    fireEvent.click(option('平津战役'));
    fireEvent.click(option('辽沈战役'));
    expect(loadAttempt('att-1')?.answers).toEqual({ q1: [1], q2: [0], q3: [2] });
    expect(screen.getByText('第 3/3 题')).toBeTruthy();
    expect(calls('start')).toHaveLength(1);
    expect(calls('start')[0]?.[2]).toEqual({ contestId: 'contest-1' });
  });

  it('重新打开同一未交卷的作答时恢复之前的答案和题号', async () => {
    saveAttempt({ attemptId: 'att-1', contestId: 'contest-1', deadline: attempt().deadline, answers: { q1: [0], q3: [1, 3] }, current: 2 });
    respond({
      contests: listed({ mine: { attemptsUsed: 1, openAttemptId: 'att-1', bestScore: null } }),
      start: answer(attempt({ resumed: true })),
    });
    render(<QuizTakePage />);
    fireEvent.click(await screen.findByRole('button', { name: '继续答题' }));
    expect(await screen.findByText('第 3/3 题')).toBeTruthy();
    expect(option('淮海战役').className).toContain('quiz-option--chosen');
    expect(option('百团大战').className).toContain('quiz-option--chosen');
    expect(screen.getByText('答题卡 2/3')).toBeTruthy();
  });

  it('有未答题时先确认，取消不提交；确认后一次提交全部答案，连点只提交一次，成功后清除暂存并跳到结果页', async () => {
    let release: (value: unknown) => void = () => undefined;
    respond({
      start: answer(attempt()),
      submit: () => new Promise((resolve) => (release = resolve)),
    });
    render(<QuizTakePage />);
    await confirmNotice();
    await screen.findByText('第 1/3 题');
    fireEvent.click(option('1927年'));
    await screen.findByText('第 2/3 题');
    fireEvent.click(screen.getByText('答题卡 1/3'));
    fireEvent.click(screen.getByText('3'));
    await screen.findByText('第 3/3 题');
    fireEvent.click(option('辽沈战役'));
    fireEvent.click(option('淮海战役'));

    modalReplies.push(false);
    fireEvent.click(screen.getByRole('button', { name: '交卷' }));
    await waitFor(() => expect(taro.showModal).toHaveBeenCalledTimes(1));
    expect(taro.showModal.mock.calls[0]?.[0]).toMatchObject({ content: expect.stringContaining('还有 1 题未作答') });
    expect(calls('submit')).toHaveLength(0);

    modalReplies.push(true);
    fireEvent.click(screen.getByRole('button', { name: '交卷' }));
    await waitFor(() => expect(calls('submit')).toHaveLength(1));
    fireEvent.click(screen.getByRole('button', { name: '交卷' }));
    fireEvent.click(screen.getByRole('button', { name: '交卷' }));
    expect(calls('submit')).toHaveLength(1);
    expect(calls('submit')[0]?.[2]).toEqual({ attemptId: 'att-1', answers: { q1: [2], q3: [0, 1] } });

    release(answer(submitted));
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledTimes(1));
    expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/quiz/result/index?attemptId=att-1&contestId=contest-1' });
    expect(loadAttempt('att-1')).toBeNull();
  });

  it('全部答完时交卷不再确认，提交失败后答案仍在且可再次交卷', async () => {
    const results = [{ ok: false, error: { code: 'INTERNAL', message: '网络连接失败，请检查网络后重试' } }, answer(submitted)];
    respond({ start: answer(attempt()), submit: () => results.shift() });
    saveAttempt({
      attemptId: 'att-1',
      contestId: 'contest-1',
      deadline: attempt().deadline,
      answers: { q1: [1], q2: [0], q3: [0, 1, 2] },
      current: 2,
    });
    render(<QuizTakePage />);
    await confirmNotice();
    await screen.findByText('第 3/3 题');

    fireEvent.click(screen.getByRole('button', { name: '交卷' }));
    await waitFor(() => expect(calls('submit')).toHaveLength(1));
    await waitFor(() => expect(screen.getByRole('button', { name: '交卷' }).hasAttribute('disabled')).toBe(false));
    expect(taro.showModal).not.toHaveBeenCalled();
    expect(loadAttempt('att-1')?.answers).toEqual({ q1: [1], q2: [0], q3: [0, 1, 2] });

    fireEvent.click(screen.getByRole('button', { name: '交卷' }));
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledTimes(1));
    expect(calls('submit')).toHaveLength(2);
  });

  it('按服务器时间已到截止时刻时自动交卷，不再弹确认', async () => {
    // The phone clock is an hour fast, but the server says only its own deadline counts: time is up.
    const now = new Date(Date.now() - 3_600_000);
    respond({
      start: answer(attempt({ serverNow: now.toISOString(), deadline: now.toISOString() })),
      submit: answer(submitted),
    });
    render(<QuizTakePage />);
    await confirmNotice();
    await waitFor(() => expect(calls('submit')).toHaveLength(1));
    expect(calls('submit')[0]?.[2]).toEqual({ attemptId: 'att-1', answers: {} });
    expect(taro.showToast).toHaveBeenCalledWith({ title: '时间到，已自动交卷', icon: 'none' });
    expect(taro.showModal).not.toHaveBeenCalled();
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledTimes(1));
  });

  it('手机时钟比服务器慢时，倒计时仍按服务器剩余时间显示', async () => {
    const serverClock = new Date(Date.now() + 7_200_000);
    respond({
      start: answer(attempt({ serverNow: serverClock.toISOString(), deadline: new Date(serverClock.getTime() + 300_000).toISOString() })),
    });
    render(<QuizTakePage />);
    await confirmNotice();
    await screen.findByText('第 1/3 题');
    expect(screen.getByText(/^0[45]:\d\d$/)).toBeTruthy();
  });

  it('作答次数用完时说明原因并提供排行榜入口', async () => {
    respond({ start: { ok: false, error: { code: 'FULL', message: '作答次数已用完' } } });
    render(<QuizTakePage />);
    await confirmNotice();
    expect(await screen.findByText('作答次数已用完', { selector: '.ht-card__title' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '查看排行榜' }));
    expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/quiz/board/index?contestId=contest-1' });
  });

  it('另一台设备已开始作答（CONFLICT）时显示服务器的提示，重试会再次调用 start 并恢复作答', async () => {
    const replies = [{ ok: false, error: { code: 'CONFLICT', message: '已在另一台设备上开始作答，请刷新' } }, answer(attempt())];
    respond({ start: () => replies.shift() });
    render(<QuizTakePage />);
    await confirmNotice();
    expect(await screen.findByText('已在另一台设备上开始作答，请刷新')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    await confirmNotice();
    expect(await screen.findByText('第 1/3 题')).toBeTruthy();
    expect(calls('start')).toHaveLength(2);
  });

  it('竞赛须知写明说明、题量、时限、次数、答案公布方式和切屏规则，确认前不调用 start', async () => {
    respond({
      contests: listed({
        maxSwitches: 2,
        description: '以最好成绩计入排行榜。',
        mine: { attemptsUsed: 1, openAttemptId: null, bestScore: 60 },
      }),
      start: answer(attempt()),
    });
    render(<QuizTakePage />);
    expect(await screen.findByText('竞赛须知')).toBeTruthy();
    expect(screen.getByText('以最好成绩计入排行榜。')).toBeTruthy();
    expect(screen.getByText(/共 3 题，限时 10 分钟/)).toBeTruthy();
    expect(screen.getByText('每人可答 3 次，你还可以答 2 次。')).toBeTruthy();
    expect(screen.getByText('竞赛结束后公布答案与解析。')).toBeTruthy();
    expect(screen.getByText(/超过 2 次将自动交卷/)).toBeTruthy();
    expect(calls('start')).toHaveLength(0);

    await confirmNotice();
    expect(await screen.findByText('第 1/3 题')).toBeTruthy();
    expect(calls('start')).toHaveLength(1);
  });

  it('次数已用完且没有未交卷的作答时直接说明，不调用 start', async () => {
    respond({ contests: listed({ mine: { attemptsUsed: 3, openAttemptId: null, bestScore: 80 } }) });
    render(<QuizTakePage />);
    expect(await screen.findByText('作答次数已用完', { selector: '.ht-card__title' })).toBeTruthy();
    expect(calls('start')).toHaveLength(0);
  });

  it('继续未交卷的作答时先说明剩余时间（按服务器截止时间），计时不暂停', async () => {
    const now = new Date();
    respond({
      contests: listed({ mine: { attemptsUsed: 1, openAttemptId: 'att-1', bestScore: null } }),
      start: answer(attempt({ resumed: true, serverNow: now.toISOString(), deadline: new Date(now.getTime() + 272_000).toISOString() })),
    });
    render(<QuizTakePage />);
    expect(await screen.findByText('继续上次的作答')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toMatch(/剩余时间 04:(32|31)/);
    expect(screen.queryByText('竞赛须知')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '继续答题' }));
    expect(await screen.findByText('第 1/3 题')).toBeTruthy();
  });

  it('切屏一次报告一次并带上已选答案；显示已切出次数和上限', async () => {
    respond({
      contests: listed({ maxSwitches: 3 }),
      start: answer(attempt({ maxSwitches: 3 })),
      reportSwitch: answer({ switchCount: 1, maxSwitches: 3, autoSubmitted: false, result: null }),
    });
    render(<QuizTakePage />);
    await confirmNotice();
    expect(await screen.findByText('已切出 0 次，超过 3 次将自动交卷')).toBeTruthy();
    fireEvent.click(option('1921年'));

    leavePage();
    leavePage();
    expect(await screen.findByText('已切出 1 次，超过 3 次将自动交卷')).toBeTruthy();
    expect(calls('reportSwitch')).toHaveLength(1);
    expect(calls('reportSwitch')[0]?.[2]).toEqual({ attemptId: 'att-1', answers: { q1: [1] } });
    comeBack();
  });

  it('切屏超过上限被服务器自动交卷时，提示原因、清除暂存并跳到结果页', async () => {
    respond({
      start: answer(attempt({ maxSwitches: 0 })),
      reportSwitch: answer({ switchCount: 1, maxSwitches: 0, autoSubmitted: true, result: { ...submitted, autoSubmitted: true } }),
    });
    render(<QuizTakePage />);
    await confirmNotice();
    await screen.findByText('第 1/3 题');
    fireEvent.click(option('1927年'));
    leavePage();
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/quiz/result/index?attemptId=att-1&contestId=contest-1' }));
    expect(taro.showToast).toHaveBeenCalledWith({ title: '切屏次数超过限制，已自动交卷', icon: 'none' });
    expect(loadAttempt('att-1')).toBeNull();
    expect(calls('submit')).toHaveLength(0);
    comeBack();
  });
});
