import { fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { ActivitySummary } from '../../../types/contracts/activity';
import type { MemberView } from '../../../types/contracts/member';
import taro, { resetTaroStub } from '../../components/__test__/taroStub';
import { meAnswer, member, secretary, summary } from './fixtures';

jest.mock('@tarojs/taro', () => require('../../components/__test__/taroStub').taroModule);
jest.mock('@tarojs/components', () => require('../../components/__test__/taroComponentsStandIn'));
jest.mock('../../components/PageShell', () => ({ PageShell: ({ children }: { children: ReactNode }) => children }));
const callFunction = jest.fn();
jest.mock('../../services/cloud', () => ({ callFunction: (...args: unknown[]) => callFunction(...args) }));

import ActivitiesPage from '../../pages/activities/index';

type Page = { items: ActivitySummary[]; nextCursor: string | null };

function serve(who: MemberView | null, pages: (input: { scope: string; cursor?: string }) => Page) {
  callFunction.mockImplementation(async (name: string, action: string, input: { scope: string; cursor?: string }) => {
    if (name === 'member' && action === 'me') return meAnswer(who);
    if (name === 'activity' && action === 'list') return { ok: true, data: pages(input) };
    throw new Error(`unexpected ${name}.${action}`);
  });
}

function listCalls() {
  return callFunction.mock.calls.filter(([, action]) => action === 'list').map(([, , input]) => input as Record<string, unknown>);
}

beforeEach(() => {
  resetTaroStub();
  callFunction.mockReset();
});

describe('活动页', () => {
  it('每一行写明类型、时间、地点和剩余名额；满员可候补的写“名额已满·可候补”，线上活动标明线上', async () => {
    serve(member, () => ({
      items: [
        summary({ id: 'a1', title: '重温入党誓词主题党日', capacity: 30, signedUpCount: 18 }),
        summary({ id: 'a2', title: '《觉醒年代》观影', kind: 'film', capacity: 20, signedUpCount: 20, waitlist: true }),
        summary({ id: 'a3', title: '线上党课', kind: 'lesson', online: true, place: '腾讯会议', capacity: null }),
      ],
      nextCursor: null,
    }));
    render(<ActivitiesPage />);

    const first = await screen.findByRole('link', { name: '重温入党誓词主题党日' });
    expect(within(first).getByText('主题党日')).toBeTruthy();
    expect(within(first).getByText('时间：11月30日 周一 14:30–16:30')).toBeTruthy();
    expect(within(first).getByText('地点：党员活动室')).toBeTruthy();
    expect(within(first).getByText('剩余 12 个名额')).toBeTruthy();
    expect(within(screen.getByRole('link', { name: '《觉醒年代》观影' })).getByText('名额已满·可候补')).toBeTruthy();
    const online = screen.getByRole('link', { name: '线上党课' });
    expect(within(online).getByText('地点：线上 · 腾讯会议')).toBeTruthy();
    expect(within(online).getByText('不限名额')).toBeTruthy();
    expect(listCalls()[0]).toEqual({ scope: 'upcoming', pageSize: 10, cursor: undefined });
  });

  it('点一行打开该活动的详情', async () => {
    serve(member, () => ({ items: [summary({ id: 'a1' })], nextCursor: null }));
    render(<ActivitiesPage />);
    fireEvent.click(await screen.findByRole('link', { name: '重温入党誓词主题党日' }));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/activity/detail/index?id=a1' });
  });

  it('切到“我的”按 mine 范围加载，并显示自己的报名状态', async () => {
    serve(member, ({ scope }) =>
      scope === 'mine'
        ? { items: [summary({ id: 'a1', title: '读书分享会', mine: 'waitlisted' })], nextCursor: null }
        : { items: [], nextCursor: null },
    );
    render(<ActivitiesPage />);
    await screen.findByText('近期没有安排活动');
    fireEvent.click(screen.getByRole('tab', { name: '我的' }));

    const row = await screen.findByRole('link', { name: '读书分享会' });
    expect(within(row).getByText('候补中')).toBeTruthy();
    expect(listCalls().map((input) => input.scope)).toEqual(['upcoming', 'mine']);
    expect(screen.getByRole('tab', { name: '我的' }).getAttribute('aria-selected')).toBe('true');
  });

  it('“加载更多”带上游标取下一页并接在后面', async () => {
    serve(member, ({ cursor }) =>
      cursor === 'c2'
        ? { items: [summary({ id: 'a2', title: '第二页的活动' })], nextCursor: null }
        : { items: [summary({ id: 'a1', title: '第一页的活动' })], nextCursor: 'c2' },
    );
    render(<ActivitiesPage />);
    await screen.findByText('第一页的活动');
    fireEvent.click(screen.getByRole('button', { name: '加载更多' }));

    expect(await screen.findByText('第二页的活动')).toBeTruthy();
    expect(screen.getByText('第一页的活动')).toBeTruthy();
    expect(listCalls()[1]).toEqual({ scope: 'upcoming', pageSize: 10, cursor: 'c2' });
    expect(screen.getByText('没有更多了')).toBeTruthy();
  });

  it('普通党员没有“发起活动”和“管理”', async () => {
    serve(member, () => ({ items: [], nextCursor: null }));
    render(<ActivitiesPage />);
    await screen.findByText('近期没有安排活动');
    expect(screen.queryByRole('button', { name: '发起活动' })).toBeNull();
    expect(screen.queryByRole('tab', { name: '管理' })).toBeNull();
  });

  it('支部书记有“发起活动”入口和“管理”分段，草稿和已取消的活动标明状态', async () => {
    serve(secretary, ({ scope }) =>
      scope === 'managed'
        ? {
            items: [
              summary({ id: 'a1', title: '还没发布的党课', status: 'draft' }),
              summary({ id: 'a2', title: '因雨取消的参观', status: 'cancelled' }),
            ],
            nextCursor: null,
          }
        : { items: [], nextCursor: null },
    );
    render(<ActivitiesPage />);
    fireEvent.click(await screen.findByRole('button', { name: '发起活动' }));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/activity/edit/index' });

    fireEvent.click(screen.getByRole('tab', { name: '管理' }));
    expect(within(await screen.findByRole('link', { name: '还没发布的党课' })).getByText('草稿')).toBeTruthy();
    expect(within(screen.getByRole('link', { name: '因雨取消的参观' })).getByText('已取消')).toBeTruthy();
    expect(screen.queryByText(/剩余/)).toBeNull();
    expect(listCalls().map((input) => input.scope)).toEqual(['upcoming', 'managed']);
  });

  it('第一页加载失败时显示错误和重试，重试成功后显示列表', async () => {
    let attempts = 0;
    callFunction.mockImplementation(async (_name: string, action: string) => {
      if (action === 'me') return meAnswer(member);
      attempts += 1;
      return attempts === 1
        ? { ok: false, error: { code: 'INTERNAL', message: '服务开小差了，请稍后再试' } }
        : { ok: true, data: { items: [summary()], nextCursor: null } };
    });
    render(<ActivitiesPage />);
    expect(await screen.findByText('服务开小差了，请稍后再试')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findByRole('link', { name: '重温入党誓词主题党日' })).toBeTruthy();
  });
});
