import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { MistakeItem, PracticeResult, PracticeToday } from '../../../types/contracts/practice';
import { setLargeFont } from '../../services/largeFont';
import taro, { modalReplies, resetTaroStub, router } from '../../components/__test__/taroStub';

jest.mock('@tarojs/taro', () => require('../../components/__test__/taroStub').taroModule);
jest.mock('../quiz.css', () => ({}));
jest.mock('../practice/index.css', () => ({}));
jest.mock('@tarojs/components', () => require('../../components/__test__/taroComponentsStandIn'));
const callFunction = jest.fn();
jest.mock('../../services/cloud', () => ({ callFunction: (...args: unknown[]) => callFunction(...args) }));

import QuizPracticePage from '../practice/index';

const DAY = '2026-11-23';
const questions: PracticeToday['questions'] = [
  { id: 'q1', type: 'single', stem: '中国共产党第一次全国代表大会在哪一年召开？', options: ['1919年', '1921年', '1927年'] },
  { id: 'q2', type: 'judge', stem: '遵义会议在贵州遵义召开。', options: ['正确', '错误'] },
  { id: 'q3', type: 'multiple', stem: '以下哪些属于三大战役？', options: ['辽沈战役', '淮海战役', '平津战役', '百团大战'] },
  { id: 'q4', type: 'single', stem: '红军长征胜利结束的标志是哪次会师？', options: ['会宁会师', '懋功会师', '吴起镇会师'] },
  { id: 'q5', type: 'judge', stem: '中华人民共和国成立于1949年10月1日。', options: ['正确', '错误'] },
];

function today(overrides: Partial<PracticeToday> = {}): PracticeToday {
  return { day: DAY, questions, doneToday: false, result: null, streak: 2, bestStreak: 5, points: 40, daysDone: 9, ...overrides };
}

const result: PracticeResult = {
  day: DAY,
  correctCount: 4,
  questionCount: 5,
  pointsEarned: 4,
  submittedAt: '2026-11-23T02:05:00.000Z',
  review: questions.map((q, index) => ({
    questionId: q.id,
    type: q.type,
    stem: q.stem,
    options: q.options,
    chosen: [index === 0 ? 0 : 1],
    correct: [1],
    isCorrect: index !== 0,
    explanation: `解析${index + 1}：这是经过核实的史实。`,
  })),
};

function mistake(id: string, stem: string): MistakeItem {
  return {
    questionId: id,
    type: 'single',
    stem,
    options: ['1919年', '1921年', '1927年'],
    correct: [1],
    explanation: '1921年7月，中国共产党第一次全国代表大会召开。',
    wrongCount: 1,
    lastWrongAt: '2026-11-23T02:05:00.000Z',
  };
}

type Handler = (input: Record<string, unknown>) => unknown;
function respond(handlers: Record<string, Handler>) {
  callFunction.mockImplementation(async (_name: string, action: string, input: Record<string, unknown>) => {
    const handler = handlers[action];
    if (!handler) throw new Error(`unexpected quiz.${action}`);
    return handler(input);
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

describe('每日一练页', () => {
  beforeEach(() => {
    resetTaroStub();
    callFunction.mockReset();
    act(() => setLargeFont(false));
  });

  it('一题一题作答后提交今天的答案，结果页显示得分、积分、连续天数和每题解析', async () => {
    respond({
      practice: () => ({ ok: true, data: today() }),
      practiceSubmit: () => ({ ok: true, data: { result, streak: 3, bestStreak: 5, points: 44, daysDone: 10 } }),
    });
    render(<QuizPracticePage />);
    expect(await screen.findByText('第 1/5 题')).toBeTruthy();
    expect(screen.getByText('已连续 2 天，今天完成即可延续')).toBeTruthy();
    expect(screen.getByText('40')).toBeTruthy();

    fireEvent.click(option('1921年'));
    expect(option('1921年').className).toContain('quiz-option--chosen');
    fireEvent.click(screen.getByRole('button', { name: '下一题' }));
    fireEvent.click(option('正确'));
    fireEvent.click(screen.getByRole('button', { name: '下一题' }));
    fireEvent.click(option('辽沈战役'));
    fireEvent.click(option('平津战役'));
    fireEvent.click(screen.getByRole('button', { name: '下一题' }));
    fireEvent.click(option('吴起镇会师'));
    fireEvent.click(screen.getByRole('button', { name: '下一题' }));
    fireEvent.click(option('错误'));
    expect(screen.getByText('已答 5/5')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '提交' }));

    expect(await screen.findByText('+4 积分')).toBeTruthy();
    expect(calls('practiceSubmit')).toHaveLength(1);
    expect(calls('practiceSubmit')[0]![2]).toEqual({ day: DAY, answers: { q1: [1], q2: [0], q3: [0, 2], q4: [2], q5: [1] } });
    expect(taro.showModal).not.toHaveBeenCalled();
    expect(screen.getByText('已连续 3 天，明天继续')).toBeTruthy();
    expect(screen.getByText('44')).toBeTruthy();
    expect(screen.getByText('解析：解析1：这是经过核实的史实。')).toBeTruthy();
    expect(screen.getAllByText('答错')).toHaveLength(1);

    respond({ mistakes: () => ({ ok: true, data: { items: [], nextCursor: null, total: 0 } }) });
    fireEvent.click(screen.getByRole('button', { name: '去错题本（1 题已收录）' }));
    expect(await screen.findByText('错题本是空的')).toBeTruthy();
  });

  it('有未答题时提交先确认，取消则不提交；答案保存在本机，重新打开页面还在', async () => {
    respond({ practice: () => ({ ok: true, data: today() }) });
    const view = render(<QuizPracticePage />);
    fireEvent.click(await screen.findByText('1921年'));
    view.unmount();

    render(<QuizPracticePage />);
    expect(await screen.findByText('第 1/5 题')).toBeTruthy();
    expect(option('1921年').className).toContain('quiz-option--chosen');
    for (let i = 0; i < 4; i += 1) fireEvent.click(screen.getByRole('button', { name: '下一题' }));
    modalReplies.push(false);
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    await waitFor(() => expect(taro.showModal).toHaveBeenCalledTimes(1));
    expect((taro.showModal.mock.calls[0]![0] as { content: string }).content).toContain('还有 4 题未作答');
    expect(calls('practiceSubmit')).toHaveLength(0);
  });

  it('今天已完成时直接显示今天的结果', async () => {
    respond({ practice: () => ({ ok: true, data: today({ doneToday: true, result, streak: 3 }) }) });
    render(<QuizPracticePage />);
    expect(await screen.findByText('+4 积分')).toBeTruthy();
    expect(screen.queryByText('第 1/5 题')).toBeNull();
    expect(screen.getByText('解析：解析5：这是经过核实的史实。')).toBeTruthy();
  });

  it('加载中显示骨架，失败显示错误和重试，重试成功后显示题目', async () => {
    let fail = true;
    respond({
      practice: () =>
        fail ? { ok: false, error: { code: 'INTERNAL', message: '网络连接失败，请检查网络后重试' } } : { ok: true, data: today() },
    });
    render(<QuizPracticePage />);
    expect(screen.getByLabelText('加载中')).toBeTruthy();
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findByText('第 1/5 题')).toBeTruthy();
  });

  it('错题本：重做答错显示正确答案和解析并留在本中，答对后提示已移出', async () => {
    router.params = { tab: 'mistakes' };
    const items = [mistake('q1', '中国共产党第一次全国代表大会在哪一年召开？'), mistake('q9', '党的一大最后一天的会议转移到了哪里举行？')];
    respond({
      mistakes: () => ({ ok: true, data: { items, nextCursor: null, total: 2 } }),
      retryMistake: (input) => {
        const correct = JSON.stringify(input.answer) === '[1]';
        return {
          ok: true,
          data: {
            questionId: input.questionId,
            correct,
            resolved: correct,
            wrongCount: correct ? 1 : 2,
            correctAnswer: [1],
            explanation: '',
            remaining: correct ? 1 : 2,
          },
        };
      },
    });
    render(<QuizPracticePage />);
    expect(await screen.findByText('错题本（2 题）')).toBeTruthy();
    const [firstCard, secondCard] = Array.from(document.querySelectorAll<HTMLElement>('.practice-mistake'));

    fireEvent.click(firstCard!.querySelectorAll('.quiz-option')[0]!);
    fireEvent.click(screen.getAllByRole('button', { name: '提交重做' })[0]!);
    expect(await screen.findByText('还是答错了，已留在错题本')).toBeTruthy();
    expect(calls('retryMistake')[0]![2]).toEqual({ questionId: 'q1', answer: [0] });
    expect(firstCard!.textContent).toContain('答错 2 次');
    expect(firstCard!.textContent).toContain('正确答案');
    expect(firstCard!.textContent).toContain('解析：1921年7月');

    fireEvent.click(secondCard!.querySelectorAll('.quiz-option')[1]!);
    fireEvent.click(screen.getAllByRole('button', { name: '提交重做' })[0]!);
    expect(await screen.findByText('答对了，已移出错题本')).toBeTruthy();
    expect(screen.getByText('错题本（1 题）')).toBeTruthy();
  });

  it('错题本为空时显示空状态；切到今日一练会加载今天的题', async () => {
    router.params = { tab: 'mistakes' };
    respond({
      mistakes: () => ({ ok: true, data: { items: [], nextCursor: null, total: 0 } }),
      practice: () => ({ ok: true, data: today() }),
    });
    render(<QuizPracticePage />);
    expect(await screen.findByText('错题本是空的')).toBeTruthy();
    fireEvent.click(screen.getByText('今日一练'));
    expect(await screen.findByText('第 1/5 题')).toBeTruthy();
  });

  it('大字模式下页面使用放大的样式', async () => {
    respond({ practice: () => ({ ok: true, data: today() }) });
    act(() => setLargeFont(true));
    const { container } = render(<QuizPracticePage />);
    expect(await screen.findByText('第 1/5 题')).toBeTruthy();
    expect(container.querySelector('.ht-page--large')).toBeTruthy();
  });
});
