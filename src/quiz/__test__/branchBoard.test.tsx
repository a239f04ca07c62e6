import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { resetTaroStub, router } from '../../components/__test__/taroStub';

jest.mock('@tarojs/taro', () => require('../../components/__test__/taroStub').taroModule);
jest.mock('../quiz.css', () => ({}));
jest.mock('@tarojs/components', () => require('../../components/__test__/taroComponentsStandIn'));
const callFunction = jest.fn();
jest.mock('../../services/cloud', () => ({ callFunction: (...args: unknown[]) => callFunction(...args) }));

import QuizBoardPage from '../board/index';

function branch(
  rank: number | null,
  branchName: string,
  participantCount: number,
  memberCount: number,
  averageScore: number,
  isMine = false,
) {
  return {
    rank,
    branchId: `b-${branchName}`,
    branchName,
    memberCount,
    participantCount,
    participationRate: participantCount / memberCount,
    averageScore,
    isMine,
  };
}

describe('排行榜页的支部榜', () => {
  beforeEach(() => {
    resetTaroStub();
    callFunction.mockReset();
    router.params = { contestId: 'contest-1' };
  });

  it('切换到支部榜后列出名次、支部、参与率、平均分和参与/总人数，本支部高亮，并注明更新时间和排名规则', async () => {
    callFunction.mockImplementation(async (_name: string, action: string) => {
      if (action === 'myRank') return { ok: true, data: { rank: 3, score: 90, durationMs: 60_000 } };
      if (action === 'leaderboard') return { ok: true, data: { items: [], nextCursor: null } };
      return {
        ok: true,
        data: {
          // 06:05 UTC is 14:05 in Shanghai.
          computedAt: '2026-11-23T06:05:00.000Z',
          participantCount: 19,
          items: [branch(1, '机关第一党支部', 13, 15, 88.46), branch(2, '退休第二党支部', 6, 12, 92, true)],
        },
      };
    });
    render(<QuizBoardPage />);
    expect(await screen.findByText('还没有人交卷')).toBeTruthy();
    expect(screen.getByText('我的排名')).toBeTruthy();

    fireEvent.click(screen.getByText('支部榜'));
    expect(await screen.findByText('机关第一党支部')).toBeTruthy();
    expect(callFunction).toHaveBeenCalledWith('quiz', 'branchBoard', { contestId: 'contest-1' }, { silentError: true });

    const first = screen.getByText('机关第一党支部').closest('.quiz-board__row') as HTMLElement;
    expect(first.textContent).toBe('1机关第一党支部参与 13/15 人参与率 86.7%平均 88.5 分');
    expect(first.className).not.toContain('quiz-board__row--me');
    const mine = screen.getByText('退休第二党支部（本支部）').closest('.quiz-board__row') as HTMLElement;
    expect(mine.className).toContain('quiz-board__row--me');
    expect(mine.textContent).toContain('参与率 50%');
    expect(mine.textContent).toContain('参与 6/12 人');

    expect(screen.getByText('数据更新于 14:05')).toBeTruthy();
    expect(screen.getByText('按参与率排名，参与率相同时比较参与者平均分；暂无人参赛的支部不排名。')).toBeTruthy();
    // The personal rank bar belongs to 个人榜 only.
    expect(screen.queryByText('我的排名')).toBeNull();

    fireEvent.click(screen.getByText('个人榜'));
    expect(await screen.findByText('还没有人交卷')).toBeTruthy();
  });

  it('支部榜加载失败时显示原因，点重试再次请求', async () => {
    callFunction.mockImplementation(async (_name: string, action: string) => {
      if (action === 'branchBoard') return { ok: false, error: { code: 'FORBIDDEN', message: '本场竞赛不公开排行榜' } };
      if (action === 'myRank') return { ok: true, data: { rank: null, score: null, durationMs: null } };
      return { ok: true, data: { items: [], nextCursor: null } };
    });
    render(<QuizBoardPage />);
    fireEvent.click(screen.getByText('支部榜'));
    expect(await screen.findByText('本场竞赛不公开排行榜')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    await waitFor(() => expect(callFunction.mock.calls.filter(([, action]) => action === 'branchBoard')).toHaveLength(2));
  });

  function boardWith(data: unknown) {
    callFunction.mockImplementation(async (_name: string, action: string) => {
      if (action === 'branchBoard') return { ok: true, data };
      if (action === 'myRank') return { ok: true, data: { rank: null, score: null, durationMs: null } };
      return { ok: true, data: { items: [], nextCursor: null } };
    });
  }

  it('还没有任何支部参赛时说“暂无支部参赛”，不列出名次', async () => {
    boardWith({
      computedAt: '2026-11-23T06:05:00.000Z',
      participantCount: 0,
      items: [branch(null, '机关第一党支部', 0, 15, 0), branch(null, '退休第二党支部', 0, 12, 0, true)],
    });
    render(<QuizBoardPage />);
    fireEvent.click(screen.getByText('支部榜'));
    expect(await screen.findByText('暂无支部参赛')).toBeTruthy();
    expect(screen.queryByText('机关第一党支部')).toBeNull();
    expect(document.querySelector('.quiz-board__rank')).toBeNull();
  });

  it('只有有人参赛的支部有名次和奖牌色，其余支部列在后面不排名', async () => {
    boardWith({
      computedAt: '2026-11-23T06:05:00.000Z',
      participantCount: 4,
      items: [branch(1, '机关第一党支部', 4, 15, 80), branch(null, '退休第二党支部', 0, 12, 0, true)],
    });
    render(<QuizBoardPage />);
    fireEvent.click(screen.getByText('支部榜'));
    const ranked = (await screen.findByText('机关第一党支部')).closest('.quiz-board__row') as HTMLElement;
    expect(ranked.querySelector('.quiz-board__rank--top')?.textContent).toBe('1');

    const unranked = screen.getByText('退休第二党支部（本支部）').closest('.quiz-board__row') as HTMLElement;
    expect(unranked.querySelector('.quiz-board__rank--top')).toBeNull();
    expect(unranked.querySelector('.quiz-board__rank')?.textContent).toBe('—');
    expect(unranked.textContent).toContain('暂无人参赛');
    expect(unranked.textContent).not.toContain('参与率');
  });
});
