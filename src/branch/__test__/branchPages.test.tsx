import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { PRIVACY_VERSION, type MemberListItem, type MemberView } from '../../../types/contracts/member';
import { recordingOffscreenCanvas } from '../../../test/support/fakeCanvas';
import taro, { modalReplies, resetTaroStub, share, sheetReplies } from '../../components/__test__/taroStub';

jest.mock('@tarojs/taro', () => require('../../components/__test__/taroStub').taroModule);
jest.mock('@tarojs/components', () => require('../../components/__test__/formComponents'));
jest.mock('../branch.css', () => ({}));
const callFunction = jest.fn();
jest.mock('../../services/cloud', () => ({ callFunction: (...args: unknown[]) => callFunction(...args) }));

import BranchApprovalsPage from '../approvals/index';
import BranchInvitePage from '../invite/index';
import BranchMembersPage from '../members/index';

const secretary: MemberView = {
  id: 'm-secretary',
  name: '李书记',
  branchId: 'branch-1',
  branchName: '第一党支部',
  role: 'secretary',
  partyStatus: 'full',
  status: 'active',
  joinedAt: '2025-01-01T00:00:00.000Z',
};

function applicant(id: string, name: string, status: MemberListItem['status'] = 'pending'): MemberListItem {
  return {
    ...secretary,
    id,
    name,
    role: 'member',
    partyStatus: 'activist',
    status,
    joinedAt: '2026-11-22T02:00:00.000Z',
    phoneTail: '5678',
  };
}

type Handler = (input: Record<string, unknown>) => unknown;
function respond(handlers: Record<string, Handler>) {
  callFunction.mockImplementation(async (name: string, action: string, input: Record<string, unknown>) => {
    if (action === 'me') return { ok: true, data: { privacyAccepted: true, privacyVersion: PRIVACY_VERSION, member: secretary } };
    const handler = handlers[action];
    if (name !== 'member' || !handler) throw new Error(`unexpected ${name}.${action}`);
    return handler(input);
  });
}

function calls(action: string) {
  return callFunction.mock.calls.filter(([, called]) => called === action);
}

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

function row(name: string): HTMLElement {
  return screen.getByLabelText(`${name}的申请`);
}

describe('待审批页', () => {
  beforeEach(() => {
    resetTaroStub();
    callFunction.mockReset();
  });

  it('点批准后该申请立即从列表移除、待审批数减一，并以该成员 id 调用 approveJoin', async () => {
    const approval = deferred<unknown>();
    respond({
      list: () => ({ ok: true, data: { items: [applicant('m-1', '张三'), applicant('m-2', '李四')], nextCursor: null, pendingCount: 2 } }),
      approveJoin: () => approval.promise,
    });
    render(<BranchApprovalsPage />);
    await screen.findByText('张三');
    expect(screen.getByLabelText('待审批 2 人')).toBeTruthy();
    expect(calls('list')[0]?.[2]).toMatchObject({ status: 'pending' });

    fireEvent.click(within(row('张三')).getByRole('button', { name: '批准' }));
    // Removed before the server answers.
    expect(screen.queryByText('张三')).toBeNull();
    expect(screen.getByText('李四')).toBeTruthy();
    expect(screen.getByLabelText('待审批 1 人')).toBeTruthy();
    expect(calls('approveJoin')[0]?.[2]).toEqual({ memberId: 'm-1' });

    approval.resolve({ ok: true, data: { member: applicant('m-1', '张三', 'active') } });
    await waitFor(() => expect(taro.showToast).toHaveBeenCalledWith({ title: '已批准 张三', icon: 'none' }));
    expect(screen.queryByText('张三')).toBeNull();
  });

  it('批准失败时该申请回到列表', async () => {
    respond({
      list: () => ({ ok: true, data: { items: [applicant('m-1', '张三')], nextCursor: null, pendingCount: 1 } }),
      approveJoin: () => ({ ok: false, error: { code: 'INTERNAL', message: '服务开小差了，请稍后再试' } }),
    });
    render(<BranchApprovalsPage />);
    await screen.findByText('张三');
    fireEvent.click(within(row('张三')).getByRole('button', { name: '批准' }));

    expect(await screen.findByText('张三')).toBeTruthy();
    expect(screen.getByLabelText('待审批 1 人')).toBeTruthy();
  });

  it('拒绝需要确认，可填写原因，确认后以原因调用 rejectJoin 并移除该申请', async () => {
    respond({
      list: () => ({ ok: true, data: { items: [applicant('m-1', '张三')], nextCursor: null, pendingCount: 1 } }),
      rejectJoin: () => ({ ok: true, data: { member: applicant('m-1', '张三', 'rejected') } }),
    });
    const { container } = render(<BranchApprovalsPage />);
    await screen.findByText('张三');
    fireEvent.click(within(row('张三')).getByRole('button', { name: '拒绝' }));
    fireEvent.change(container.querySelector('[name="reason-m-1"]') as HTMLElement, { target: { value: '不是本支部党员' } });

    // First time the dialog is cancelled: nothing is sent and the row stays.
    fireEvent.click(screen.getByRole('button', { name: '确认拒绝' }));
    await waitFor(() => expect(taro.showModal).toHaveBeenCalledTimes(1));
    expect(calls('rejectJoin')).toHaveLength(0);
    expect(screen.getByText('张三')).toBeTruthy();

    modalReplies.push(true);
    fireEvent.click(screen.getByRole('button', { name: '确认拒绝' }));
    await waitFor(() => expect(screen.queryByText('张三')).toBeNull());
    expect(calls('rejectJoin')[0]?.[2]).toEqual({ memberId: 'm-1', reason: '不是本支部党员' });
    expect(screen.getByText('没有待审批的申请')).toBeTruthy();
  });
});

const { createOffscreenCanvas, painted } = recordingOffscreenCanvas();
const imageApis = {
  previewImage: jest.fn(async () => ({ errMsg: 'previewImage:ok' })),
  createOffscreenCanvas,
  canvasToTempFilePath: jest.fn(async () => ({ tempFilePath: 'wxfile://tmp/invite-card.png', errMsg: 'canvasToTempFilePath:ok' })),
};
Object.assign(taro, imageApis);

const INVITE = {
  code: 'K7M3PQ2X',
  branchId: 'branch-1',
  branchName: '第一党支部',
  path: 'pages/join/index?code=K7M3PQ2X',
  expiresAt: '2026-11-30T02:00:00.000Z',
  maxUses: 50,
  uses: 0,
};
const QR_URL = 'https://example.tcb.qcloud.la/invites/K7M3PQ2X.png?sign=1';

describe('邀请加入党支部页', () => {
  beforeEach(() => {
    resetTaroStub();
    callFunction.mockReset();
    painted.length = 0;
  });

  it('支部书记生成邀请后大字显示邀请码、有效期和使用人数，分享卡片指向加入页并带上画好的 5:4 卡片', async () => {
    respond({
      createInvite: () => ({ ok: true, data: INVITE }),
      inviteQrCode: (input) => ({ ok: true, data: { code: input.code, fileID: 'cloud://env/invites/K7M3PQ2X.png', url: QR_URL } }),
    });
    render(<BranchInvitePage />);
    fireEvent.click(await screen.findByRole('button', { name: '生成邀请' }));

    expect(await screen.findByText('K7M3PQ2X')).toBeTruthy();
    expect(calls('createInvite')[0]?.[2]).toEqual({ maxUses: 50, expiresInHours: 168 });
    expect(screen.getByText(/有效期至 11月30日/)).toBeTruthy();
    expect(screen.getByText(/已使用 0 \/ 50 人/)).toBeTruthy();
    expect(screen.getByRole('button', { name: '分享到群' }).getAttribute('data-open-type')).toBe('share');

    const preview = await screen.findByRole('img', { name: '分享卡片预览' });
    expect(preview.getAttribute('src')).toBe('wxfile://tmp/invite-card.png');
    expect(imageApis.createOffscreenCanvas).toHaveBeenCalledWith({ type: '2d', width: 1000, height: 800 });
    expect(painted).toEqual(expect.arrayContaining(['邀请你加入', '第一党支部', '邀请码  K7M3 PQ2X']));
    expect(share.handler?.()).toEqual({
      title: '邀请你加入「第一党支部」',
      path: '/pages/join/index?code=K7M3PQ2X',
      imageUrl: 'wxfile://tmp/invite-card.png',
    });
  });

  it('显示邀请的小程序码，点开可放大（长按保存或转发）', async () => {
    respond({
      createInvite: () => ({ ok: true, data: INVITE }),
      inviteQrCode: (input) => ({ ok: true, data: { code: input.code, fileID: 'cloud://env/invites/K7M3PQ2X.png', url: QR_URL } }),
    });
    render(<BranchInvitePage />);
    fireEvent.click(await screen.findByRole('button', { name: '生成邀请' }));

    const qr = await screen.findByRole('img', { name: '邀请小程序码' });
    expect(calls('inviteQrCode')[0]?.[2]).toEqual({ code: 'K7M3PQ2X' });
    expect(qr.getAttribute('src')).toBe(QR_URL);
    fireEvent.click(qr);
    expect(imageApis.previewImage).toHaveBeenCalledWith({ urls: [QR_URL], current: QR_URL });
  });

  it('小程序码生成失败时提示并可点击重试，邀请码和分享不受影响', async () => {
    let attempts = 0;
    respond({
      createInvite: () => ({ ok: true, data: INVITE }),
      inviteQrCode: (input) =>
        ++attempts === 1
          ? { ok: false, error: { code: 'RATE_LIMITED', message: '小程序码生成太频繁，请一分钟后再试' } }
          : { ok: true, data: { code: input.code, fileID: 'cloud://env/invites/K7M3PQ2X.png', url: QR_URL } },
    });
    render(<BranchInvitePage />);
    fireEvent.click(await screen.findByRole('button', { name: '生成邀请' }));

    fireEvent.click(await screen.findByText('小程序码生成失败，点此重试'));
    expect((await screen.findByRole('img', { name: '邀请小程序码' })).getAttribute('src')).toBe(QR_URL);
    expect(calls('inviteQrCode')).toHaveLength(2);
    expect(screen.getByText('K7M3PQ2X')).toBeTruthy();
  });

  it('画卡片失败时仍可分享，只是不带自定义图片', async () => {
    imageApis.canvasToTempFilePath.mockRejectedValueOnce(new Error('canvasToTempFilePath:fail'));
    respond({
      createInvite: () => ({ ok: true, data: INVITE }),
      inviteQrCode: (input) => ({ ok: true, data: { code: input.code, fileID: 'cloud://env/invites/K7M3PQ2X.png', url: QR_URL } }),
    });
    render(<BranchInvitePage />);
    fireEvent.click(await screen.findByRole('button', { name: '生成邀请' }));
    await screen.findByRole('img', { name: '邀请小程序码' });
    await waitFor(() => expect(imageApis.canvasToTempFilePath).toHaveBeenCalled());

    expect(screen.queryByRole('img', { name: '分享卡片预览' })).toBeNull();
    expect(share.handler?.()).toEqual({ title: '邀请你加入「第一党支部」', path: '/pages/join/index?code=K7M3PQ2X' });
  });
});

describe('支部成员页', () => {
  beforeEach(() => {
    resetTaroStub();
    callFunction.mockReset();
  });

  it('按姓名开头查找，点成员选择转接，选目标支部并填写原因、确认后调用 transfer', async () => {
    respond({
      list: (input) => ({
        ok: true,
        data: {
          items:
            input.search === '张'
              ? [applicant('m-1', '张三', 'active')]
              : [applicant('m-1', '张三', 'active'), applicant('m-2', '李四', 'active')],
          nextCursor: null,
          pendingCount: 0,
        },
      }),
      orgTree: () => ({
        ok: true,
        data: {
          roots: [
            {
              id: 'committee',
              name: '机关党委',
              kind: 'committee',
              memberCount: 3,
              children: [
                { id: 'branch-1', name: '第一党支部', kind: 'branch', memberCount: 2, children: [] },
                { id: 'branch-2', name: '第二党支部', kind: 'branch', memberCount: 1, children: [] },
              ],
            },
          ],
        },
      }),
      transfer: () => ({
        ok: true,
        data: { member: { ...applicant('m-1', '张三', 'active'), branchId: 'branch-2', branchName: '第二党支部' } },
      }),
    });
    const { container } = render(<BranchMembersPage />);
    await screen.findByText('李四');

    fireEvent.change(container.querySelector('[name="search"]') as HTMLElement, { target: { value: '张' } });
    fireEvent.click(screen.getByRole('button', { name: '查找' }));
    await waitFor(() => expect(screen.queryByText('李四')).toBeNull());
    await screen.findByText('张三');
    expect(calls('list').at(-1)?.[2]).toMatchObject({ status: 'active', search: '张' });

    sheetReplies.push(0);
    fireEvent.click(screen.getByText('张三'));
    const dialog = await screen.findByRole('dialog', { name: '组织关系转接' });
    await waitFor(() => expect(container.querySelector('[name="toBranch"]')).not.toBeNull());
    // The member's own branch is not offered.
    expect(within(dialog).queryByRole('option', { name: '第一党支部' })).toBeNull();

    fireEvent.click(within(dialog).getByRole('button', { name: '确认转接' }));
    expect(within(dialog).getByText('请选择转入的党支部')).toBeTruthy();
    fireEvent.change(container.querySelector('[name="toBranch"]') as HTMLElement, { target: { value: '0' } });
    fireEvent.change(container.querySelector('[name="reason"]') as HTMLElement, { target: { value: '工作调动' } });
    modalReplies.push(true);
    fireEvent.click(within(dialog).getByRole('button', { name: '确认转接' }));

    await waitFor(() => expect(calls('transfer')).toHaveLength(1));
    expect(calls('transfer')[0]?.[2]).toEqual({ memberId: 'm-1', toBranchId: 'branch-2', reason: '工作调动' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
