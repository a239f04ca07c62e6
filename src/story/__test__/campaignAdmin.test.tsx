import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import taro, { resetTaroStub, router } from '../../components/__test__/taroStub';
import { answerCalls, author, meAs, orgAdmin, secretary } from './readingFixtures';
import { campaign, inputsOf, page } from './storyFixtures';

jest.mock('@tarojs/taro', () => require('../../components/__test__/taroStub').taroModule);
jest.mock('@tarojs/components', () => require('./readingFixtures'));
jest.mock('../../admin/admin.css', () => ({}));
jest.mock('../../admin/contest/contest.css', () => ({}));
jest.mock('../../components/PageShell', () => ({ PageShell: ({ children }: { children: ReactNode }) => children }));
const callFunction = jest.fn();
jest.mock('../../services/cloud', () => ({ callFunction: (...args: unknown[]) => callFunction(...args) }));

import AdminCampaignPage from '../../admin/campaign/index';
import AdminCampaignsPage from '../../admin/campaigns/index';

function field(container: HTMLElement, name: string): Element {
  const element = container.querySelector(`[name="${name}"]`);
  if (!element) throw new Error(`no field ${name}`);
  return element;
}

function type(container: HTMLElement, name: string, value: string): void {
  fireEvent.change(field(container, name), { target: { value } });
}

const saved = (id = 'camp-new', created = true) => ({ ok: true, data: { campaign: campaign({ id }), created } });

beforeEach(() => {
  resetTaroStub();
  callFunction.mockReset();
});

describe('新建征集', () => {
  it('填好名称、类型、北京时间的起止、支部任务和奖项后创建，时间按北京时间换成 UTC 发出', async () => {
    answerCalls(callFunction, { 'story.saveCampaign': () => saved() });
    const { container } = render(<AdminCampaignPage />);

    type(container, 'title', '理论文章征集');
    type(container, 'description', '围绕本地红色资源，自拟题目');
    fireEvent.click(screen.getByRole('checkbox', { name: '理论文章' }));
    fireEvent.click(screen.getByRole('checkbox', { name: '党课视频' }));
    type(container, 'opensDate', '2026-06-01');
    type(container, 'opensTime', '08:00');
    type(container, 'closesDate', '2026-06-27');
    type(container, 'closesTime', '00:00');
    type(container, 'ratingDate', '2026-07-10');
    type(container, 'ratingTime', '18:00');
    type(container, 'ratingWeight', '40');
    type(container, 'quota.lessonVideo', '1');
    type(container, 'awards.excellent', '5');
    fireEvent.click(screen.getByRole('button', { name: '创建征集' }));

    await waitFor(() => expect(taro.navigateBack).toHaveBeenCalled());
    expect(inputsOf(callFunction, 'saveCampaign')).toEqual([
      {
        campaign: {
          title: '理论文章征集',
          description: '围绕本地红色资源，自拟题目',
          kinds: ['article', 'lessonVideo'],
          opensAt: '2026-06-01T00:00:00.000Z',
          closesAt: '2026-06-26T16:00:00.000Z',
          ratingClosesAt: '2026-07-10T10:00:00.000Z',
          branchQuotas: [{ kind: 'lessonVideo', count: 1 }],
          awards: { first: 1, second: 2, third: 3, excellent: 5 },
          ratingWeight: 40,
        },
      },
    ]);
    expect(taro.showToast).toHaveBeenCalledWith({ title: '征集已创建', icon: 'success' });
  });

  it('不开展群众评议时不发评议截止时间，排名全看组织部评选', async () => {
    answerCalls(callFunction, { 'story.saveCampaign': () => saved() });
    const { container } = render(<AdminCampaignPage />);
    type(container, 'title', '讲红色故事大赛');
    fireEvent.click(screen.getByRole('checkbox', { name: '红色故事' }));
    fireEvent.click(screen.getByRole('switch', { name: '开展群众评议' }));
    expect(container.querySelector('[name="ratingWeight"]')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '创建征集' }));

    await waitFor(() => expect(inputsOf(callFunction, 'saveCampaign')).toHaveLength(1));
    expect(inputsOf(callFunction, 'saveCampaign')[0]?.campaign).toMatchObject({ ratingClosesAt: null, ratingWeight: 0, branchQuotas: [] });
  });

  it('没选作品类型、截止早于开始、任务不是整数时就地标红，不请求', async () => {
    const { container } = render(<AdminCampaignPage />);
    type(container, 'title', '理论文章征集');
    type(container, 'opensDate', '2026-06-10');
    type(container, 'closesDate', '2026-06-01');
    fireEvent.click(screen.getByRole('button', { name: '创建征集' }));

    expect(screen.getByText('至少选择一种作品类型')).toBeTruthy();
    expect(screen.getByText('截止时间须晚于开始时间')).toBeTruthy();
    expect(callFunction).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('checkbox', { name: '党课视频' }));
    expect(screen.queryByText('至少选择一种作品类型')).toBeNull();
    type(container, 'quota.lessonVideo', '1.5');
    fireEvent.click(screen.getByRole('button', { name: '创建征集' }));
    expect(screen.getByText('需为 1–50 的整数，不要求就留空')).toBeTruthy();
    expect(callFunction).not.toHaveBeenCalled();
  });

  it('服务器按字段拒绝时，原因显示在那个字段下（支部任务按类型对上）', async () => {
    answerCalls(callFunction, {
      'story.saveCampaign': () => ({
        ok: false,
        error: { code: 'INVALID_INPUT', message: '党课视频的任务重复', field: 'campaign.branchQuotas.1.kind' },
      }),
    });
    const { container } = render(<AdminCampaignPage />);
    type(container, 'title', '讲红色故事大赛');
    fireEvent.click(screen.getByRole('checkbox', { name: '红色故事' }));
    fireEvent.click(screen.getByRole('checkbox', { name: '党课视频' }));
    type(container, 'quota.story', '2');
    type(container, 'quota.lessonVideo', '1');
    fireEvent.click(screen.getByRole('button', { name: '创建征集' }));

    const message = await screen.findByText('党课视频的任务重复');
    expect(message.closest('.ht-field')?.querySelector('[name="quota.lessonVideo"]')).toBeTruthy();
    expect(taro.navigateBack).not.toHaveBeenCalled();
  });
});

describe('修改征集', () => {
  it('打开已有的征集填好表单，保存时带上它的 id', async () => {
    router.params = { id: 'camp-1' };
    answerCalls(callFunction, { 'story.campaigns': () => page([campaign()]), 'story.saveCampaign': () => saved('camp-1', false) });
    const { container } = render(<AdminCampaignPage />);

    await screen.findByRole('button', { name: '保存修改' });
    expect((field(container, 'title') as HTMLInputElement).value).toBe('理论文章征集');
    expect((field(container, 'closesDate') as HTMLInputElement).value).toBe('2026-06-27');
    expect((field(container, 'closesTime') as HTMLInputElement).value).toBe('00:00');
    expect((field(container, 'quota.lessonVideo') as HTMLInputElement).value).toBe('1');
    type(container, 'awards.first', '2');
    fireEvent.click(screen.getByRole('button', { name: '保存修改' }));

    await waitFor(() => expect(inputsOf(callFunction, 'saveCampaign')).toHaveLength(1));
    const [input] = inputsOf(callFunction, 'saveCampaign');
    expect(input?.id).toBe('camp-1');
    expect(input?.campaign).toMatchObject({
      closesAt: '2026-06-26T16:00:00.000Z',
      awards: { first: 2, second: 2, third: 3, excellent: 10 },
    });
    expect(taro.showToast).toHaveBeenCalledWith({ title: '已保存修改', icon: 'success' });
  });
});

describe('征集活动管理', () => {
  it('组织部看到每次征集的状态、时间和类型，可以新建、查看和修改', async () => {
    answerCalls(callFunction, {
      'member.me': () => meAs(orgAdmin),
      'story.campaigns': () =>
        page([
          campaign(),
          campaign({
            id: 'camp-2',
            title: '讲红色故事大赛',
            state: 'closed',
            kinds: ['story'],
            awarded: { first: 1, second: 1, third: 0, excellent: 0 },
          }),
        ]),
    });
    render(<AdminCampaignsPage />);

    const open = await screen.findByLabelText('理论文章征集');
    expect(open.textContent).toContain('征集中');
    expect(open.textContent).toContain('6月26日 24:00 截止');
    expect(open.textContent).toContain('理论文章、党课视频');
    const closed = screen.getByLabelText('讲红色故事大赛');
    expect(closed.textContent).toContain('已于 6月26日 24:00 截止');
    expect(closed.textContent).toContain('已评奖 2 件');

    fireEvent.click(screen.getByRole('button', { name: '新建征集' }));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/admin/campaign/index' });
    fireEvent.click(screen.getAllByRole('button', { name: '修改' })[0]!);
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/admin/campaign/index?id=camp-1' });
    fireEvent.click(screen.getAllByRole('button', { name: '查看' })[1]!);
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/story/campaign/index?id=camp-2' });
  });

  it.each([
    ['支部书记', secretary],
    ['党员', author],
  ])('%s打开时说明仅组织部可以使用，不列出征集', async (_who, member) => {
    answerCalls(callFunction, { 'member.me': () => meAs(member) });
    render(<AdminCampaignsPage />);
    expect(await screen.findByText('仅组织部可以使用')).toBeTruthy();
    expect(inputsOf(callFunction, 'campaigns')).toEqual([]);
  });
});
