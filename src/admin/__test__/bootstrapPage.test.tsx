import { fireEvent, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { meAnswer, orgAdmin } from '../../activity/__test__/fixtures';
import taro, { resetTaroStub } from '../../components/__test__/taroStub';

jest.mock('@tarojs/taro', () => require('../../components/__test__/taroStub').taroModule);
jest.mock('@tarojs/components', () => require('../../components/__test__/formComponents'));
jest.mock('../../components/PageShell', () => ({ PageShell: ({ children }: { children: ReactNode }) => children }));
const callFunction = jest.fn();
jest.mock('../../services/cloud', () => ({ callFunction: (...args: unknown[]) => callFunction(...args) }));

import BootstrapPage from '../bootstrap/index';

const STRANGER_ME = { ok: true, data: { privacyAccepted: true, privacyVersion: 'v', member: null } };
const ADMIN = { ...orgAdmin, branchName: '机关第一党支部' };

function type(name: string, value: string) {
  const input = document.querySelector(`input[name="${name}"]`);
  if (!input) throw new Error(`no input ${name}`);
  fireEvent.change(input, { target: { value } });
}

function bootstrapCalls() {
  return callFunction.mock.calls.filter(([, action]) => action === 'bootstrap').map(([, , input]) => input as Record<string, string>);
}

beforeEach(() => {
  resetTaroStub();
  callFunction.mockReset();
});

describe('初始化组织', () => {
  it('填好引导码、组织和支部名称、姓名后提交，成为组织部管理员并可进入「我的」', async () => {
    callFunction.mockImplementation(async (_fn: string, action: string) =>
      action === 'me' ? STRANGER_ME : { ok: true, data: { member: ADMIN } },
    );
    render(<BootstrapPage />);
    await screen.findByText('完成初始化');
    type('code', 'K7M2-Q9PX-R4TW');
    type('orgName', '某某学院党委');
    type('branchName', '机关第一党支部');
    type('name', '陈静');
    fireEvent.click(screen.getByText('完成初始化'));
    expect(await screen.findByText('初始化完成')).toBeTruthy();
    expect(screen.getByText('你是组织部管理员，所在党支部：机关第一党支部。')).toBeTruthy();
    expect(bootstrapCalls()).toEqual([{ code: 'K7M2-Q9PX-R4TW', orgName: '某某学院党委', branchName: '机关第一党支部', name: '陈静' }]);
    fireEvent.click(screen.getByText('进入「我的」'));
    expect(taro.switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' });
  });

  it('漏填的项在提交前就指出，不调用云函数', async () => {
    callFunction.mockImplementation(async () => STRANGER_ME);
    render(<BootstrapPage />);
    fireEvent.click(await screen.findByText('完成初始化'));
    expect(screen.getByText('请填写引导码')).toBeTruthy();
    expect(screen.getByText('请填写你的姓名')).toBeTruthy();
    expect(bootstrapCalls()).toEqual([]);
  });

  it('引导码不对时错误显示在引导码下面；已作废时显示服务器的说明', async () => {
    const replies = [
      { ok: false, error: { code: 'INVALID_INPUT', field: 'code', message: '引导码不对，请核对部署时打印的引导码' } },
      { ok: false, error: { code: 'CONFLICT', message: '组织已经初始化，引导码已作废；请向组织部管理员索取邀请' } },
    ];
    callFunction.mockImplementation(async (_fn: string, action: string) => (action === 'me' ? STRANGER_ME : replies.shift()));
    render(<BootstrapPage />);
    await screen.findByText('完成初始化');
    for (const [name, value] of [
      ['code', 'AAAAAAAAAAAA'],
      ['orgName', '某某学院党委'],
      ['branchName', '机关第一党支部'],
      ['name', '陈静'],
    ])
      type(name as string, value as string);
    fireEvent.click(screen.getByText('完成初始化'));
    expect(await screen.findByText('引导码不对，请核对部署时打印的引导码')).toBeTruthy();
    fireEvent.click(screen.getByText('完成初始化'));
    expect(await screen.findByText('组织已经初始化，引导码已作废；请向组织部管理员索取邀请')).toBeTruthy();
  });

  it('已是组织成员的人看到不需要初始化', async () => {
    callFunction.mockImplementation(async () => meAnswer(ADMIN));
    render(<BootstrapPage />);
    expect(await screen.findByText('你已是组织成员')).toBeTruthy();
    expect(screen.queryByText('完成初始化')).toBeNull();
  });
});
