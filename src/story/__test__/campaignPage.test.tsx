import { fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import taro, { resetTaroStub, router } from '../../components/__test__/taroStub';
import { answerCalls } from './readingFixtures';
import { campaign, card, inputsOf, page } from './storyFixtures';

jest.mock('@tarojs/taro', () => require('../../components/__test__/taroStub').taroModule);
jest.mock('@tarojs/components', () => require('./readingFixtures'));
jest.mock('../reading.css', () => ({}));
jest.mock('../../components/PageShell', () => ({ PageShell: ({ children }: { children: ReactNode }) => children }));
const callFunction = jest.fn();
jest.mock('../../services/cloud', () => ({ callFunction: (...args: unknown[]) => callFunction(...args) }));

import StoryCampaignPage from '../campaign/index';

const branch = (overrides: Record<string, unknown>) => ({
  rank: 1,
  branchId: 'branch-1',
  branchName: '第一党支部',
  members: 10,
  authors: 9,
  approved: 12,
  participationRate: 0.9,
  selected: 2,
  averageRating: 4.5,
  quotasMet: true,
  ...overrides,
});

const RANKING = {
  works: [
    { rank: 1, score: 87.5, work: card({ id: 'w-1', title: '论井冈山精神', kind: 'article', award: 'first', selected: true }) },
    { rank: 2, score: 61.2, work: card({ id: 'w-2', title: '红色家书里的初心', kind: 'article' }) },
  ],
  branches: [
    branch({}),
    branch({
      rank: 2,
      branchId: 'branch-2',
      branchName: '第二党支部',
      members: 40,
      authors: 12,
      approved: 20,
      participationRate: 0.3,
      selected: 0,
      averageRating: null,
      quotasMet: false,
    }),
    branch({
      rank: null,
      branchId: 'branch-3',
      branchName: '第三党支部',
      members: 8,
      authors: 0,
      approved: 0,
      participationRate: 0,
      selected: 0,
      averageRating: null,
      quotasMet: false,
    }),
  ],
};

function opens(shown = campaign()) {
  router.params = { id: 'camp-1' };
  answerCalls(callFunction, {
    'story.campaigns': (input) => (input.cursor ? page([shown]) : page([campaign({ id: 'camp-other', title: '别的征集' })], 'page-2')),
    'story.feed': () => page([card({ id: 'w-1', title: '论井冈山精神', kind: 'article' })]),
    'story.campaignRanking': () => ({ ok: true, data: RANKING }),
  });
  render(<StoryCampaignPage />);
}

beforeEach(() => {
  resetTaroStub();
  callFunction.mockReset();
});

describe('征集活动页', () => {
  it('写明说明、作品类型、截止时间、奖项和群众评议；翻页找到这次征集', async () => {
    opens();
    expect(await screen.findByText('6月26日 24:00 截止')).toBeTruthy();
    expect(screen.getByText('征集中')).toBeTruthy();
    expect(screen.getByText('围绕本地红色资源，自拟题目。')).toBeTruthy();
    expect(within(screen.getByLabelText('征集的作品类型')).getAllByText(/理论文章|党课视频/)).toHaveLength(2);
    expect(screen.getByText('奖项：一等奖 1 名 · 二等奖 2 名 · 三等奖 3 名 · 优秀奖 10 名')).toBeTruthy();
    expect(screen.getByText('群众评议：7月10日 24:00 截止，排名中评议占 30%，其余看组织部评选')).toBeTruthy();
    expect(inputsOf(callFunction, 'campaigns').map((input) => input.cursor)).toEqual([undefined, 'page-2']);
    expect(taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '理论文章征集' });
  });

  it('参加征集打开写投稿并带上这次征集；只收一种作品时也带上类型', async () => {
    opens(campaign({ kinds: ['article'], branchQuotas: [], myBranch: [] }));
    fireEvent.click(await screen.findByRole('button', { name: '参加征集' }));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/story/edit/index?campaignId=camp-1&kind=article' });
  });

  it('已截止的征集不能再参加，写明截止的时间', async () => {
    opens(campaign({ state: 'closed' }));
    expect(await screen.findByText('已于 6月26日 24:00 截止')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '参加征集' })).toBeNull();
  });

  it('本支部任务写明已发布几件、要求几件', async () => {
    opens(campaign({ myBranch: [{ kind: 'lessonVideo', required: 1, approved: 0 }] }));
    expect(await screen.findByText('已发布 0 件 / 任务 1 件')).toBeTruthy();
    expect(screen.getByText('未完成')).toBeTruthy();
  });

  it('列出参加征集的最新作品，“全部”打开只看这次征集的作品流', async () => {
    opens();
    expect(await screen.findByText('参加征集的作品')).toBeTruthy();
    expect(inputsOf(callFunction, 'feed')).toEqual([{ campaignId: 'camp-1', pageSize: 3 }]);
    fireEvent.click(screen.getByText('全部 ›'));
    expect(taro.navigateTo).toHaveBeenCalledWith({
      url: `/story/feed/index?campaignId=camp-1&label=${encodeURIComponent('理论文章征集')}`,
    });
  });

  it('作品按名次和综合分排列；支部按参与率排名，参与率画成进度条并写明人数', async () => {
    opens();
    expect(await screen.findByText('第 1 名')).toBeTruthy();
    expect(screen.getByText('综合 87.5 分')).toBeTruthy();
    expect(screen.getByText('综合 61.2 分')).toBeTruthy();

    const first = screen.getByLabelText('第一党支部');
    expect(within(first).getByText('支部参与率 90%（9/10 人）')).toBeTruthy();
    expect(within(first).getByRole('progressbar', { name: '参与率 90%' })).toBeTruthy();
    expect(within(first).getByText('任务已完成')).toBeTruthy();
    expect(within(first).getByText('已发布 12 件 · 择优 2 件 · 平均评分 4.5')).toBeTruthy();
    // A big branch with more works but fewer of its people taking part ranks below.
    const second = screen.getByLabelText('第二党支部');
    expect(within(second).getByText('支部参与率 30%（12/40 人）')).toBeTruthy();
    expect(within(screen.getByLabelText('第三党支部')).getByText('—')).toBeTruthy();
  });

  it('找不到这次征集时说明原因，可以重试', async () => {
    router.params = { id: 'camp-gone' };
    answerCalls(callFunction, { 'story.campaigns': () => page([campaign()]) });
    render(<StoryCampaignPage />);
    expect(await screen.findByText('找不到这次征集，可能已结束很久或已删除')).toBeTruthy();
    expect(inputsOf(callFunction, 'campaignRanking')).toEqual([]);
  });
});
