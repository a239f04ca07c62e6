import { fireEvent, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { ActivitySummary } from '../../../types/contracts/activity';
import taro, { resetTaroStub, router } from '../../components/__test__/taroStub';
import { meAnswer, member, summary } from './fixtures';

jest.mock('@tarojs/taro', () => require('../../components/__test__/taroStub').taroModule);
jest.mock('@tarojs/components', () => require('../../components/__test__/taroComponentsStandIn'));
jest.mock('../activity.css', () => ({}));
jest.mock('../../components/PageShell', () => ({ PageShell: ({ children }: { children: ReactNode }) => children }));
const callFunction = jest.fn();
jest.mock('../../services/cloud', () => ({ callFunction: (...args: unknown[]) => callFunction(...args) }));

import ActivityListPage from '../list/index';

type ListInput = { scope: string; countsFor?: string; cursor?: string };

/** The member's profile, and per list call the lessons when filtered to 党课, else a lesson and a film. */
function serve() {
  callFunction.mockImplementation(async (name: string, action: string, input: ListInput) => {
    if (name === 'member' && action === 'me') return meAnswer(member);
    if (name === 'activity' && action === 'list') {
      const lesson = summary({ id: 'a-lesson', title: '“七一”专题党课', kind: 'lesson' });
      const film = summary({ id: 'a-film', title: '《觉醒年代》观影', kind: 'film' });
      const items: ActivitySummary[] = input.countsFor === 'lesson' ? [lesson] : [lesson, film];
      return { ok: true, data: { items, nextCursor: null } };
    }
    throw new Error(`unexpected ${name}.${action}`);
  });
}

function listCalls(): ListInput[] {
  return callFunction.mock.calls.filter(([, action]) => action === 'list').map(([, , input]) => input as ListInput);
}

beforeEach(() => {
  resetTaroStub();
  callFunction.mockReset();
});

describe('活动列表（从我的六个一打开）', () => {
  it('路由带着 countsFor=lesson：只列计入党课的活动，并显示“只看：党课”', async () => {
    router.params = { countsFor: 'lesson' };
    serve();
    render(<ActivityListPage />);

    expect(await screen.findByRole('link', { name: '“七一”专题党课' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: '《觉醒年代》观影' })).toBeNull();
    expect(screen.getByText('只看：党课')).toBeTruthy();
    expect(listCalls()).toEqual([{ scope: 'upcoming', pageSize: 10, cursor: undefined, countsFor: 'lesson' }]);
  });

  it('点掉筛选：不再只看党课，列出全部即将开始的活动', async () => {
    router.params = { countsFor: 'lesson' };
    serve();
    render(<ActivityListPage />);
    await screen.findByText('只看：党课');

    fireEvent.click(screen.getByRole('button', { name: '取消只看党课' }));
    expect(await screen.findByRole('link', { name: '《觉醒年代》观影' })).toBeTruthy();
    expect(screen.queryByText('只看：党课')).toBeNull();
    expect(listCalls().at(-1)).toEqual({ scope: 'upcoming', pageSize: 10, cursor: undefined });
  });

  it('切到“往期”仍只看党课', async () => {
    router.params = { countsFor: 'lesson' };
    serve();
    render(<ActivityListPage />);
    await screen.findByText('只看：党课');

    fireEvent.click(screen.getByRole('tab', { name: '往期' }));
    await screen.findByRole('link', { name: '“七一”专题党课' });
    expect(listCalls().at(-1)).toEqual({ scope: 'past', pageSize: 10, cursor: undefined, countsFor: 'lesson' });
    expect(screen.getByText('只看：党课')).toBeTruthy();
  });

  it('路由里的项目不认识（或没有）：不筛选，也不显示筛选条件', async () => {
    router.params = { countsFor: 'poem' };
    serve();
    render(<ActivityListPage />);

    expect(await screen.findByRole('link', { name: '《觉醒年代》观影' })).toBeTruthy();
    expect(screen.queryByRole('group', { name: '筛选条件' })).toBeNull();
    expect(listCalls()).toEqual([{ scope: 'upcoming', pageSize: 10, cursor: undefined }]);
  });

  it('点一行打开该活动的详情', async () => {
    router.params = { countsFor: 'lesson' };
    serve();
    render(<ActivityListPage />);
    fireEvent.click(await screen.findByRole('link', { name: '“七一”专题党课' }));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/activity/detail/index?id=a-lesson' });
  });
});
