import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { PRIVACY_VERSION, type MemberView } from '../../../../types/contracts/member';
import taro, { resetTaroStub, router, storage } from '../../../components/__test__/taroStub';

jest.mock('@tarojs/taro', () => require('../../../components/__test__/taroStub').taroModule);
jest.mock('@tarojs/components', () => require('../../../components/__test__/formComponents'));
jest.mock('../index.css', () => ({}));
const callFunction = jest.fn();
jest.mock('../../../services/cloud', () => ({ callFunction: (...args: unknown[]) => callFunction(...args) }));

import JoinPage from '../index';
import { readInviteCode } from '../../../services/invite';

const CODE = 'ABCDEFGH';
const INVITE_INFO = {
  code: CODE,
  branchName: '第一党支部',
  invitedBy: { name: '赵志刚', role: 'secretary' },
  expiresAt: '2026-11-30T02:00:00.000Z',
};
const inviteFound = () => ({ ok: true, data: INVITE_INFO });

function member(overrides: Partial<MemberView> = {}): MemberView {
  return {
    id: 'm-new',
    name: '王小红',
    branchId: 'branch-1',
    branchName: '第一党支部',
    role: 'member',
    partyStatus: 'probationary',
    status: 'pending',
    joinedAt: '2026-11-23T02:00:00.000Z',
    ...overrides,
  };
}

type Handler = (input: Record<string, unknown>) => unknown;
function respond(handlers: Record<string, Handler>) {
  callFunction.mockImplementation(async (name: string, action: string, input: Record<string, unknown>) => {
    const handler = handlers[action];
    if (name !== 'member' || !handler) throw new Error(`unexpected ${name}.${action}`);
    return handler(input);
  });
}

function calls(action: string) {
  return callFunction.mock.calls.filter(([, called]) => called === action);
}

function field(container: HTMLElement, name: string): HTMLElement {
  const element = container.querySelector(`[name="${name}"]`);
  if (!element) throw new Error(`no control named ${name}`);
  return element as HTMLElement;
}

function fillForm(container: HTMLElement) {
  fireEvent.change(field(container, 'name'), { target: { value: '王小红' } });
  // Index 1 of 正式党员 / 预备党员 / 入党积极分子.
  fireEvent.change(field(container, 'partyStatus'), { target: { value: '1' } });
  fireEvent.change(field(container, 'phoneTail'), { target: { value: '1234' } });
}

describe('加入党支部页', () => {
  beforeEach(() => {
    resetTaroStub();
    callFunction.mockReset();
    router.params = { code: CODE };
  });

  it('先展示个人信息保护指引，同意之前不出现登记表单，同意后才显示表单', async () => {
    let accepted = false;
    respond({
      me: () => ({ ok: true, data: { privacyAccepted: accepted, privacyVersion: PRIVACY_VERSION, member: null } }),
      inviteInfo: inviteFound,
      acceptPrivacy: () => {
        accepted = true;
        return { ok: true, data: { privacyAccepted: true, acceptedAt: '2026-11-23T02:00:00.000Z' } };
      },
    });
    const { container } = render(<JoinPage />);

    expect(await screen.findByText('个人信息保护指引')).toBeTruthy();
    // What 注销 keeps, and until when (the attempt ledger).
    expect(screen.getByText(/为防止重复参赛，在进行中的竞赛结束前保留加密后的微信标识与已用答题次数/)).toBeTruthy();
    expect(container.querySelector('[name="name"]')).toBeNull();
    expect(screen.queryByRole('button', { name: '提交申请' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: '同意并继续' }));
    await waitFor(() => expect(container.querySelector('[name="name"]')).not.toBeNull());
    expect(calls('acceptPrivacy')[0]?.[2]).toEqual({ version: PRIVACY_VERSION });
    expect(screen.queryByText('个人信息保护指引')).toBeNull();
  });

  it('填写姓名、政治面貌和手机后四位后提交，显示等待支部书记审核和支部名称', async () => {
    respond({
      me: () => ({ ok: true, data: { privacyAccepted: true, privacyVersion: PRIVACY_VERSION, member: null } }),
      inviteInfo: inviteFound,
      join: () => ({ ok: true, data: { member: member() } }),
    });
    const { container } = render(<JoinPage />);
    await waitFor(() => expect(container.querySelector('[name="name"]')).not.toBeNull());
    fillForm(container);
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }));

    expect(await screen.findByText('已提交，等待支部书记审核')).toBeTruthy();
    expect(screen.getByText(/第一党支部/)).toBeTruthy();
    expect(calls('join')).toHaveLength(1);
    expect(calls('join')[0]?.[2]).toEqual({ code: CODE, name: '王小红', partyStatus: 'probationary', phoneTail: '1234' });
  });

  it('姓名未填或未选政治面貌时不提交，并在字段下提示', async () => {
    respond({
      me: () => ({ ok: true, data: { privacyAccepted: true, privacyVersion: PRIVACY_VERSION, member: null } }),
      inviteInfo: inviteFound,
    });
    const { container } = render(<JoinPage />);
    await waitFor(() => expect(container.querySelector('[name="name"]')).not.toBeNull());
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }));

    expect(screen.getByText('请填写 2–20 个字的真实姓名')).toBeTruthy();
    expect(screen.getByText('请选择政治面貌')).toBeTruthy();
    expect(calls('join')).toHaveLength(0);
  });

  it('邀请已过期时显示整页的过期说明和下一步，点返回首页回到首页', async () => {
    respond({
      me: () => ({ ok: true, data: { privacyAccepted: true, privacyVersion: PRIVACY_VERSION, member: null } }),
      inviteInfo: inviteFound,
      join: () => ({ ok: false, error: { code: 'EXPIRED', message: '邀请已过期，请向支部书记索取新的邀请' } }),
    });
    const { container } = render(<JoinPage />);
    await waitFor(() => expect(container.querySelector('[name="name"]')).not.toBeNull());
    fillForm(container);
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }));

    expect(await screen.findByText('邀请已过期')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('重新生成邀请');
    expect(container.querySelector('[name="name"]')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '返回首页' }));
    expect(taro.switchTab).toHaveBeenCalledWith({ url: '/pages/home/index' });
  });

  it('花名册里有的人提交后直接显示已加入和进入首页', async () => {
    respond({
      me: () => ({ ok: true, data: { privacyAccepted: true, privacyVersion: PRIVACY_VERSION, member: null } }),
      inviteInfo: inviteFound,
      join: () => ({ ok: true, data: { member: member({ status: 'active' }) } }),
    });
    const { container } = render(<JoinPage />);
    await waitFor(() => expect(container.querySelector('[name="name"]')).not.toBeNull());
    fillForm(container);
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }));

    expect(await screen.findByText('已加入 第一党支部')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '进入首页' }));
    expect(taro.switchTab).toHaveBeenCalledWith({ url: '/pages/home/index' });
  });

  it('已提交申请的人再次打开邀请时看到审核状态而不是表单', async () => {
    respond({ me: () => ({ ok: true, data: { privacyAccepted: true, privacyVersion: PRIVACY_VERSION, member: member() } }) });
    const { container } = render(<JoinPage />);

    expect(await screen.findByText('已提交，等待支部书记审核')).toBeTruthy();
    expect(container.querySelector('[name="name"]')).toBeNull();
    expect(calls('join')).toHaveLength(0);
  });

  it('扫描小程序码时从 scene 中读出邀请码；没有邀请码时先请人输入，输入后照常核对', async () => {
    expect(readInviteCode({ scene: encodeURIComponent(`c=${CODE}`) })).toBe(CODE);
    expect(readInviteCode({ code: ' abcdefgh ' })).toBe(CODE);
    expect(readInviteCode({ scene: 'c=ABC' })).toBe('');

    router.params = {};
    respond({
      me: () => ({ ok: true, data: { privacyAccepted: true, privacyVersion: PRIVACY_VERSION, member: null } }),
      inviteInfo: inviteFound,
    });
    const { container } = render(<JoinPage />);
    expect(await screen.findByText('输入邀请码')).toBeTruthy();
    expect(calls('inviteInfo')).toHaveLength(0);
    fireEvent.change(field(container, 'inviteCode'), { target: { value: 'abcdefgh' } });
    fireEvent.click(screen.getByRole('button', { name: '用邀请码加入党支部' }));

    expect(await screen.findByText('第一党支部邀请你加入')).toBeTruthy();
    expect(calls('inviteInfo')[0]?.[2]).toEqual({ code: CODE });
  });

  it('先核对邀请：写明邀请的支部、邀请人和有效期，然后才请人同意指引和填表', async () => {
    respond({
      me: () => ({ ok: true, data: { privacyAccepted: false, privacyVersion: PRIVACY_VERSION, member: null } }),
      inviteInfo: inviteFound,
    });
    render(<JoinPage />);

    expect(await screen.findByText('第一党支部邀请你加入')).toBeTruthy();
    expect(screen.getByText(/邀请人：赵志刚（支部书记）/)).toBeTruthy();
    expect(screen.getByText(/有效期至 11月30日/)).toBeTruthy();
    expect(screen.getByText('个人信息保护指引')).toBeTruthy();
  });

  it.each([
    ['NOT_FOUND', '邀请无效'],
    ['EXPIRED', '邀请已过期'],
    ['FULL', '邀请名额已用完'],
  ])('邀请码核对为 %s 时整页说明「%s」，不出现指引和表单，也不提交', async (code, title) => {
    respond({
      me: () => ({ ok: true, data: { privacyAccepted: false, privacyVersion: PRIVACY_VERSION, member: null } }),
      inviteInfo: () => ({ ok: false, error: { code, message: '不能使用' } }),
    });
    const { container } = render(<JoinPage />);

    expect(await screen.findByText(title)).toBeTruthy();
    expect(screen.queryByText('个人信息保护指引')).toBeNull();
    expect(container.querySelector('[name="name"]')).toBeNull();
    expect(calls('join')).toHaveLength(0);
  });

  it('猜错邀请码太多次被限流时说明要等多久', async () => {
    respond({
      me: () => ({ ok: true, data: { privacyAccepted: true, privacyVersion: PRIVACY_VERSION, member: null } }),
      inviteInfo: () => ({ ok: false, error: { code: 'RATE_LIMITED', message: '邀请码输错次数过多，请 30 分钟后再试' } }),
    });
    const { container } = render(<JoinPage />);

    expect(await screen.findByText('暂时不能核对邀请')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('30 分钟后再试');
    expect(container.querySelector('[name="name"]')).toBeNull();
  });

  it('撤回过申请的人凭邀请再来时，表单上说明可以重新申请', async () => {
    respond({
      me: () => ({ ok: true, data: { privacyAccepted: true, privacyVersion: PRIVACY_VERSION, member: member({ status: 'withdrawn' }) } }),
      inviteInfo: inviteFound,
    });
    const { container } = render(<JoinPage />);
    await waitFor(() => expect(container.querySelector('[name="name"]')).not.toBeNull());
    expect(screen.getByText('你撤回过申请，可以凭邀请重新申请。')).toBeTruthy();
  });

  it('从分享的活动过来的人提交申请后，可以一键回到那个活动', async () => {
    storage.set('hongtu.afterJoin', { url: '/activity/detail/index?id=act-1', title: '重温入党誓词主题党日' });
    respond({
      me: () => ({ ok: true, data: { privacyAccepted: true, privacyVersion: PRIVACY_VERSION, member: null } }),
      inviteInfo: inviteFound,
      join: () => ({ ok: true, data: { member: member() } }),
    });
    const { container } = render(<JoinPage />);
    await waitFor(() => expect(container.querySelector('[name="name"]')).not.toBeNull());
    fillForm(container);
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }));

    fireEvent.click(await screen.findByRole('button', { name: '回到活动「重温入党誓词主题党日」' }));
    expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/activity/detail/index?id=act-1' });
    expect(screen.getByRole('button', { name: '返回首页' })).toBeTruthy();
  });
});
