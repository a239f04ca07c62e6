import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import taro, { reachBottom, resetTaroStub } from '../../components/__test__/taroStub';
import { answerCalls, author, meAs, orgAdmin, secretary } from './readingFixtures';
import { campaign, card, inputsOf, page } from './storyFixtures';

jest.mock('@tarojs/taro', () => require('../../components/__test__/taroStub').taroModule);
jest.mock('@tarojs/components', () => require('./readingFixtures'));
jest.mock('../reading.css', () => ({}));
jest.mock('../../components/PageShell', () => ({ PageShell: ({ children }: { children: ReactNode }) => children }));
const callFunction = jest.fn();
jest.mock('../../services/cloud', () => ({ callFunction: (...args: unknown[]) => callFunction(...args) }));

import StoryReviewPage from '../review/index';

const pendingCard = (id: string, title: string) => card({ id, title, status: 'pending', approvedAt: null });

beforeEach(() => {
  resetTaroStub();
  callFunction.mockReset();
});

describe('审核投稿', () => {
  it('支部书记看到本支部待审核的投稿（没有待评选），点开进入作品页审核', async () => {
    answerCalls(callFunction, {
      'member.me': () => meAs(secretary),
      'story.reviewQueue': () => page([pendingCard('s-1', '我身边的老党员'), pendingCard('s-2', '重走长征路')]),
    });
    render(<StoryReviewPage />);

    expect(await screen.findByText('我身边的老党员')).toBeTruthy();
    expect(screen.getAllByText('待支部审核')).toHaveLength(2);
    expect(screen.queryByRole('tab', { name: /待评选/ })).toBeNull();
    expect(inputsOf(callFunction, 'selectionQueue')).toEqual([]);

    fireEvent.click(screen.getByRole('link', { name: '重走长征路' }));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/story/detail/index?id=s-2' });
  });

  it('没有待审核的投稿时说“暂无待审核的投稿”', async () => {
    answerCalls(callFunction, { 'member.me': () => meAs(secretary), 'story.reviewQueue': () => page([]) });
    render(<StoryReviewPage />);
    expect(await screen.findByText('暂无待审核的投稿')).toBeTruthy();
  });

  it('队列超过一页时滚到底部接着加载', async () => {
    answerCalls(callFunction, {
      'member.me': () => meAs(secretary),
      'story.reviewQueue': (input) =>
        input.cursor ? page([pendingCard('s-21', '第二页的投稿')]) : page([pendingCard('s-1', '第一页的投稿')], 'next'),
    });
    render(<StoryReviewPage />);
    await screen.findByText('第一页的投稿');
    act(() => reachBottom.handler?.());
    expect(await screen.findByText('第二页的投稿')).toBeTruthy();
    expect(inputsOf(callFunction, 'reviewQueue')).toEqual([
      { pageSize: 20, cursor: undefined },
      { pageSize: 20, cursor: 'next' },
    ]);
  });

  it('组织部有「待审核」「待评选」两栏，看过的一栏在标签上写着数量，待评选可按征集筛选', async () => {
    answerCalls(callFunction, {
      'member.me': () => meAs(orgAdmin),
      'story.reviewQueue': () => page([pendingCard('s-1', '我身边的老党员')]),
      'story.campaigns': () => page([campaign()]),
      'story.selectionQueue': (input) =>
        page(
          input.campaignId
            ? [card({ id: 'r-2', title: '论井冈山精神', recommended: true, campaignTitle: '理论文章征集' })]
            : [
                card({ id: 'r-1', title: '半条被子的温暖', recommended: true }),
                card({ id: 'r-2', title: '论井冈山精神', recommended: true }),
              ],
        ),
    });
    render(<StoryReviewPage />);
    expect(await screen.findByText('我身边的老党员')).toBeTruthy();
    expect(screen.getByRole('tab', { name: '待审核 1' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: '待评选' })).toBeTruthy();

    fireEvent.click(screen.getByRole('tab', { name: '待评选' }));
    expect(await screen.findByText('半条被子的温暖')).toBeTruthy();
    expect(screen.getByRole('tab', { name: '待评选 2' })).toBeTruthy();

    fireEvent.click(await screen.findByRole('radio', { name: '理论文章征集' }));
    expect(await screen.findByText('参加「理论文章征集」')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('半条被子的温暖')).toBeNull());
    expect(inputsOf(callFunction, 'selectionQueue').at(-1)).toEqual({ pageSize: 20, cursor: undefined, campaignId: 'camp-1' });
    // A campaign's share is not the queue's size.
    expect(screen.getByRole('tab', { name: '待评选 2' })).toBeTruthy();
  });

  it('普通党员打开时说明只有支部书记和组织部可以使用，不请求审核队列', async () => {
    answerCalls(callFunction, { 'member.me': () => meAs(author) });
    render(<StoryReviewPage />);
    expect(await screen.findByText('仅支部书记和组织部可以使用')).toBeTruthy();
    expect(inputsOf(callFunction, 'reviewQueue')).toEqual([]);
  });
});
