import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { MemberView } from '../../../types/contracts/member';
import taro, { resetTaroStub } from '../../components/__test__/taroStub';
import { activeMember, meReply } from '../../components/__test__/membershipFixtures';
import { ok, orgAdmin, progress, secretary } from './fixtures';

jest.mock('@tarojs/taro', () => require('../../components/__test__/taroStub').taroModule);
jest.mock('@tarojs/components', () => require('../../components/__test__/formComponents'));
jest.mock('../../components/PageShell', () => ({ PageShell: ({ children }: { children: ReactNode }) => children }));
jest.mock('../../services/checkinQueue', () => ({ watchCheckinQueue: () => () => undefined }));
jest.mock('../../pages/home/index.css', () => ({}));
jest.mock('../../pages/me/index.css', () => ({}));
jest.mock('../../bases/bases.css', () => ({}));
const callFunction = jest.fn();
jest.mock('../../services/cloud', () => ({ callFunction: (...args: unknown[]) => callFunction(...args) }));

import HomePage from '../../pages/home/index';
import MePage from '../../pages/me/index';

let myProgress: unknown;

function serveAs(who: MemberView) {
  callFunction.mockImplementation(async (name: string, action: string) => {
    if (name === 'member' && action === 'me') return meReply(true, who);
    if (name === 'stats' && action === 'myProgress') return myProgress;
    return ok({ items: [], nextCursor: null, pendingCount: 0, summary: { checkins: 0, bases: 0, studyHours: 0 } });
  });
}

const ORG_ONLY = ['支部排名与台账', '学习活动方案'];

beforeEach(() => {
  resetTaroStub();
  callFunction.mockReset();
  myProgress = ok(progress());
});

describe('统计的入口', () => {
  it('党员在“我的”看到我的六个一和积分明细，看不到支部看板和组织部的入口', async () => {
    serveAs(activeMember);
    render(<MePage />);
    fireEvent.click(await screen.findByText('我的六个一'));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/stats/progress/index' });
    fireEvent.click(screen.getByText('积分明细'));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/stats/ledger/index' });
    for (const entry of ['支部看板', ...ORG_ONLY]) expect(screen.queryByText(entry)).toBeNull();
  });

  it('支部书记多一个支部看板，仍看不到组织部的入口', async () => {
    serveAs(secretary);
    render(<MePage />);
    fireEvent.click(await screen.findByText('支部看板'));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/stats/dashboard/index' });
    for (const entry of ORG_ONLY) expect(screen.queryByText(entry)).toBeNull();
  });

  it('组织部看到支部排名与台账和学习活动方案', async () => {
    serveAs(orgAdmin);
    render(<MePage />);
    fireEvent.click(await screen.findByText('支部排名与台账'));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/stats/ranking/index' });
    fireEvent.click(screen.getByText('学习活动方案'));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/stats/programmes/index' });
  });

  it('首页的六个一卡片显示完成几项和下一项，点开清单；没有方案时不显示', async () => {
    serveAs(activeMember);
    const { unmount } = render(<HomePage />);
    fireEvent.click(await screen.findByText('已完成 1/6'));
    expect(screen.getByText('下一项：上好一堂党课')).toBeTruthy();
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/stats/progress/index' });
    unmount();
    callFunction.mockClear();

    myProgress = ok(progress({ programme: null, items: [], doneCount: 0 }));
    render(<HomePage />);
    await waitFor(() => expect(callFunction).toHaveBeenCalledWith('stats', 'myProgress', {}, expect.anything()));
    // The answer settles after the call: only then has the card had its chance to show.
    await act(async () => undefined);
    expect(screen.getByText(`${activeMember.name}同志，你好`)).toBeTruthy();
    expect(screen.queryByText('我的六个一')).toBeNull();
  });
});
