import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { modalReplies, resetTaroStub, router } from '../../components/__test__/taroStub';
import { activeMember } from '../../components/__test__/membershipFixtures';
import { AS_OF, inputsOf, ok, orgAdmin, programme, secretary, serve, summary, type Handler } from './fixtures';

jest.mock('@tarojs/taro', () => require('../../components/__test__/taroStub').taroModule);
jest.mock('@tarojs/components', () => require('../../components/__test__/formComponents'));
jest.mock('../stats.css', () => ({}));
jest.mock('../../components/PageShell', () => ({ PageShell: ({ children }: { children: ReactNode }) => children }));
const callFunction = jest.fn();
jest.mock('../../services/cloud', () => ({ callFunction: (...args: unknown[]) => callFunction(...args) }));

import BranchDashboardPage from '../dashboard/index';

const behind = [
  { memberId: 'm-1', name: '赵红', doneCount: 1, missing: ['lesson', 'story', 'book', 'film', 'reflection'] },
  { memberId: 'm-2', name: '钱进', doneCount: 3, missing: ['book', 'film', 'reflection'] },
  { memberId: 'm-3', name: '孙立', doneCount: 5, missing: ['film'] },
];

const pendingReport = {
  id: 'report-1',
  memberName: '王建国',
  item: 'book',
  title: '红星照耀中国',
  note: '读懂了长征',
  photoUrl: 'https://files.test/report-1.jpg',
  reportedAt: '2026-06-18T02:00:00.000Z',
};

function handlers(overrides: Record<string, Handler> = {}): Record<string, Handler> {
  return {
    branchDashboard: () => ok({ programme, summary: summary(), months: [], asOf: AS_OF }),
    behindMembers: () => ok({ items: behind, nextCursor: null }),
    reportQueue: () => ok({ items: [], nextCursor: null }),
    ...overrides,
  };
}

beforeEach(() => {
  resetTaroStub();
  callFunction.mockReset();
});

describe('支部看板', () => {
  it('每一项按人数和比例画成条形，另有全部完成人数、答题参与和支部任务', async () => {
    serve(callFunction, secretary, handlers());
    render(<BranchDashboardPage />);

    expect(await screen.findByRole('group', { name: '阅读一本书籍 25%' })).toBeTruthy();
    expect(within(screen.getByRole('group', { name: '阅读一本书籍 25%' })).getByText('5/20 人 · 25%')).toBeTruthy();
    expect(within(screen.getByRole('group', { name: '参观一处景点 100%' })).getByText('20/20 人 · 100%')).toBeTruthy();
    expect(screen.getByRole('group', { name: '全部完成 2 人' })).toBeTruthy();
    expect(screen.getByRole('group', { name: '答题参与 15 人 · 75%' })).toBeTruthy();
    expect(screen.getByRole('group', { name: '报送党课视频 0%' })).toBeTruthy();
    // A secretary's own branch: the function decides which, so the page names none and shows no picker.
    expect(inputsOf(callFunction, 'branchDashboard')).toEqual([{}]);
    expect(screen.queryByText('支部：')).toBeNull();
  });

  it('选中进度落后的党员，确认后才提醒他们，然后说明已提醒几人', async () => {
    serve(
      callFunction,
      secretary,
      handlers({ remindMembers: (input) => ok({ queued: (input.memberIds as string[]).length, alreadyReminded: 0 }) }),
    );
    render(<BranchDashboardPage />);
    const first = await screen.findByRole('checkbox', { name: '赵红' });
    expect(within(first).getByText('已完成 1/6 · 未完成：党课、故事、读书、观影、心得')).toBeTruthy();

    fireEvent.click(first);
    fireEvent.click(screen.getByRole('checkbox', { name: '孙立' }));
    expect(screen.getByRole('checkbox', { name: '赵红' }).getAttribute('aria-checked')).toBe('true');

    // Cancelled in the dialog: nobody is reminded.
    fireEvent.click(screen.getByRole('button', { name: '提醒选中的 2 人' }));
    await waitFor(() => expect(screen.getByRole('button', { name: '提醒选中的 2 人' })).toBeTruthy());
    expect(inputsOf(callFunction, 'remindMembers')).toEqual([]);

    modalReplies.push(true);
    fireEvent.click(screen.getByRole('button', { name: '提醒选中的 2 人' }));
    expect(await screen.findByText('已提醒 2 人')).toBeTruthy();
    expect(inputsOf(callFunction, 'remindMembers')).toEqual([{ programmeId: 'prog-2026', memberIds: ['m-1', 'm-3'] }]);
    expect(screen.getByRole('checkbox', { name: '赵红' }).getAttribute('aria-checked')).toBe('false');
  });

  it('按未完成的项目筛选落后名单', async () => {
    serve(callFunction, secretary, handlers());
    render(<BranchDashboardPage />);
    await screen.findByRole('checkbox', { name: '赵红' });
    fireEvent.click(screen.getByRole('radio', { name: '观影' }));
    await waitFor(() => expect(inputsOf(callFunction, 'behindMembers')).toHaveLength(2));
    expect(inputsOf(callFunction, 'behindMembers')[1]).toEqual({ pageSize: 20, programmeId: 'prog-2026', item: 'film' });
  });

  it('退回自报必须写原因；确认的自报离开队列', async () => {
    let queue = [pendingReport];
    serve(
      callFunction,
      secretary,
      handlers({
        reportQueue: () => ok({ items: queue, nextCursor: null }),
        confirmReport: (input) => {
          queue = [];
          return ok({ status: input.accept ? 'confirmed' : 'declined' });
        },
      }),
    );
    const { container } = render(<BranchDashboardPage />);
    const card = await screen.findByRole('group', { name: '王建国的自报' });
    expect(within(card).getByAltText('红星照耀中国 的照片')).toBeTruthy();
    expect(within(card).getByText('《红星照耀中国》')).toBeTruthy();

    fireEvent.click(within(card).getByRole('button', { name: '退回' }));
    fireEvent.click(within(card).getByRole('button', { name: '确认退回' }));
    expect(await within(card).findByText('请写明退回原因，党员会看到')).toBeTruthy();
    expect(inputsOf(callFunction, 'confirmReport')).toEqual([]);

    fireEvent.change(container.querySelector('[name="reason-report-1"]')!, { target: { value: '照片看不清书名' } });
    fireEvent.click(within(card).getByRole('button', { name: '确认退回' }));
    expect(await screen.findByText('没有待确认的自报')).toBeTruthy();
    expect(inputsOf(callFunction, 'confirmReport')).toEqual([{ id: 'report-1', accept: false, reason: '照片看不清书名' }]);
  });

  it('组织部可以选择任一支部查看，从排名打开时先显示那个支部', async () => {
    router.params = { branchId: 'branch-2' };
    serve(callFunction, orgAdmin, handlers());
    render(<BranchDashboardPage />);
    await screen.findByRole('group', { name: '阅读一本书籍 25%' });
    expect(document.querySelector('.stats-branch-picker__value')?.textContent).toBe('第二党支部');
    expect(inputsOf(callFunction, 'branchDashboard')).toEqual([{ branchId: 'branch-2' }]);

    fireEvent.change(document.querySelector('select[name="branch"]')!, { target: { value: '0' } });
    await waitFor(() => expect(inputsOf(callFunction, 'branchDashboard').at(-1)).toEqual({ branchId: 'branch-1' }));
    await waitFor(() => expect(inputsOf(callFunction, 'behindMembers').at(-1)).toMatchObject({ branchId: 'branch-1' }));
  });

  it('普通党员打开看板只看到说明，不请求看板数据', async () => {
    serve(callFunction, activeMember, handlers());
    render(<BranchDashboardPage />);
    expect(await screen.findByText('仅支部书记和组织部可以使用')).toBeTruthy();
    expect(inputsOf(callFunction, 'branchDashboard')).toEqual([]);
  });
});
