import { fireEvent, render, screen } from '@testing-library/react';
import type { ContestSummary } from '../../../types/contracts/quiz';
import { saveAttempt } from '../answersStore';
import { contestSummary } from './fixtures';
import taro, { resetTaroStub } from '../../components/__test__/taroStub';
import { ME_REPLIES } from '../../components/__test__/membershipFixtures';

jest.mock('@tarojs/taro', () => require('../../components/__test__/taroStub').taroModule);
jest.mock('../../pages/quiz/index.css', () => ({}));
jest.mock('@tarojs/components', () => require('../../components/__test__/taroComponentsStandIn'));
const callFunction = jest.fn();
jest.mock('../../services/cloud', () => ({ callFunction: (...args: unknown[]) => callFunction(...args) }));

import QuizPage from '../../pages/quiz/index';

function contest(id: string, title: string, status: 'open' | 'upcoming' | 'closed', mine: Partial<ContestSummary['mine']> = {}) {
  return contestSummary({
    id,
    title,
    status,
    startAt: '2026-11-01T00:00:00.000Z',
    endAt: '2099-12-31T15:59:59.000Z',
    questionCount: 20,
    mine: { attemptsUsed: 0, openAttemptId: null, bestScore: null, ...mine },
  });
}

const contests = [
  contest('c-closed', '往期竞赛', 'closed'),
  contest('c-fresh', '新竞赛', 'open'),
  contest('c-again', '已答过的竞赛', 'open', { attemptsUsed: 1, bestScore: 85 }),
  contest('c-resume', '答到一半的竞赛', 'open'),
  contest('c-later', '即将开始的竞赛', 'upcoming'),
];

describe('答题 tab 页', () => {
  beforeEach(() => {
    resetTaroStub();
    callFunction.mockReset();
    callFunction.mockImplementation(async (_name: string, action: string, input: { contestId?: string }) => {
      if (action === 'me') return ME_REPLIES.active;
      if (action === 'contests') return { ok: true, data: { items: contests } };
      if (input.contestId === 'c-again' || input.contestId === 'c-closed')
        return { ok: true, data: { rank: 3, score: 85, durationMs: 192_000 } };
      return { ok: true, data: { rank: null, score: null, durationMs: null } };
    });
  });

  it('进行中的竞赛按是否答过显示 开始答题 / 再答一次 / 继续答题，并显示我的最佳成绩', async () => {
    saveAttempt({ attemptId: 'att-9', contestId: 'c-resume', deadline: '2099-01-01T00:00:00.000Z', answers: { q1: [0] }, current: 1 });
    render(<QuizPage />);
    expect(await screen.findByText('新竞赛')).toBeTruthy();
    expect(await screen.findAllByText('我的最佳：85 分 · 用时 03:12')).toHaveLength(2);
    expect(screen.getAllByText('第 3 名')).toHaveLength(2);
    expect(screen.getByRole('button', { name: '开始答题' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '再答一次' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '继续答题' })).toBeTruthy();
    // Closed: board only; upcoming: nothing to do yet.
    expect(screen.getAllByRole('button', { name: '排行榜' })).toHaveLength(4);
    // Open contests come first.
    expect(Array.from(document.querySelectorAll('.ht-contest__title')).map((node) => node.textContent)[0]).toBe('新竞赛');

    fireEvent.click(screen.getByRole('button', { name: '开始答题' }));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/quiz/take/index?contestId=c-fresh' });
    fireEvent.click(screen.getAllByRole('button', { name: '排行榜' })[0]!);
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/quiz/board/index?contestId=c-fresh' });
  });

  it('服务器说有未交卷的作答时显示继续答题；次数用完时不再提供开始按钮；卡片写明答案公布方式', async () => {
    const items = [
      contest('c-other-phone', '在另一台手机上开始的竞赛', 'open', { attemptsUsed: 1, openAttemptId: 'att-7' }),
      contest('c-used', '次数用完的竞赛', 'open', { attemptsUsed: 3, bestScore: 60 }),
    ];
    callFunction.mockImplementation(async (_name: string, action: string) => {
      if (action === 'me') return ME_REPLIES.active;
      return action === 'contests' ? { ok: true, data: { items } } : { ok: true, data: { rank: null, score: null, durationMs: null } };
    });
    render(<QuizPage />);
    expect(await screen.findByText('次数用完的竞赛')).toBeTruthy();
    expect(screen.getByRole('button', { name: '继续答题' })).toBeTruthy();
    expect(screen.getByText('作答次数已用完')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '再答一次' })).toBeNull();
    expect(screen.getAllByText('竞赛结束后公布答案与解析')).toHaveLength(2);
  });
});
