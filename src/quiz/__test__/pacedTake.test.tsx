import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import taro, { resetTaroStub, router } from '../../components/__test__/taroStub';
import { contestSummary, PACED_QUESTIONS, pacedAttempt } from './fixtures';

jest.mock('@tarojs/taro', () => require('../../components/__test__/taroStub').taroModule);
jest.mock('../quiz.css', () => ({}));
jest.mock('@tarojs/components', () => require('../../components/__test__/taroComponentsStandIn'));
const callFunction = jest.fn();
jest.mock('../../services/cloud', () => ({ callFunction: (...args: unknown[]) => callFunction(...args) }));

import QuizTakePage from '../take/index';

const ok = (data: unknown) => ({ ok: true, data });
const pacedContest = contestSummary({ pace: 'perQuestion', secondsPerQuestion: 30, timeLimitSec: 90 });

/** The server's reply to an on-time answer: the next question with its own deadline `secondsLeft` away. */
function released(index: number, secondsLeft: number, accepted = true) {
  const now = Date.now();
  return ok({
    accepted,
    next: { index, deadline: new Date(now + secondsLeft * 1000).toISOString(), question: PACED_QUESTIONS[index] },
    serverNow: new Date(now).toISOString(),
    result: null,
  });
}

const handedIn = ok({
  accepted: true,
  next: null,
  serverNow: new Date().toISOString(),
  result: {
    attemptId: 'att-1',
    contestId: 'contest-1',
    score: 10,
    maxScore: 15,
    correctCount: 2,
    questionCount: 3,
    durationMs: 40_000,
    submittedAt: new Date().toISOString(),
    onTime: true,
    switchCount: 0,
    autoSubmitted: false,
  },
});

function respond(start: unknown, answers: unknown[]) {
  callFunction.mockImplementation(async (_name: string, action: string) => {
    if (action === 'contests') return ok({ items: [pacedContest] });
    if (action === 'start') return start;
    if (action === 'answerQuestion') return answers.shift();
    throw new Error(`unexpected quiz.${action}`);
  });
}

function answerCalls() {
  return callFunction.mock.calls.filter(([, action]) => action === 'answerQuestion').map(([, , input]) => input as unknown);
}

function option(text: string): HTMLElement {
  const node = screen.getByText(text).closest('.quiz-option');
  if (!node) throw new Error(`option ${text} not rendered`);
  return node as HTMLElement;
}

/** The question's own countdown in the top bar. */
function clock(): string {
  return document.querySelector('.quiz-take__clock')?.textContent ?? '';
}

async function begin(): Promise<void> {
  render(<QuizTakePage />);
  fireEvent.click(await screen.findByRole('button', { name: '我已阅读，开始答题' }));
}

describe('答题页：逐题限时', () => {
  beforeEach(() => {
    resetTaroStub();
    callFunction.mockReset();
    router.params = { contestId: 'contest-1' };
  });

  it('须知说明逐题限时；一次只显示一题和它自己的倒计时，没有上一题和答题卡', async () => {
    respond(ok(pacedAttempt(0, 30)), []);
    render(<QuizTakePage />);
    expect(await screen.findByText(/逐题限时：每题 30 秒/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '我已阅读，开始答题' }));

    expect(await screen.findByText('第 1/3 题')).toBeTruthy();
    expect(clock()).toMatch(/^00:(30|29)$/);
    expect(screen.getByText(PACED_QUESTIONS[0]!.stem)).toBeTruthy();
    expect(screen.queryByText(PACED_QUESTIONS[1]!.stem)).toBeNull();
    expect(screen.queryByRole('button', { name: '上一题' })).toBeNull();
    expect(screen.queryByText(/答题卡/)).toBeNull();
  });

  it('单选点击即提交本题，服务器放出下一题后才显示，并按它自己的截止时间倒计时', async () => {
    let reply: (value: unknown) => void = () => undefined;
    callFunction.mockImplementation(async (_name: string, action: string) => {
      if (action === 'contests') return ok({ items: [pacedContest] });
      if (action === 'start') return ok(pacedAttempt(0, 30));
      return new Promise((resolve) => (reply = resolve));
    });
    await begin();
    await screen.findByText('第 1/3 题');

    fireEvent.click(option('1921年'));
    fireEvent.click(option('1927年'));
    await waitFor(() => expect(answerCalls()).toHaveLength(1));
    expect(answerCalls()[0]).toEqual({ attemptId: 'att-1', questionId: 'q1', chosen: [1] });
    expect(screen.getByText('第 1/3 题')).toBeTruthy();

    reply(released(1, 12));
    expect(await screen.findByText('第 2/3 题')).toBeTruthy();
    expect(clock()).toMatch(/^00:1[12]$/);
    expect(option('正确').className).not.toContain('quiz-option--chosen');
  });

  it('多选题切换选项后点“确定”提交；最后一题提交后服务器交卷，跳到结果页', async () => {
    respond(ok(pacedAttempt(2, 30)), [handedIn]);
    await begin();
    await screen.findByText('第 3/3 题');
    fireEvent.click(option('平津战役'));
    fireEvent.click(option('辽沈战役'));
    fireEvent.click(option('百团大战'));
    fireEvent.click(option('百团大战'));
    expect(answerCalls()).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: '确定并交卷' }));
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/quiz/result/index?attemptId=att-1&contestId=contest-1' }));
    expect(answerCalls()).toEqual([{ attemptId: 'att-1', questionId: 'q3', chosen: [0, 2] }]);
  });

  it('本题按服务器时间已到截止时刻时自动提交已选内容；服务器判为超时则提示按未作答计并进入下一题', async () => {
    const serverNow = new Date(Date.now() - 3_600_000);
    respond(ok(pacedAttempt(0, 0, { serverNow: serverNow.toISOString(), current: { index: 0, deadline: serverNow.toISOString() } })), [
      released(1, 30, false),
    ]);
    await begin();
    await screen.findByText('第 2/3 题');
    expect(answerCalls()).toEqual([{ attemptId: 'att-1', questionId: 'q1', chosen: [] }]);
    expect(taro.showToast).toHaveBeenCalledWith({ title: '本题已超时，按未作答计', icon: 'none' });
  });

  it('继续未交卷的逐题作答时从服务器当前放出的题开始', async () => {
    callFunction.mockImplementation(async (_name: string, action: string) => {
      if (action === 'contests')
        return ok({ items: [{ ...pacedContest, mine: { attemptsUsed: 1, openAttemptId: 'att-1', bestScore: null } }] });
      if (action === 'start') return ok(pacedAttempt(1, 20, { resumed: true }));
      throw new Error(`unexpected quiz.${action}`);
    });
    render(<QuizTakePage />);
    fireEvent.click(await screen.findByRole('button', { name: '继续答题' }));
    expect(await screen.findByText('第 2/3 题')).toBeTruthy();
    expect(screen.getByText(PACED_QUESTIONS[1]!.stem)).toBeTruthy();
  });
});
