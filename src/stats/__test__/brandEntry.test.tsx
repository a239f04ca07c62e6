import { fireEvent, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { MemberView } from '../../../types/contracts/member';
import taro, { resetTaroStub } from '../../components/__test__/taroStub';
import { activeMember, meReply } from '../../components/__test__/membershipFixtures';
import { ok, orgAdmin, progress, secretary } from './fixtures';

jest.mock('@tarojs/taro', () => require('../../components/__test__/taroStub').taroModule);
jest.mock('@tarojs/components', () => require('../../components/__test__/formComponents'));
jest.mock('../../components/PageShell', () => ({ PageShell: ({ children }: { children: ReactNode }) => children }));
jest.mock('../../services/checkinQueue', () => ({ watchCheckinQueue: () => () => undefined }));
jest.mock('../../pages/me/index.css', () => ({}));
const callFunction = jest.fn();
jest.mock('../../services/cloud', () => ({ callFunction: (...args: unknown[]) => callFunction(...args) }));

import MePage from '../../pages/me/index';

function serveAs(who: MemberView) {
  callFunction.mockImplementation(async (name: string, action: string) => {
    if (name === 'member' && action === 'me') return meReply(true, who);
    if (name === 'stats' && action === 'myProgress') return ok(progress());
    return ok({ items: [], nextCursor: null, pendingCount: 0, summary: { checkins: 0, bases: 0, studyHours: 0 } });
  });
}

beforeEach(() => {
  resetTaroStub();
  callFunction.mockReset();
});

describe('四红品牌的入口', () => {
  it.each([
    ['党员', activeMember, '查看各单位申报并评议'],
    ['支部书记', secretary, '本支部申报、互查与评议'],
    ['组织部', orgAdmin, '制定四红方案，分配互查，验收与择优评选'],
  ])('%s在“我的·学习”看到一个四红品牌入口，说明各自能做什么，点开四红方案列表', async (_role, who, description) => {
    serveAs(who);
    render(<MePage />);
    const entries = await screen.findAllByText('四红品牌');
    expect(entries).toHaveLength(1);
    expect(screen.getByText(new RegExp(description))).toBeTruthy();
    fireEvent.click(entries[0]!);
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/stats/brands/index' });
  });
});
