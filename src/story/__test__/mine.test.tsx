import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import taro, { resetTaroStub } from '../../components/__test__/taroStub';
import { serveStory } from './editHarness';
import { draftCard, inputsOf, page } from './storyFixtures';

jest.mock('@tarojs/taro', () => require('../../components/__test__/taroStub').taroModule);
jest.mock('@tarojs/components', () => require('../../components/__test__/taroComponentsStandIn'));
jest.mock('../authoring.css', () => ({}));
jest.mock('../../components/PageShell', () => ({ PageShell: ({ children }: { children: ReactNode }) => children }));
const callFunction = jest.fn();
jest.mock('../../services/cloud', () => ({ callFunction: (...args: unknown[]) => callFunction(...args) }));

import MyStoriesPage from '../mine/index';

const draft = draftCard({ id: 'draft-1', status: 'draft', title: '半条被子' });
const returned = draftCard({ id: 'returned-1', status: 'returned', title: '参观陈树湘纪念馆有感', statusNote: '请补充参观的具体感受' });
const rejected = draftCard({
  id: 'rejected-1',
  status: 'rejected',
  title: '家乡的红色记忆',
  statusNote: '正文含有不当内容（辱骂），请修改后再提交',
});
const published = draftCard({ id: 'approved-1', status: 'approved', title: '红色家书', approvedAt: '2026-06-22T02:00:00.000Z' });

/** `story.mine` answers by the statuses asked, each work needing its author with its note. */
function serveMine() {
  const all = [draft, returned, rejected, published];
  serveStory(callFunction, {
    mine: (input) => page(input.statuses ? all.filter((card) => (input.statuses as string[]).includes(card.status)) : all),
  });
}

function item(title: string): HTMLElement {
  return screen.getByRole('link', { name: title }).parentElement as HTMLElement;
}

beforeEach(() => {
  resetTaroStub();
  callFunction.mockReset();
});

describe('我的投稿', () => {
  it('全部列出每种状态的作品；退回的显示书记的退回意见，未通过检测的显示原因', async () => {
    serveMine();
    render(<MyStoriesPage />);
    await screen.findByRole('link', { name: '参观陈树湘纪念馆有感' });

    expect(await within(item('参观陈树湘纪念馆有感')).findByText('退回意见：请补充参观的具体感受')).toBeTruthy();
    expect(await within(item('家乡的红色记忆')).findByText('未通过原因：正文含有不当内容（辱骂），请修改后再提交')).toBeTruthy();
    expect(within(item('参观陈树湘纪念馆有感')).getByText('已退回修改')).toBeTruthy();
    expect(within(item('半条被子')).getByText('草稿')).toBeTruthy();
    // The notes come with the list: no work reads its own detail.
    expect(inputsOf(callFunction, 'detail')).toEqual([]);
  });

  it('按状态筛选：选“待修改”只请求退回和未通过安全检测的作品', async () => {
    serveMine();
    render(<MyStoriesPage />);
    await screen.findByRole('link', { name: '半条被子' });

    fireEvent.click(screen.getByRole('tab', { name: '待修改' }));
    await waitFor(() => expect(screen.queryByRole('link', { name: '半条被子' })).toBeNull());
    expect(screen.getByRole('link', { name: '参观陈树湘纪念馆有感' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '家乡的红色记忆' })).toBeTruthy();
    expect(inputsOf(callFunction, 'mine')).toEqual([{ pageSize: 20 }, { pageSize: 20, statuses: ['returned', 'rejected'] }]);
    expect(await screen.findByText('退回意见：请补充参观的具体感受')).toBeTruthy();

    fireEvent.click(screen.getByRole('tab', { name: '审核中' }));
    expect(await screen.findByText('没有待审核的投稿')).toBeTruthy();
    expect(inputsOf(callFunction, 'mine').at(-1)).toEqual({ pageSize: 20, statuses: ['checking', 'pending'] });
  });

  it('草稿和退回的作品打开编辑器，已发布的打开作品页', async () => {
    serveMine();
    render(<MyStoriesPage />);

    fireEvent.click(await screen.findByRole('link', { name: '半条被子' }));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/story/edit/index?id=draft-1' });
    fireEvent.click(screen.getByRole('link', { name: '参观陈树湘纪念馆有感' }));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/story/edit/index?id=returned-1' });
    fireEvent.click(screen.getByRole('link', { name: '红色家书' }));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/story/detail/index?id=approved-1' });
  });

  it('还没有投稿时邀请写第一篇，每类作品一个入口；写投稿按钮一直在', async () => {
    serveStory(callFunction, { mine: () => page([]) });
    render(<MyStoriesPage />);

    expect(await screen.findByText('还没有投稿')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '党课视频' }));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/story/edit/index?kind=lessonVideo' });
    fireEvent.click(screen.getByRole('button', { name: '写投稿' }));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/story/edit/index' });
  });

  it('加载失败时显示原因和重试', async () => {
    let fail = true;
    serveStory(callFunction, {
      mine: () => (fail ? { ok: false, error: { code: 'INTERNAL', message: '网络连接失败，请检查网络后重试' } } : page([draft])),
    });
    render(<MyStoriesPage />);
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findByRole('link', { name: '半条被子' })).toBeTruthy();
  });
});
