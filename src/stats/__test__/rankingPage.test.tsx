import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import taro, { resetTaroStub } from '../../components/__test__/taroStub';
import { AS_OF, inputsOf, ok, orgAdmin, programme, secretary, serve, summary } from './fixtures';

jest.mock('@tarojs/taro', () => require('../../components/__test__/taroStub').taroModule);
jest.mock('@tarojs/components', () => require('../../components/__test__/formComponents'));
jest.mock('../stats.css', () => ({}));
jest.mock('../../components/PageShell', () => ({ PageShell: ({ children }: { children: ReactNode }) => children }));
const callFunction = jest.fn();
jest.mock('../../services/cloud', () => ({ callFunction: (...args: unknown[]) => callFunction(...args) }));
const openSpreadsheet = jest.fn(async (_url: string) => undefined);
jest.mock('../../utils/download', () => ({ openSpreadsheet: (url: string) => openSpreadsheet(url) }));

import OrgRankingPage from '../ranking/index';
import { EXPORT_POLL_MS } from '../ranking/LedgerExport';

/** A small branch at 90 % is ranked above a large one at 60 % with more completions; a branch without members has no rank. */
const branches = [
  { ...summary({ branchId: 'big', branchName: '机关第二党支部', members: 100, membersComplete: 30, completionRate: 0.6 }), rank: 2 },
  { ...summary({ branchId: 'empty', branchName: '新建党支部', members: 0, membersComplete: 0, completionRate: 0 }), rank: null },
  { ...summary({ branchId: 'small', branchName: '学生第一党支部', members: 10, membersComplete: 8, completionRate: 0.9 }), rank: 1 },
];

function rankingHandlers(exportLedger: () => Promise<unknown>, exportStatus: () => unknown) {
  return { orgRanking: () => ok({ programme, branches, asOf: AS_OF }), exportLedger, exportStatus };
}

beforeEach(() => {
  resetTaroStub();
  callFunction.mockReset();
  openSpreadsheet.mockClear();
});

afterEach(() => jest.useRealTimers());

describe('支部排名与台账', () => {
  it('按完成率排名并画成条形：小支部 90% 排在大支部 60% 之前，没有党员的支部不排名、排在最后；点支部打开它的看板', async () => {
    serve(callFunction, orgAdmin, rankingHandlers(jest.fn(), jest.fn()));
    render(<OrgRankingPage />);
    await screen.findByText('1. 学生第一党支部');

    const rows = Array.from(document.querySelectorAll('.stats-rank-row .stats-bar__label'), (label) => label.textContent);
    expect(rows).toEqual(['1. 学生第一党支部', '2. 机关第二党支部', '— 新建党支部']);
    expect(screen.getByRole('group', { name: '1. 学生第一党支部 90%' }).textContent).toContain('8/10 人全部完成 · 90%');

    fireEvent.click(screen.getByRole('group', { name: '2. 机关第二党支部 60%' }));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/stats/dashboard/index?branchId=big' });
  });

  it('导出台账：生成时按已汇总的支部显示进度，生成后打开文件并说明导出了什么', async () => {
    jest.useFakeTimers();
    let finish: (value: unknown) => void = () => undefined;
    const built = new Promise((resolve) => {
      finish = resolve;
    });
    serve(
      callFunction,
      orgAdmin,
      rankingHandlers(
        () => built,
        () => ok({ state: 'building', done: 3, total: 10 }),
      ),
    );
    render(<OrgRankingPage />);
    fireEvent.click(await screen.findByRole('button', { name: '导出台账（Excel）' }));
    expect(await screen.findByText('正在准备…')).toBeTruthy();

    await act(async () => {
      jest.advanceTimersByTime(EXPORT_POLL_MS);
    });
    expect(await screen.findByText('已汇总 3/10 个支部 · 30%')).toBeTruthy();
    const [exportInput] = inputsOf(callFunction, 'exportLedger');
    expect(exportInput?.programmeId).toBe('prog-2026');
    // The export and its polls share one job id.
    expect(inputsOf(callFunction, 'exportStatus')).toEqual([{ jobId: exportInput?.jobId }]);
    expect(openSpreadsheet).not.toHaveBeenCalled();

    await act(async () => {
      finish(ok({ fileId: 'cloud://env/ledger.xlsx', url: 'https://files.test/ledger.xlsx', fileName: '台账-2026.xlsx', branches: 12 }));
    });
    expect(await screen.findByText('已导出 12 个支部：台账-2026.xlsx')).toBeTruthy();
    expect(openSpreadsheet).toHaveBeenCalledWith('https://files.test/ledger.xlsx');
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('导出失败时回到可以重新导出的状态，不打开文件', async () => {
    serve(
      callFunction,
      orgAdmin,
      rankingHandlers(
        async () => ({ ok: false, error: { code: 'INTERNAL', message: '服务繁忙，请稍后重试' } }),
        () => ok({ state: 'unknown', done: 0, total: 0 }),
      ),
    );
    render(<OrgRankingPage />);
    fireEvent.click(await screen.findByRole('button', { name: '导出台账（Excel）' }));
    await waitFor(() => expect(inputsOf(callFunction, 'exportLedger')).toHaveLength(1));
    expect(await screen.findByRole('button', { name: '导出台账（Excel）' })).toBeTruthy();
    expect(openSpreadsheet).not.toHaveBeenCalled();
  });

  it('支部书记打不开排名页', async () => {
    serve(callFunction, secretary, rankingHandlers(jest.fn(), jest.fn()));
    render(<OrgRankingPage />);
    expect(await screen.findByText('仅组织部可以使用')).toBeTruthy();
    expect(inputsOf(callFunction, 'orgRanking')).toEqual([]);
  });
});
