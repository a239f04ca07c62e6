import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { setOpenid } from '../../services/identity';
import { DemoIdentityCell, IdentityGate } from '../IdentityGate';

jest.mock('@tarojs/components', () => require('./taroComponentsStandIn'));

const identities = [
  { openid: 'demo-admin', label: '组织部管理员', role: 'org_admin' },
  { openid: 'demo-member', label: '第一党支部党员', role: 'member' },
  { openid: 'demo-stranger', label: '陌生人 · 尚未加入党支部', role: 'member' },
];

describe('本地演示身份选择', () => {
  beforeEach(() => {
    setOpenid(null);
    globalThis.fetch = jest.fn(async () => ({ ok: true, status: 200, json: async () => ({ identities }) })) as unknown as typeof fetch;
  });

  it('未选择身份时先显示选择页，每个身份显示 openid 和名称', async () => {
    render(
      <IdentityGate>
        <span>首页内容</span>
      </IdentityGate>,
    );
    expect(screen.getByText('本地演示：选择身份')).toBeTruthy();
    expect(await screen.findByText('第一党支部党员（demo-member）')).toBeTruthy();
    expect(screen.getByText('组织部管理员（demo-admin）')).toBeTruthy();
    expect(screen.queryByText('首页内容')).toBeNull();
    // The stranger's profile-less role is never shown as if they were a member.
    expect(screen.queryByText('党员')).toBeNull();
    expect(globalThis.fetch).toHaveBeenCalledWith('/dev/identities');
  });

  it('选择身份后保存到 hongtu.openid 并显示页面内容', async () => {
    render(
      <IdentityGate>
        <span>首页内容</span>
      </IdentityGate>,
    );
    fireEvent.click(await screen.findByText('第一党支部党员（demo-member）'));
    await waitFor(() => expect(screen.getByText('首页内容')).toBeTruthy());
    expect(window.localStorage.getItem('hongtu.openid')).toBe('demo-member');
  });

  it('已选择身份时直接显示页面内容，切换身份后回到选择页', async () => {
    setOpenid('demo-admin');
    render(
      <IdentityGate>
        <span>我的页面</span>
        <DemoIdentityCell />
      </IdentityGate>,
    );
    expect(screen.getByText('我的页面')).toBeTruthy();
    fireEvent.click(screen.getByText('切换身份（本地演示）'));
    expect(await screen.findByText('本地演示：选择身份')).toBeTruthy();
    expect(window.localStorage.getItem('hongtu.openid')).toBeNull();
  });

  it('本地网关不可用时提示启动网关并可重试', async () => {
    globalThis.fetch = jest.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    render(
      <IdentityGate>
        <span>首页内容</span>
      </IdentityGate>,
    );
    expect(await screen.findByText('无法连接本地网关，请确认已运行 npm start')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findByText('无法连接本地网关，请确认已运行 npm start')).toBeTruthy();
    expect(globalThis.fetch).toHaveBeenCalledTimes(2);
  });
});
