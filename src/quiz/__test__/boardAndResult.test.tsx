import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import taro, { reachBottom, resetTaroStub, router } from '../../components/__test__/taroStub';

jest.mock('@tarojs/taro', () => require('../../components/__test__/taroStub').taroModule);
jest.mock('../quiz.css', () => ({}));
jest.mock('@tarojs/components', () => require('../../components/__test__/taroComponentsStandIn'));
const callFunction = jest.fn();
jest.mock('../../services/cloud', () => ({ callFunction: (...args: unknown[]) => callFunction(...args) }));

import QuizBoardPage from '../board/index';
import QuizResultPage from '../result/index';

function row(rank: number, name: string, isMe = false) {
  return { rank, name, branchName: '第一党支部', score: 100 - rank, durationMs: 60_000 + rank * 1000, isMe };
}

describe('排行榜页', () => {
  beforeEach(() => {
    resetTaroStub();
    callFunction.mockReset();
    router.params = { contestId: 'contest-1' };
  });

  it('按 nextCursor 分页，滚到底部加载下一页；我的行高亮，底部始终显示我的排名', async () => {
    callFunction.mockImplementation(async (_name: string, action: string, input: { cursor?: string }) => {
      if (action === 'myRank') return { ok: true, data: { rank: 42, score: 58, durationMs: 102_000 } };
      if (input.cursor === undefined) return { ok: true, data: { items: [row(1, '张明'), row(2, '林红', true)], nextCursor: '3~abc' } };
      return { ok: true, data: { items: [row(3, '王芳')], nextCursor: null } };
    });
    render(<QuizBoardPage />);
    expect(await screen.findByText('张明')).toBeTruthy();
    expect(screen.getByText('林红（我）').closest('.quiz-board__row')?.className).toContain('quiz-board__row--me');
    expect(await screen.findByText('第 42 名 · 58 分 · 01:42')).toBeTruthy();
    expect(screen.getByText('上滑加载更多')).toBeTruthy();

    act(() => reachBottom.handler?.());
    expect(await screen.findByText('王芳')).toBeTruthy();
    expect(screen.getByText('已显示全部')).toBeTruthy();
    const pages = callFunction.mock.calls.filter(([, action]) => action === 'leaderboard').map(([, , input]) => input);
    expect(pages).toEqual([
      { contestId: 'contest-1', cursor: undefined, pageSize: 20 },
      { contestId: 'contest-1', cursor: '3~abc', pageSize: 20 },
    ]);
  });

  it('还没有成绩时显示空状态，我的排名提示去答题', async () => {
    callFunction.mockImplementation(async (_name: string, action: string) =>
      action === 'myRank'
        ? { ok: true, data: { rank: null, score: null, durationMs: null } }
        : { ok: true, data: { items: [], nextCursor: null } },
    );
    render(<QuizBoardPage />);
    expect(await screen.findByText('还没有人交卷')).toBeTruthy();
    expect(await screen.findByText('暂无成绩，去答题吧')).toBeTruthy();
  });

  it('排行榜不公开时显示服务器给出的原因并可重试', async () => {
    callFunction.mockImplementation(async (_name: string, action: string) =>
      action === 'myRank'
        ? { ok: true, data: { rank: null, score: null, durationMs: null } }
        : { ok: false, error: { code: 'FORBIDDEN', message: '本场竞赛不公开排行榜' } },
    );
    render(<QuizBoardPage />);
    expect(await screen.findByText('本场竞赛不公开排行榜')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    await waitFor(() => expect(callFunction.mock.calls.filter(([, action]) => action === 'leaderboard')).toHaveLength(2));
  });
});

const result = {
  attemptId: 'att-1',
  contestId: 'contest-1',
  score: 10,
  maxScore: 15,
  correctCount: 2,
  questionCount: 3,
  durationMs: 125_400,
  submittedAt: '2026-11-23T08:02:05.000Z',
  onTime: true,
  switchCount: 0,
  autoSubmitted: false,
  reviewAvailableAt: null,
  review: [
    {
      questionId: 'q1',
      stem: '中共一大在哪一年召开？',
      options: ['1919年', '1921年'],
      chosen: [0],
      correct: [1],
      isCorrect: false,
      explanation: '1921年7月，中共一大在上海召开。',
    },
    {
      questionId: 'q2',
      stem: '遵义会议在贵州遵义召开。',
      options: ['正确', '错误'],
      chosen: [0],
      correct: [0],
      isCorrect: true,
      explanation: '1935年1月召开。',
    },
  ],
};

describe('结果页', () => {
  beforeEach(() => {
    resetTaroStub();
    callFunction.mockReset();
    router.params = { attemptId: 'att-1' };
  });

  it('显示得分、答对题数、用时和名次，逐题对照我的选择与正确答案并附解析', async () => {
    callFunction.mockImplementation(async (_name: string, action: string) =>
      action === 'result' ? { ok: true, data: result } : { ok: true, data: { rank: 7, score: 10, durationMs: 125_400 } },
    );
    render(<QuizResultPage />);
    expect(await screen.findByText('2/3')).toBeTruthy();
    expect(screen.getByText('02:05')).toBeTruthy();
    expect(await screen.findByText('第 7 名')).toBeTruthy();
    expect(callFunction).toHaveBeenCalledWith('quiz', 'myRank', { contestId: 'contest-1' }, { silentError: true });
    expect(screen.getByText('解析：1921年7月，中共一大在上海召开。')).toBeTruthy();
    expect(screen.getByText('A. 1919年').closest('.quiz-review__option')?.className).toContain('quiz-review__option--wrong');
    expect(screen.getByText('B. 1921年').closest('.quiz-review__option')?.className).toContain('quiz-review__option--correct');

    fireEvent.click(screen.getByText('只看错题（1）'));
    expect(screen.queryByText('解析：1935年1月召开。')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: '查看排行榜' }));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/quiz/board/index?contestId=contest-1' });
    fireEvent.click(screen.getByRole('button', { name: '返回' }));
    expect(taro.switchTab).toHaveBeenCalledWith({ url: '/pages/quiz/index' });
  });

  it('竞赛不展示解析时（review 为 null）只显示成绩', async () => {
    callFunction.mockImplementation(async (_name: string, action: string) =>
      action === 'result'
        ? { ok: true, data: { ...result, review: null } }
        : { ok: true, data: { rank: 7, score: 12, durationMs: 99_000 } },
    );
    render(<QuizResultPage />);
    expect(await screen.findByText('第 7 名')).toBeTruthy();
    expect(screen.getByText('排名（最佳 12 分）')).toBeTruthy();
    expect(screen.queryByText('答题解析')).toBeNull();
  });

  it('竞赛结束后才公布答案时不显示解析，写明公布时间', async () => {
    callFunction.mockImplementation(async (_name: string, action: string) =>
      action === 'result'
        ? // 10:00 UTC is 18:00 in Shanghai.
          { ok: true, data: { ...result, review: null, reviewAvailableAt: '2026-11-30T10:00:00.000Z' } }
        : { ok: true, data: { rank: 7, score: 10, durationMs: 125_400 } },
    );
    render(<QuizResultPage />);
    expect(await screen.findByText('答案与解析将在竞赛结束后（11月30日 周一 18:00）公布。')).toBeTruthy();
    expect(screen.queryByText('答题解析')).toBeNull();
  });

  it('切屏超过上限被自动交卷时说明原因；只是切出过的作答写明次数', async () => {
    callFunction.mockImplementation(async (_name: string, action: string) =>
      action === 'result'
        ? { ok: true, data: { ...result, switchCount: 3, autoSubmitted: true } }
        : { ok: true, data: { rank: 7, score: 10, durationMs: 125_400 } },
    );
    const view = render(<QuizResultPage />);
    expect((await screen.findByRole('alert')).textContent).toBe(
      '切出页面的次数超过了竞赛允许的次数，系统已自动交卷，按当时已作答的内容计分。',
    );
    view.unmount();

    callFunction.mockImplementation(async (_name: string, action: string) =>
      action === 'result'
        ? { ok: true, data: { ...result, switchCount: 2 } }
        : { ok: true, data: { rank: 7, score: 10, durationMs: 125_400 } },
    );
    render(<QuizResultPage />);
    expect(await screen.findByText('本次作答切出页面 2 次，已记录。')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('加载失败时显示错误并可重试', async () => {
    callFunction.mockResolvedValue({ ok: false, error: { code: 'NOT_FOUND', message: '内容不存在或已删除' } });
    render(<QuizResultPage />);
    expect(await screen.findByText('内容不存在或已删除')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    await waitFor(() => expect(callFunction).toHaveBeenCalledTimes(2));
  });
});
