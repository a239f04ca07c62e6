/**
 * Every tab page by membership state (src/services/membership.ts): consent first, then one join
 * guide for a newcomer, 待审核 with 撤回申请 for an applicant, the page itself for a member — and
 * for no expected state an error card or a call the server would refuse.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ComponentType, ReactNode } from 'react';
import type { MemberView } from '../../../types/contracts/member';
import { activeMember, applicant, ME_REPLIES, meReply } from '../../components/__test__/membershipFixtures';
import taro, { modalReplies, resetTaroStub } from '../../components/__test__/taroStub';

jest.mock('@tarojs/taro', () => require('../../components/__test__/taroStub').taroModule);
jest.mock('@tarojs/components', () => require('../../components/__test__/formComponents'));
jest.mock('../../components/PageShell', () => ({ PageShell: ({ children }: { children: ReactNode }) => children }));
// 首页 sends scans queued offline on every return to the app; that watch is not what these tests are about.
jest.mock('../../services/checkinQueue', () => ({ watchCheckinQueue: () => () => undefined }));
jest.mock('../home/index.css', () => ({}));
jest.mock('../quiz/index.css', () => ({}));
jest.mock('../me/index.css', () => ({}));
jest.mock('../../bases/bases.css', () => ({}));
const callFunction = jest.fn();
jest.mock('../../services/cloud', () => ({ callFunction: (...args: unknown[]) => callFunction(...args) }));

import ActivitiesPage from '../activities/index';
import HomePage from '../home/index';
import MePage from '../me/index';
import QuizPage from '../quiz/index';
import VisitsPage from '../visits/index';

type MeReply = ReturnType<typeof meReply> | { ok: false; error: { code: string; message: string } };

/** A member's page with nothing in it yet: every list empty, no check-ins. */
const EMPTY_DATA = {
  items: [],
  nextCursor: null,
  pendingCount: 0,
  summary: { checkins: 0, bases: 0, studyHours: 0 },
  rank: null,
  score: null,
  durationMs: null,
};

let me: () => MeReply;

function actionsCalled(): string[] {
  return callFunction.mock.calls.map(([name, action]) => `${name}.${action}`);
}

beforeEach(() => {
  resetTaroStub();
  callFunction.mockReset();
  me = () => ME_REPLIES.active;
  callFunction.mockImplementation(async (name: string, action: string) => {
    if (name === 'member' && action === 'me') return me();
    if (name === 'member' && action === 'withdrawJoin') {
      me = () => meReply(true, { ...applicant, status: 'withdrawn' });
      return { ok: true, data: { member: { ...applicant, status: 'withdrawn' } } };
    }
    return { ok: true, data: EMPTY_DATA };
  });
});

/** Each tab with what only an active member sees on it. */
const TABS: Array<[name: string, Page: ComponentType, memberSees: string]> = [
  ['首页', HomePage, `${activeMember.name}同志，你好`],
  ['活动', ActivitiesPage, '近期没有安排活动'],
  ['答题', QuizPage, '今日一练'],
  ['打卡', VisitsPage, '扫一扫签到'],
  ['我的', MePage, '加入时间'],
];

describe.each(TABS)('%s tab 按成员状态显示', (_tab, Page, memberSees) => {
  it('还没同意个人信息保护指引：先显示指引，不请求任何成员功能', async () => {
    me = () => ME_REPLIES.needsConsent;
    render(<Page />);
    expect(await screen.findByText('个人信息保护指引')).toBeTruthy();
    expect(screen.queryByText(memberSees)).toBeNull();
    expect(actionsCalled()).toEqual(['member.me']);
  });

  it('还没加入党支部：一份「加入党支部」指引，没有错误卡片，也不请求只有党员能用的功能', async () => {
    me = () => ME_REPLIES.outsider;
    render(<Page />);
    expect(await screen.findByText('加入党支部')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: '用邀请码加入党支部' })).toHaveLength(1);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByText('重试')).toBeNull();
    expect(screen.queryByText(memberSees)).toBeNull();
    expect(actionsCalled()).toEqual(['member.me']);
  });

  it('还没加入党支部的人输入邀请码后打开邀请页；格式不对时就地提示', async () => {
    me = () => ME_REPLIES.outsider;
    const { container } = render(<Page />);
    await screen.findByText('加入党支部');
    const input = container.querySelector('[name="inviteCode"]')!;

    fireEvent.change(input, { target: { value: 'abc' } });
    fireEvent.click(screen.getByRole('button', { name: '用邀请码加入党支部' }));
    expect(screen.getByText('邀请码是 8 位字母和数字')).toBeTruthy();
    expect(taro.navigateTo).not.toHaveBeenCalled();

    fireEvent.change(input, { target: { value: ' abcdefgh ' } });
    fireEvent.click(screen.getByRole('button', { name: '用邀请码加入党支部' }));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/join/index?code=ABCDEFGH' });
  });

  it('申请待审核：显示「待审核」、申请的支部和日期，不显示党员内容', async () => {
    me = () => ME_REPLIES.pending;
    render(<Page />);
    expect(await screen.findByText('待审核')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('于 2026年11月20日 申请加入「第一党支部」');
    expect(screen.queryByText(memberSees)).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(actionsCalled()).toEqual(['member.me']);
  });

  it('申请人确认撤回后，页面转为加入党支部指引', async () => {
    me = () => ME_REPLIES.pending;
    render(<Page />);
    modalReplies.push(true);
    fireEvent.click(await screen.findByRole('button', { name: '撤回申请' }));

    expect(await screen.findByText('你撤回过申请，可以凭邀请重新申请。')).toBeTruthy();
    expect(screen.queryByText('待审核')).toBeNull();
    expect(actionsCalled()).toEqual(['member.me', 'member.withdrawJoin', 'member.me']);
  });

  it('申请人在确认框点取消时不撤回', async () => {
    me = () => ME_REPLIES.pending;
    render(<Page />);
    fireEvent.click(await screen.findByRole('button', { name: '撤回申请' }));
    await waitFor(() => expect(taro.showModal).toHaveBeenCalled());
    expect(screen.getByText('待审核')).toBeTruthy();
    expect(actionsCalled()).not.toContain('member.withdrawJoin');
  });

  it('在册党员看到这一页本身的内容', async () => {
    render(<Page />);
    expect(await screen.findByText(memberSees)).toBeTruthy();
    expect(screen.queryByText('待审核')).toBeNull();
    expect(screen.queryByText('用邀请码加入党支部')).toBeNull();
  });

  it('连不上服务器才显示错误和重试，重试成功后显示内容', async () => {
    let reply: MeReply = { ok: false, error: { code: 'INTERNAL', message: '网络连接失败，请检查网络后重试' } };
    me = () => reply;
    render(<Page />);
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeTruthy();
    reply = ME_REPLIES.active;
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findByText(memberSees)).toBeTruthy();
  });
});

describe('首页只显示有内容的板块', () => {
  it('没有进行中的竞赛和近期活动时不显示这两个板块，也没有“即将上线”', async () => {
    render(<HomePage />);
    await screen.findByText(`${activeMember.name}同志，你好`);
    await waitFor(() => expect(actionsCalled()).toEqual(expect.arrayContaining(['quiz.contests', 'activity.list'])));
    await waitFor(() => expect(screen.queryByText('正在进行的竞赛')).toBeNull());
    expect(screen.queryByText('近期活动')).toBeNull();
    expect(screen.queryByText(/即将上线/)).toBeNull();
  });
});

describe('我的 tab', () => {
  function former(status: MemberView['status']) {
    return meReply(true, { ...activeMember, status });
  }

  it('还没加入的人也可以导出或注销自己的信息，但没有角色、加入时间和退出党支部', async () => {
    me = () => ME_REPLIES.outsider;
    render(<MePage />);
    expect(await screen.findByText('导出我的信息')).toBeTruthy();
    expect(screen.getByText('注销并删除我的信息')).toBeTruthy();
    expect(screen.queryByText('角色')).toBeNull();
    expect(screen.queryByText('退出党支部')).toBeNull();
  });

  it('申请人只看到待审核和自己的信息管理，不显示角色和加入时间', async () => {
    me = () => ME_REPLIES.pending;
    render(<MePage />);
    await screen.findByText('待审核');
    expect(screen.queryByText('角色')).toBeNull();
    expect(screen.queryByText('加入时间')).toBeNull();
    expect(screen.getByText('导出我的信息')).toBeTruthy();
  });

  it('在册党员看到角色、加入时间和退出党支部；导出用平实的说法', async () => {
    render(<MePage />);
    expect(await screen.findByText('2019年7月1日')).toBeTruthy();
    expect(screen.getByText('党员')).toBeTruthy();
    expect(screen.getByText('退出党支部')).toBeTruthy();
    expect(screen.queryByText(/\.json|JSON/)).toBeNull();
  });

  it.each([
    ['rejected', '你上次的申请未获通过，可以核对信息后凭邀请重新申请。'],
    ['left', '你已不在「第一党支部」，可以凭邀请重新申请加入。'],
  ] as const)('档案状态为 %s 的人看到加入指引和原因', async (status, note) => {
    me = () => former(status);
    render(<MePage />);
    expect(await screen.findByText(note)).toBeTruthy();
    expect(screen.queryByText('加入时间')).toBeNull();
  });
});
