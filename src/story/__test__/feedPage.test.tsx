import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import taro, { reachBottom, resetTaroStub, router } from '../../components/__test__/taroStub';
import { answerCalls } from './readingFixtures';
import { campaign, card, inputsOf, page } from './storyFixtures';

jest.mock('@tarojs/taro', () => require('../../components/__test__/taroStub').taroModule);
jest.mock('@tarojs/components', () => require('./readingFixtures'));
jest.mock('../reading.css', () => ({}));
jest.mock('../../components/PageShell', () => ({ PageShell: ({ children }: { children: ReactNode }) => children }));
const callFunction = jest.fn();
jest.mock('../../services/cloud', () => ({ callFunction: (...args: unknown[]) => callFunction(...args) }));

import StoryFeedPage from '../feed/index';

const feedInputs = () => inputsOf(callFunction, 'feed');

beforeEach(() => {
  resetTaroStub();
  callFunction.mockReset();
});

describe('红色故事：作品流', () => {
  it('默认列出全部类型的已发布作品，卡片写明类型、作者与支部、奖项和评议', async () => {
    answerCalls(callFunction, {
      'story.campaigns': () => page([]),
      'story.feed': () =>
        page([
          card({ award: 'first', rating: { count: 23, average: 4.6 } }),
          card({ id: 'story-2', kind: 'reflection', title: '', excerpt: '参观纪念馆后，我久久不能平静。', recommended: true }),
          card({ id: 'story-3', kind: 'lessonVideo', title: '党课：长征精神', videoSeconds: 1500 }),
        ]),
    });
    render(<StoryFeedPage />);

    expect(await screen.findByText('半条被子的温暖')).toBeTruthy();
    expect(screen.getByText('一等奖')).toBeTruthy();
    expect(screen.getByText('★ 4.6 · 23 人评议')).toBeTruthy();
    // An untitled 心得 is known by the start of its text.
    expect(screen.getByText('参观纪念馆后，我久久不能平静。')).toBeTruthy();
    expect(screen.getByText('已推荐')).toBeTruthy();
    expect(screen.getByText('▶ 25 分钟')).toBeTruthy();
    expect(feedInputs()).toEqual([{ pageSize: 10, cursor: undefined }]);

    fireEvent.click(screen.getByRole('link', { name: '半条被子的温暖' }));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/story/detail/index?id=story-1' });
  });

  it('按类型筛选：点「理论文章」只请求理论文章，回到「全部」不再带类型', async () => {
    answerCalls(callFunction, {
      'story.campaigns': () => page([]),
      'story.feed': (input) => page(input.kind === 'article' ? [card({ id: 'a-1', kind: 'article', title: '论井冈山精神' })] : [card()]),
    });
    render(<StoryFeedPage />);
    await screen.findByText('半条被子的温暖');

    fireEvent.click(screen.getByRole('tab', { name: '理论文章' }));
    expect(await screen.findByText('论井冈山精神')).toBeTruthy();
    expect(screen.queryByText('半条被子的温暖')).toBeNull();

    fireEvent.click(screen.getByRole('tab', { name: '全部' }));
    expect(await screen.findByText('半条被子的温暖')).toBeTruthy();
    expect(feedInputs().map((input) => input.kind)).toEqual([undefined, 'article', undefined]);
  });

  it('滚到底部接着加载下一页（带上游标），最后一页后显示“没有更多了”', async () => {
    answerCalls(callFunction, {
      'story.campaigns': () => page([]),
      'story.feed': (input) => (input.cursor === 'page-2' ? page([card({ id: 'story-11', title: '第十一篇' })]) : page([card()], 'page-2')),
    });
    render(<StoryFeedPage />);
    await screen.findByText('半条被子的温暖');
    expect(screen.getByRole('button', { name: '加载更多' })).toBeTruthy();

    act(() => reachBottom.handler?.());
    expect(await screen.findByText('第十一篇')).toBeTruthy();
    expect(screen.getByText('半条被子的温暖')).toBeTruthy();
    expect(screen.getByText('没有更多了')).toBeTruthy();
    expect(feedInputs()).toEqual([
      { pageSize: 10, cursor: undefined },
      { pageSize: 10, cursor: 'page-2' },
    ]);
  });

  it('从基地页带着 baseId 打开时只看这个基地的故事，筛选条可以移除', async () => {
    router.params = { baseId: 'base-7', label: '沙洲村红色教育基地' };
    answerCalls(callFunction, { 'story.campaigns': () => page([]), 'story.feed': () => page([card()]) });
    render(<StoryFeedPage />);
    await screen.findByText('半条被子的温暖');
    expect(feedInputs()).toEqual([{ pageSize: 10, cursor: undefined, baseId: 'base-7' }]);

    fireEvent.click(screen.getByRole('button', { name: '取消筛选：沙洲村红色教育基地' }));
    await waitFor(() => expect(feedInputs()).toHaveLength(2));
    expect(feedInputs()[1]).toEqual({ pageSize: 10, cursor: undefined });
    expect(screen.queryByText(/沙洲村红色教育基地/)).toBeNull();
  });

  it('正在征集的横幅写明截止日期，点它只看参加征集的作品，写投稿带上征集和类型', async () => {
    answerCalls(callFunction, {
      'story.campaigns': () => page([campaign(), campaign({ id: 'camp-old', title: '往年征集', state: 'closed' })]),
      'story.feed': () => page([card()]),
    });
    render(<StoryFeedPage />);

    fireEvent.click(await screen.findByRole('button', { name: '只看「理论文章征集」的作品' }));
    expect(screen.queryByText('往年征集')).toBeNull();
    await waitFor(() => expect(feedInputs().at(-1)).toEqual({ pageSize: 10, cursor: undefined, campaignId: 'camp-1' }));
    expect(screen.getByText('征集：理论文章征集')).toBeTruthy();

    fireEvent.click(screen.getByRole('tab', { name: '理论文章' }));
    await waitFor(() => expect(feedInputs().at(-1)).toEqual({ pageSize: 10, cursor: undefined, kind: 'article', campaignId: 'camp-1' }));
    await screen.findByText('半条被子的温暖');
    fireEvent.click(screen.getByRole('button', { name: '写投稿' }));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/story/edit/index?kind=article&campaignId=camp-1' });
  });

  it('横幅的截止时间按北京时间写：午夜截止写当天，其余写到分钟', async () => {
    answerCalls(callFunction, {
      'story.campaigns': () =>
        page([campaign(), campaign({ id: 'camp-2', title: '讲红色故事大赛', closesAt: '2026-07-01T10:00:00.000Z' })]),
      'story.feed': () => page([]),
    });
    render(<StoryFeedPage />);
    expect(await screen.findByText('理论文章征集 · 6月26日截止')).toBeTruthy();
    expect(screen.getByText('讲红色故事大赛 · 7月1日 18:00 截止')).toBeTruthy();
  });

  it('一篇也没有时说明作品从哪里来，加载失败可以重试', async () => {
    let fail = true;
    answerCalls(callFunction, {
      'story.campaigns': () => page([]),
      'story.feed': () => (fail ? { ok: false, error: { code: 'INTERNAL', message: '网络连接失败，请检查网络后重试' } } : page([])),
    });
    render(<StoryFeedPage />);
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findByText('还没有发布的作品')).toBeTruthy();
  });
});
