import { fireEvent, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { CheckinView } from '../../../types/contracts/checkin';
import type { ErrorCode } from '../../../types/errors';
import taro, { resetTaroStub, router, storage } from '../../components/__test__/taroStub';

jest.mock('@tarojs/taro', () => require('../../components/__test__/taroStub').taroModule);
jest.mock('@tarojs/components', () => require('../../components/__test__/formComponents'));
jest.mock('../landing/landing.css', () => ({}));
jest.mock('../../components/PageShell', () => ({ PageShell: ({ children }: { children: ReactNode }) => children }));
const callFunction = jest.fn();
jest.mock('../../services/cloud', () => ({
  ...jest.requireActual('../../services/cloud'),
  callFunction: (...args: unknown[]) => callFunction(...args),
}));

import CheckinLandingPage from '../landing/index';

const HERE = { latitude: 35.5, longitude: 113.8, accuracy: 20 };
const getLocation = jest.fn();
Object.assign(taro, { getLocation, openSetting: jest.fn(async () => ({ authSetting: {} })), scanCode: jest.fn() });

const CODE = 'act1ABCDEFGH2345678JKMNPQRS';

function checkin(overrides: Partial<CheckinView> = {}): CheckinView {
  return {
    id: 'ck-1',
    kind: 'activity',
    activityId: 'act1',
    baseId: null,
    placeName: '支部主题党日',
    memberId: 'm-1',
    name: '张三',
    method: 'code',
    checkedInAt: '2026-05-01T06:03:00.000Z',
    checkedOutAt: null,
    presentMinutes: null,
    studyHours: null,
    offline: false,
    distanceM: null,
    latitude: null,
    longitude: null,
    countsFor: null,
    photoFileId: null,
    recordedByName: null,
    reason: null,
    ...overrides,
  };
}

type Answer = unknown | ((input: Record<string, unknown>) => unknown);
function respond(answers: Record<string, Answer>) {
  callFunction.mockImplementation(async (name: string, action: string, input: Record<string, unknown>) => {
    const answer = answers[`${name}.${action}`];
    if (answer === undefined) throw new Error(`unexpected ${name}.${action}`);
    return typeof answer === 'function' ? (answer as (input: Record<string, unknown>) => unknown)(input) : answer;
  });
}

const refusal = (code: ErrorCode, message: string, field?: string) => ({
  ok: false,
  error: { code, message, ...(field ? { field } : {}) },
});
const scans = () =>
  callFunction.mock.calls.filter(([, action]) => action === 'scan').map(([, , input]) => input as Record<string, unknown>);

const originalEnv = { ...process.env };
beforeEach(() => {
  resetTaroStub();
  callFunction.mockReset();
  getLocation.mockReset();
  getLocation.mockResolvedValue({ ...HERE, errMsg: 'getLocation:ok' });
  process.env = { ...originalEnv, TARO_ENV: 'weapp' };
});
afterAll(() => {
  process.env = originalEnv;
});

describe('扫签到码打开的落地页', () => {
  it('签到码一打开就带着位置签到，大字显示签到成功、地点和时间', async () => {
    router.params = { k: CODE };
    respond({ 'checkin.scan': { ok: true, data: { outcome: 'checkedIn', checkin: checkin({ distanceM: 35 }) } } });
    render(<CheckinLandingPage />);
    expect(await screen.findByText('签到成功')).toBeTruthy();
    expect(screen.getByText('支部主题党日')).toBeTruthy();
    expect(screen.getByText('5月1日 周五 14:03')).toBeTruthy();
    expect(screen.getByText('距签到点 35 米')).toBeTruthy();
    expect(getLocation).toHaveBeenCalledWith({ type: 'gcj02' });
    expect(scans()).toEqual([{ via: 'code', code: CODE, location: HERE }]);
  });

  it('微信扫一扫传来的链接（q）同样识别出签到码', async () => {
    router.params = { q: encodeURIComponent(`https://hongtu.example/c?k=${CODE}`) };
    respond({ 'checkin.scan': { ok: true, data: { outcome: 'checkedIn', checkin: checkin() } } });
    render(<CheckinLandingPage />);
    await screen.findByText('签到成功');
    expect(scans()[0]).toMatchObject({ via: 'code', code: CODE });
  });

  it('签退成功时显示获得的学时和在场时长', async () => {
    router.params = { k: CODE };
    const out = checkin({ checkedOutAt: '2026-05-01T08:00:00.000Z', presentMinutes: 117, studyHours: 2 });
    respond({ 'checkin.scan': { ok: true, data: { outcome: 'checkedOut', checkin: out } } });
    render(<CheckinLandingPage />);
    expect(await screen.findByText('签退成功')).toBeTruthy();
    expect(screen.getByText('获得 2 学时（在场 117 分钟）')).toBeTruthy();
  });

  it('不给位置也照样尝试签到，由服务端决定是否需要位置', async () => {
    router.params = { k: CODE };
    getLocation.mockRejectedValue({ errMsg: 'getLocation:fail auth deny' });
    respond({ 'checkin.scan': refusal('INVALID_INPUT', '请允许获取位置后再签到', 'location') });
    render(<CheckinLandingPage />);
    expect(await screen.findByText('请允许获取位置后再签到')).toBeTruthy();
    expect(scans()).toEqual([{ via: 'code', code: CODE }]);
  });

  it.each([
    ['FORBIDDEN', '距签到点 820 米，超出 300 米范围', '走近签到点后重试'],
    ['FORBIDDEN', '本活动不面向你所在的党支部', '联系活动组织者'],
    ['CLOSED', '签到已于 16:30 截止', '请组织者补录'],
    ['EXPIRED', '签到码已过期，请扫描屏幕上最新的签到码', '重新扫描屏幕上的签到码'],
    ['INVALID_INPUT', '签到码无效', '输入组织者给出的签到码'],
    ['RATE_LIMITED', '错误次数过多，请 10 分钟后再试', '个人签到码'],
    ['NOT_FOUND', '你还没有签到，无法签退', '请先扫描签到码'],
  ] as const)('被拒绝（%s）时说出原因和下一步：%s', async (code, message, nextStep) => {
    router.params = { k: CODE };
    respond({ 'checkin.scan': refusal(code, message) });
    render(<CheckinLandingPage />);
    const panel = await screen.findByRole('alert');
    expect(panel.textContent).toContain('未能签到');
    expect(panel.textContent).toContain(message);
    expect(panel.textContent).toContain(nextStep);
    expect(screen.getByRole('button', { name: '重新扫码' })).toBeTruthy();
  });

  it('重复签到显示为「已签到」和第一次的时间，不当作错误', async () => {
    router.params = { k: CODE };
    respond({ 'checkin.scan': refusal('DUPLICATE', '你已于 14:03 签到') });
    render(<CheckinLandingPage />);
    await screen.findByText('你已于 14:03 签到');
    const state = screen.getByRole('status');
    expect(state.textContent).toContain('已签到');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('不是党员时友好地说明加入党支部后才能签到', async () => {
    router.params = { k: CODE };
    respond({ 'checkin.scan': refusal('UNAUTHENTICATED', '请先加入党支部') });
    render(<CheckinLandingPage />);
    expect(await screen.findByText('加入党支部后才能签到')).toBeTruthy();
    expect(screen.getByText('用邀请码加入党支部')).toBeTruthy();
  });

  it('网络不通时暂存扫码，告诉党员联网后自动补传', async () => {
    router.params = { k: CODE };
    respond({ 'checkin.scan': refusal('INTERNAL', '网络连接失败，请检查网络后重试') });
    render(<CheckinLandingPage />);
    expect(await screen.findByText('网络不佳，已暂存，联网后自动补传')).toBeTruthy();
    const queue = storage.get('checkin-queue') as Array<{ input: unknown; scannedAt: string }>;
    expect(queue).toHaveLength(1);
    expect(queue[0]?.input).toEqual({ via: 'code', code: CODE, location: HERE });
  });
});

describe('手动输入签到码', () => {
  it('没有带码打开时显示输入框；粘贴签到链接后点「签到」即签到', async () => {
    process.env.TARO_ENV = 'h5';
    respond({ 'checkin.scan': { ok: true, data: { outcome: 'checkedIn', checkin: checkin() } } });
    render(<CheckinLandingPage />);
    fireEvent.change(screen.getByPlaceholderText('粘贴或输入签到码'), { target: { value: `https://hongtu.example/c?k=${CODE}` } });
    fireEvent.click(screen.getByRole('button', { name: '签到' }));
    expect(await screen.findByText('签到成功')).toBeTruthy();
    expect(scans()[0]).toMatchObject({ via: 'code', code: CODE });
  });

  it('认不出的内容不发送，提示核对', () => {
    render(<CheckinLandingPage />);
    fireEvent.change(screen.getByPlaceholderText('粘贴或输入签到码'), { target: { value: '这不是签到码!' } });
    fireEvent.click(screen.getByRole('button', { name: '签到' }));
    expect(screen.getByRole('alert').textContent).toContain('无法识别');
    expect(callFunction).not.toHaveBeenCalled();
  });

  it('签到失败后可以改为输入签到码', async () => {
    router.params = { k: CODE };
    respond({ 'checkin.scan': refusal('EXPIRED', '签到码已过期，请扫描屏幕上最新的签到码') });
    render(<CheckinLandingPage />);
    fireEvent.click(await screen.findByRole('button', { name: '输入签到码' }));
    expect(screen.getByPlaceholderText('粘贴或输入签到码')).toBeTruthy();
  });
});

describe('基地打卡码', () => {
  const base = { ok: true, data: { base: { id: 'base-1', name: '红旗渠纪念馆', address: '林州市红旗渠大道' } } };

  it('显示基地名称，点「到此打卡」带位置打卡', async () => {
    router.params = { scene: encodeURIComponent('b=base-1') };
    const visit = checkin({ kind: 'base', activityId: null, baseId: 'base-1', placeName: '红旗渠纪念馆', method: 'base' });
    respond({ 'checkin.baseDetail': base, 'checkin.scan': { ok: true, data: { outcome: 'checkedIn', checkin: visit } } });
    render(<CheckinLandingPage />);
    expect(await screen.findByText('红旗渠纪念馆')).toBeTruthy();
    expect(scans()).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: '到此打卡' }));
    expect(await screen.findByText('签到成功')).toBeTruthy();
    expect(scans()).toEqual([{ via: 'base', baseId: 'base-1', location: HERE }]);
  });

  it('拒绝给位置时说明基地打卡需要位置，不发送', async () => {
    router.params = { scene: encodeURIComponent('b=base-1') };
    getLocation.mockRejectedValue({ errMsg: 'getLocation:fail auth deny' });
    respond({ 'checkin.baseDetail': base });
    render(<CheckinLandingPage />);
    fireEvent.click(await screen.findByRole('button', { name: '到此打卡' }));
    expect(await screen.findByText('需要位置才能打卡')).toBeTruthy();
    expect(taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '需要位置才能打卡', confirmText: '去设置' }));
    expect(scans()).toEqual([]);
  });
});
