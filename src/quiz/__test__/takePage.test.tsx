import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { StartOutput } from '../../../types/contracts/quiz';
import { loadAttempt, saveAttempt } from '../answersStore';
import taro, { modalReplies, resetTaroStub, router } from '../../components/__test__/taroStub';

jest.mock('@tarojs/taro', () => require('../../components/__test__/taroStub').taroModule);
jest.mock('../quiz.css', () => ({}));
jest.mock('@tarojs/components', () => require('../../components/__test__/taroComponentsStandIn'));
const callFunction = jest.fn();
jest.mock('../../services/cloud', () => ({ callFunction: (...args: unknown[]) => callFunction(...args) }));

import QuizTakePage from '../take/index';

const serverNow = new Date();
function attempt(overrides: Partial<StartOutput> = {}): StartOutput {
  return {
    attemptId: 'att-1',
    contestId: 'contest-1',
    title: '永州红色记忆 · 党史知识竞赛',
    attemptNo: 1,
    attemptsAllowed: 3,
    startedAt: serverNow.toISOString(),
    deadline: new Date(serverNow.getTime() + 600_000).toISOString(),
    serverNow: serverNow.toISOString(),
    questions: [
      { id: 'q1', type: 'single', stem: '中国共产党第一次全国代表大会在哪一年召开？', options: ['1919年', '1921年', '1927年'], points: 5 },
      { id: 'q2', type: 'judge', stem: '遵义会议在贵州遵义召开。', options: ['正确', '错误'], points: 5 },
      { id: 'q3', type: 'multiple', stem: '以下哪些属于三大战役？', options: ['辽沈战役', '淮海战役', '平津战役', '百团大战'], points: 5 },
    ],
    ...overrides,
  };
}

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
};

function respond(routes: Record<string, unknown | ((input: unknown) => unknown)>) {
  callFunction.mockImplementation(async (_name: string, action: string, input: unknown) => {
    const route = routes[action];
    if (route === undefined) throw new Error(`unexpected quiz.${action}`);
    return typeof route === 'function' ? (route as (input: unknown) => unknown)(input) : route;
  });
}

function option(text: string): HTMLElement {
  const node = screen.getByText(text).closest('.quiz-option');
  if (!node) throw new Error(`option ${text} not rendered`);
  return node as HTMLElement;
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
    respond({ start: answer(attempt()) });
    render(<QuizTakePage />);
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
    await screen.findByText('第 1/3 题');
    expect(screen.getByText(/^0[45]:\d\d$/)).toBeTruthy();
  });

  it('作答次数用完时说明原因并提供排行榜入口', async () => {
    respond({ start: { ok: false, error: { code: 'FULL', message: '作答次数已用完' } } });
    render(<QuizTakePage />);
    expect(await screen.findByText('作答次数已用完', { selector: '.ht-card__title' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '查看排行榜' }));
    expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/quiz/board/index?contestId=contest-1' });
  });

  it('另一台设备已开始作答（CONFLICT）时显示服务器的提示，重试会再次调用 start 并恢复作答', async () => {
    const replies = [{ ok: false, error: { code: 'CONFLICT', message: '已在另一台设备上开始作答，请刷新' } }, answer(attempt())];
    respond({ start: () => replies.shift() });
    render(<QuizTakePage />);
    expect(await screen.findByText('已在另一台设备上开始作答，请刷新')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findByText('第 1/3 题')).toBeTruthy();
    expect(calls('start')).toHaveLength(2);
  });
});
