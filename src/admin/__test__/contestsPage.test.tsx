import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import taro, { modalReplies, resetTaroStub } from '../../components/__test__/taroStub';
import { savedContest } from './contestFixtures';

jest.mock('@tarojs/taro', () => require('../../components/__test__/taroStub').taroModule);
jest.mock('../admin.css', () => ({}));
jest.mock('../contest/contest.css', () => ({}));
jest.mock('@tarojs/components', () => require('../../components/__test__/taroComponentsStandIn'));
jest.mock('../../components/PageShell', () => ({ PageShell: ({ children }: { children: ReactNode }) => children }));
const callFunction = jest.fn();
jest.mock('../../services/cloud', () => ({ callFunction: (...args: unknown[]) => callFunction(...args) }));

import AdminContestsPage from '../contests/index';

const contests = [
  savedContest({ id: 'c-draft', title: '草稿竞赛 · 党章知识', status: 'draft' }),
  savedContest({ id: 'c-upcoming', title: '未开始 · 长征精神', status: 'upcoming' }),
  savedContest({ id: 'c-open', title: '进行中 · 永州红色记忆', status: 'open', participantCount: 42, averageScore: 78.25 }),
  savedContest({
    id: 'c-open-2',
    title: '进行中 · 新时代',
    status: 'open',
    pace: 'perQuestion',
    secondsPerQuestion: 20,
    maxSwitches: null,
  }),
  savedContest({ id: 'c-closed', title: '已结束 · 抗战历史', status: 'closed', closedEarly: true, participantCount: 10, averageScore: 66 }),
];

function respond(extra: Record<string, unknown> = {}) {
  callFunction.mockImplementation(async (_name: string, action: string) => {
    if (action === 'adminContests') return { ok: true, data: { items: contests } };
    if (action in extra) return extra[action];
    throw new Error(`unexpected quiz.${action}`);
  });
}

function card(title: string): HTMLElement {
  const node = screen.getByText(title).closest('.admin-contest');
  if (!node) throw new Error(`no contest ${title}`);
  return node as HTMLElement;
}

function actions(title: string): string[] {
  return within(card(title))
    .getAllByRole('button')
    .map((button) => button.textContent ?? '');
}

function calls(action: string) {
  return callFunction.mock.calls.filter(([, called]) => called === action);
}

describe('竞赛管理列表', () => {
  beforeEach(() => {
    resetTaroStub();
    callFunction.mockReset();
  });

  it('按草稿/未开始/进行中/已结束分栏并显示各栏数量，进行中的显示参与人数和平均分', async () => {
    respond();
    render(<AdminContestsPage />);
    expect(await screen.findByText('进行中 · 永州红色记忆')).toBeTruthy();
    expect(screen.getByRole('tab', { name: '草稿 1' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: '进行中 2' })).toBeTruthy();
    expect(card('进行中 · 永州红色记忆').textContent).toContain('参与 42 人 · 平均 78.3 分');
    expect(card('进行中 · 新时代').textContent).toContain('逐题限时 20 秒');
    expect(card('进行中 · 新时代').textContent).toContain('切屏只记录');
    expect(card('进行中 · 新时代').textContent).toContain('暂无人交卷');
    expect(screen.queryByText('草稿竞赛 · 党章知识')).toBeNull();

    fireEvent.click(screen.getByRole('tab', { name: '已结束 1' }));
    expect(card('已结束 · 抗战历史').textContent).toContain('提前结束');
  });

  it('每种状态只给允许的操作：草稿可发布/编辑，未开始可编辑/撤回，进行中可提前结束，结束后看成绩；都可复制', async () => {
    respond();
    render(<AdminContestsPage />);
    await screen.findByText('进行中 · 永州红色记忆');
    expect(actions('进行中 · 永州红色记忆')).toEqual(['查看成绩', '提前结束', '复制']);
    fireEvent.click(screen.getByRole('tab', { name: '草稿 1' }));
    expect(actions('草稿竞赛 · 党章知识')).toEqual(['发布', '编辑', '复制']);
    fireEvent.click(screen.getByRole('tab', { name: '未开始 1' }));
    expect(actions('未开始 · 长征精神')).toEqual(['编辑', '撤回', '复制']);
    fireEvent.click(screen.getByRole('tab', { name: '已结束 1' }));
    expect(actions('已结束 · 抗战历史')).toEqual(['查看成绩', '复制']);

    fireEvent.click(within(card('已结束 · 抗战历史')).getByRole('button', { name: '查看成绩' }));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/admin/results/index?contestId=c-closed' });
  });

  it('发布草稿后弹出确认，说明党员会看到什么，并刷新列表', async () => {
    respond({ publishContest: { ok: true, data: { contestId: 'c-draft', status: 'upcoming' } } });
    render(<AdminContestsPage />);
    await screen.findByText('进行中 · 永州红色记忆');
    fireEvent.click(screen.getByRole('tab', { name: '草稿 1' }));
    fireEvent.click(within(card('草稿竞赛 · 党章知识')).getByRole('button', { name: '发布' }));
    await waitFor(() => expect(taro.showModal).toHaveBeenCalledTimes(1));
    expect(calls('publishContest')[0]?.[2]).toEqual({ contestId: 'c-draft' });
    expect(taro.showModal.mock.calls[0]?.[0]).toMatchObject({
      title: '竞赛已发布',
      content: expect.stringContaining('「草稿竞赛 · 党章知识」已发布'),
    });
    await waitFor(() => expect(calls('adminContests')).toHaveLength(2));
  });

  it('提前结束先确认：取消不调用，确认后调用 closeContest', async () => {
    respond({ closeContest: { ok: true, data: { contestId: 'c-open', endAt: new Date().toISOString() } } });
    render(<AdminContestsPage />);
    await screen.findByText('进行中 · 永州红色记忆');
    modalReplies.push(false);
    fireEvent.click(within(card('进行中 · 永州红色记忆')).getByRole('button', { name: '提前结束' }));
    await waitFor(() => expect(taro.showModal).toHaveBeenCalledTimes(1));
    expect(calls('closeContest')).toHaveLength(0);

    modalReplies.push(true);
    fireEvent.click(within(card('进行中 · 永州红色记忆')).getByRole('button', { name: '提前结束' }));
    await waitFor(() => expect(calls('closeContest')).toHaveLength(1));
    expect(calls('closeContest')[0]?.[2]).toEqual({ contestId: 'c-open' });
    await waitFor(() => expect(taro.showToast).toHaveBeenCalledWith({ title: '竞赛已结束', icon: 'success' }));
  });

  it('撤回未开始的竞赛需确认；复制任何竞赛得到草稿', async () => {
    respond({
      withdrawContest: { ok: true, data: { contestId: 'c-upcoming', status: 'draft' } },
      duplicateContest: { ok: true, data: { contestId: 'c-copy', questionCount: 10 } },
    });
    render(<AdminContestsPage />);
    await screen.findByText('进行中 · 永州红色记忆');
    fireEvent.click(screen.getByRole('tab', { name: '未开始 1' }));
    modalReplies.push(true);
    fireEvent.click(within(card('未开始 · 长征精神')).getByRole('button', { name: '撤回' }));
    await waitFor(() => expect(calls('withdrawContest')).toHaveLength(1));
    expect(taro.showModal.mock.calls[0]?.[0]).toMatchObject({ title: '撤回竞赛' });

    fireEvent.click(within(card('未开始 · 长征精神')).getByRole('button', { name: '复制' }));
    await waitFor(() => expect(calls('duplicateContest')).toHaveLength(1));
    expect(calls('duplicateContest')[0]?.[2]).toEqual({ contestId: 'c-upcoming' });
    await waitFor(() => expect(taro.showToast).toHaveBeenCalledWith({ title: '已复制为草稿', icon: 'success' }));
  });

  it('新建竞赛和编辑打开竞赛表单', async () => {
    respond();
    render(<AdminContestsPage />);
    await screen.findByText('进行中 · 永州红色记忆');
    fireEvent.click(screen.getByRole('button', { name: '新建竞赛' }));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/admin/contest/index' });
    fireEvent.click(screen.getByRole('tab', { name: '草稿 1' }));
    fireEvent.click(within(card('草稿竞赛 · 党章知识')).getByRole('button', { name: '编辑' }));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/admin/contest/index?contestId=c-draft' });
  });
});
