import { fireEvent, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { reachBottom, resetTaroStub, router } from '../../components/__test__/taroStub';

jest.mock('@tarojs/taro', () => require('../../components/__test__/taroStub').taroModule);
jest.mock('../admin.css', () => ({}));
jest.mock('../contest/contest.css', () => ({}));
jest.mock('@tarojs/components', () => require('../../components/__test__/taroComponentsStandIn'));
jest.mock('../../components/PageShell', () => ({ PageShell: ({ children }: { children: ReactNode }) => children }));
const callFunction = jest.fn();
jest.mock('../../services/cloud', () => ({ callFunction: (...args: unknown[]) => callFunction(...args) }));

import AdminResultsPage from '../results/index';

function attemptRow(overrides: Record<string, unknown> = {}) {
  return {
    attemptId: 'a-1',
    memberName: '林红',
    branchName: '机关第一党支部',
    attemptNo: 1,
    status: 'submitted',
    startedAt: '2026-11-23T06:00:00.000Z',
    submittedAt: '2026-11-23T06:03:12.000Z',
    score: 80,
    maxScore: 100,
    correctCount: 16,
    durationMs: 192_000,
    onTime: true,
    switchCount: 0,
    autoSubmitted: false,
    flags: [],
    ...overrides,
  };
}

const flagged = attemptRow({
  attemptId: 'a-2',
  memberName: '周卫国',
  switchCount: 4,
  autoSubmitted: true,
  flags: ['tooFast', 'sameAnswers'],
});

function respond(routes: Record<string, (input: Record<string, unknown>) => unknown>) {
  callFunction.mockImplementation(async (_name: string, action: string, input: Record<string, unknown>) => {
    const route = routes[action];
    if (!route) throw new Error(`unexpected quiz.${action}`);
    return route(input);
  });
}

function calls(action: string) {
  return callFunction.mock.calls.filter(([, called]) => called === action).map(([, , input]) => input as Record<string, unknown>);
}

describe('竞赛成绩页（组织者）', () => {
  beforeEach(() => {
    resetTaroStub();
    callFunction.mockReset();
    router.params = { contestId: 'contest-1' };
  });

  it('列出每次作答的成绩、用时、切屏次数和标记；翻页接着加载，可只看有标记或被自动交卷的', async () => {
    respond({
      contestAttempts: (input) => ({
        ok: true,
        data: { items: input.cursor ? [flagged] : [attemptRow()], nextCursor: input.cursor ? null : 'next' },
      }),
    });
    render(<AdminResultsPage />);
    const first = (await screen.findByText('林红 · 机关第一党支部')).closest('.admin-attempt') as HTMLElement;
    expect(first.textContent).toContain('80/100 分');
    expect(first.textContent).toContain('用时 03:12');
    expect(first.textContent).toContain('切屏 0 次');

    reachBottom.handler?.();
    const second = (await screen.findByText('周卫国 · 机关第一党支部')).closest('.admin-attempt') as HTMLElement;
    expect(second.textContent).toContain('切屏 4 次');
    expect(second.textContent).toContain('切屏超限自动交卷');
    expect(second.textContent).toContain('答题快于读题');
    expect(second.textContent).toContain('与他人答案完全相同');
    expect(calls('contestAttempts')[1]).toMatchObject({ contestId: 'contest-1', cursor: 'next' });

    fireEvent.click(screen.getByRole('radio', { name: '只看有标记的' }));
    expect(screen.queryByText('林红 · 机关第一党支部')).toBeNull();
    expect(screen.getByText('周卫国 · 机关第一党支部')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: '全部作答' }));
    expect(screen.getByText('林红 · 机关第一党支部')).toBeTruthy();
    expect(calls('contestAttempts')).toHaveLength(2);
  });

  it('导出成绩：服务器生成表格后在 H5 以链接下载，并说明导出了多少人', async () => {
    const clicked: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.href);
    });
    const previousEnv = process.env.TARO_ENV;
    process.env.TARO_ENV = 'h5';
    respond({
      contestAttempts: () => ({ ok: true, data: { items: [], nextCursor: null } }),
      exportResults: () => ({
        ok: true,
        data: { fileID: 'cloud://x/results.xlsx', url: 'https://files.example/results.xlsx', rows: 42, truncated: false },
      }),
    });
    try {
      render(<AdminResultsPage />);
      fireEvent.click(await screen.findByRole('button', { name: '导出成绩 Excel' }));
      expect(await screen.findByText('已导出 42 位党员的成绩。')).toBeTruthy();
      expect(calls('exportResults')).toEqual([{ contestId: 'contest-1' }]);
      expect(clicked).toEqual(['https://files.example/results.xlsx']);
    } finally {
      process.env.TARO_ENV = previousEnv;
      click.mockRestore();
    }
  });

  it('题目正确率：分类和题目都按正确率由低到高排列，低于 60% 的标红', async () => {
    respond({
      contestAttempts: () => ({ ok: true, data: { items: [], nextCursor: null } }),
      questionStats: () => ({
        ok: true,
        data: {
          attemptCount: 20,
          byCategory: [
            { category: '长征', askedCount: 40, correctCount: 36, correctRate: 0.9 },
            { category: '新时代', askedCount: 20, correctCount: 8, correctRate: 0.4 },
          ],
          items: [
            {
              questionId: 'q1',
              stem: '遵义会议在哪里召开？',
              type: 'single',
              category: '长征',
              askedCount: 20,
              correctCount: 19,
              correctRate: 0.95,
            },
            {
              questionId: 'q2',
              stem: '新时代的主要矛盾是什么？',
              type: 'single',
              category: '新时代',
              askedCount: 20,
              correctCount: 5,
              correctRate: 0.25,
            },
          ],
        },
      }),
    });
    render(<AdminResultsPage />);
    fireEvent.click(screen.getByRole('tab', { name: '题目正确率' }));
    await screen.findByText('新时代的主要矛盾是什么？');
    const names = Array.from(document.querySelectorAll('.admin-rate__name')).map((node) => node.textContent);
    expect(names).toEqual(['新时代', '长征', '新时代的主要矛盾是什么？', '遵义会议在哪里召开？']);
    const weak = screen.getByText('新时代的主要矛盾是什么？').closest('.admin-rate') as HTMLElement;
    expect(weak.querySelector('.admin-rate__value--weak')?.textContent).toBe('正确率 25%');
    const strong = screen.getByText('遵义会议在哪里召开？').closest('.admin-rate') as HTMLElement;
    expect(strong.querySelector('.admin-rate__value--weak')).toBeNull();
    expect(strong.textContent).toContain('长征 · 作答 20 次，答对 19 次');
  });

  it('还没有交卷的作答时正确率页说明暂无数据', async () => {
    respond({
      contestAttempts: () => ({ ok: true, data: { items: [], nextCursor: null } }),
      questionStats: () => ({ ok: true, data: { attemptCount: 0, byCategory: [], items: [] } }),
    });
    render(<AdminResultsPage />);
    expect(await screen.findByText('还没有人作答')).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: '题目正确率' }));
    expect((await screen.findAllByText('还没有交卷的作答')).length).toBe(2);
  });
});
