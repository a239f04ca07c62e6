/**
 * Where the feed is entered from: 首页's 红色故事, 我的's 投稿 rows (the reviewing and campaign rows
 * only for those who may use them) and a red base's 相关故事.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { MemberView } from '../../../types/contracts/member';
import taro, { resetTaroStub, router } from '../../components/__test__/taroStub';
import { answerCalls, author, meAs, orgAdmin, secretary } from './readingFixtures';
import { card, inputsOf, page } from './storyFixtures';

jest.mock('@tarojs/taro', () => require('../../components/__test__/taroStub').taroModule);
jest.mock('@tarojs/components', () => require('./readingFixtures'));
jest.mock('../../components/PageShell', () => ({ PageShell: ({ children }: { children: ReactNode }) => children }));
jest.mock('../../services/checkinQueue', () => ({ watchCheckinQueue: () => () => undefined }));
jest.mock('../../pages/home/index.css', () => ({}));
jest.mock('../../pages/me/index.css', () => ({}));
jest.mock('../../bases/bases.css', () => ({}));
const callFunction = jest.fn();
jest.mock('../../services/cloud', () => ({ callFunction: (...args: unknown[]) => callFunction(...args) }));

import BaseDetailPage from '../../bases/detail/index';
import HomePage from '../../pages/home/index';
import MePage from '../../pages/me/index';

const EMPTY = page([]);
const originalEnv = { ...process.env };

/** Every list empty unless `handlers` says otherwise; `who` is the caller. */
function as(who: MemberView, handlers: Record<string, (input: Record<string, unknown>) => unknown> = {}) {
  callFunction.mockImplementation(async (name: string, action: string, input: Record<string, unknown>) => {
    if (name === 'member' && action === 'me') return meAs(who);
    const handler = handlers[`${name}.${action}`];
    return handler ? handler(input) : { ok: true, data: { items: [], nextCursor: null, pendingCount: 0 } };
  });
}

beforeEach(() => {
  resetTaroStub();
  callFunction.mockReset();
  process.env = { ...originalEnv, TARO_ENV: 'h5' };
});

afterAll(() => {
  process.env = originalEnv;
});

describe('首页：红色故事', () => {
  it('列出最新的 3 篇已发布作品，“更多”进作品流，“写投稿”进写作页', async () => {
    as(author, { 'story.feed': () => page([card(), card({ id: 'story-2', title: '红旗渠的故事' })]) });
    render(<HomePage />);
    expect(await screen.findByText('红旗渠的故事')).toBeTruthy();
    expect(inputsOf(callFunction, 'feed')).toEqual([{ pageSize: 3 }]);

    fireEvent.click(screen.getByText('更多 ›'));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/story/feed/index' });
    fireEvent.click(screen.getByRole('button', { name: '写投稿' }));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/story/edit/index' });
  });

  it('还没有作品时请大家写第一篇', async () => {
    as(author);
    render(<HomePage />);
    expect(await screen.findByText('还没有发布的作品，来写第一篇吧')).toBeTruthy();
    expect(screen.getByRole('button', { name: '写投稿' })).toBeTruthy();
  });
});

describe('我的：投稿入口', () => {
  it('党员只看到“我的投稿”，没有审核投稿和征集活动管理，也不请求审核队列', async () => {
    as(author);
    render(<MePage />);
    fireEvent.click(await screen.findByText('我的投稿'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/story/mine/index' });
    expect(screen.queryByText('审核投稿')).toBeNull();
    expect(screen.queryByText('征集活动管理')).toBeNull();
    expect(inputsOf(callFunction, 'reviewQueue')).toEqual([]);
  });

  it('支部书记看到“审核投稿”，有待审核的作品时带“有待审核”；没有征集活动管理', async () => {
    as(secretary, { 'story.reviewQueue': () => page([card({ status: 'pending' })], 'more') });
    render(<MePage />);
    const entry = (await screen.findByText('审核投稿')).closest('.ht-cell') as HTMLElement;
    expect(await within(entry).findByText('有待审核')).toBeTruthy();
    expect(inputsOf(callFunction, 'reviewQueue')).toEqual([{ pageSize: 1 }]);
    expect(screen.queryByText('征集活动管理')).toBeNull();
    fireEvent.click(entry);
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/story/review/index' });
  });

  it('组织部还看到“征集活动管理”；没有待审核时不带标记', async () => {
    as(orgAdmin);
    render(<MePage />);
    fireEvent.click(await screen.findByText('征集活动管理'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/admin/campaigns/index' });
    await waitFor(() => expect(inputsOf(callFunction, 'reviewQueue')).toHaveLength(1));
    expect(screen.queryByText('有待审核')).toBeNull();
  });
});

describe('基地详情：相关故事', () => {
  const base = {
    id: 'base-7',
    name: '沙洲村红色教育基地',
    level: 'national',
    county: '汝城县',
    address: '文明瑶族乡沙洲村',
    theme: '半条被子',
    approximate: false,
    latitude: 25.5,
    longitude: 113.7,
    radiusM: 300,
    intro: '',
    photoFileIds: [],
    photoUrls: [],
  };

  it('列出关于这个基地的最新故事，“更多”进只看这个基地的作品流，可以写这里的故事', async () => {
    router.params = { id: 'base-7' };
    answerCalls(callFunction, {
      'member.me': () => meAs(author),
      'checkin.baseDetail': () => ({ ok: true, data: { base } }),
      'story.feed': () => page([card()]),
    });
    render(<BaseDetailPage />);
    expect(await screen.findByText('半条被子的温暖')).toBeTruthy();
    expect(inputsOf(callFunction, 'feed')).toEqual([{ baseId: 'base-7', pageSize: 3 }]);

    fireEvent.click(screen.getByText('更多 ›'));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({
      url: `/story/feed/index?baseId=base-7&label=${encodeURIComponent('沙洲村红色教育基地')}`,
    });
    fireEvent.click(screen.getByRole('button', { name: '写这里的故事' }));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/story/edit/index?baseId=base-7&kind=story' });
  });

  it('还没有故事时邀请来过的人写下见闻', async () => {
    router.params = { id: 'base-7' };
    answerCalls(callFunction, {
      'member.me': () => meAs(author),
      'checkin.baseDetail': () => ({ ok: true, data: { base } }),
      'story.feed': () => EMPTY,
    });
    render(<BaseDetailPage />);
    expect(await screen.findByText('还没有关于这里的故事。来过这里，就写下你的见闻和感受。')).toBeTruthy();
    expect(screen.queryByText('更多 ›')).toBeNull();
  });
});
