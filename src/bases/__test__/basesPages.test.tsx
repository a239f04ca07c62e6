import { act, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { CheckinView } from '../../../types/contracts/checkin';
import taro, { resetTaroStub } from '../../components/__test__/taroStub';

jest.mock('@tarojs/taro', () => ({
  ...require('../../components/__test__/taroStub').taroModule,
  useDidHide: () => undefined,
}));
jest.mock('@tarojs/components', () => require('../../components/__test__/formComponents'));
jest.mock('../bases.css', () => ({}));
jest.mock('../../components/PageShell', () => ({ PageShell: ({ children }: { children: ReactNode }) => children }));
const callFunction = jest.fn();
jest.mock('../../services/cloud', () => ({ callFunction: (...args: unknown[]) => callFunction(...args) }));

import BaseListPage from '../list/index';
import { formatDistance } from '../BaseCell';
import FootprintPage from '../footprint/index';
import MyCodePage from '../mycode/index';

const getLocation = jest.fn();
Object.assign(taro, {
  getLocation,
  setKeepScreenOn: jest.fn(async () => ({ errMsg: 'setKeepScreenOn:ok' })),
  createOffscreenCanvas: jest.fn(() => ({ getContext: () => ({ fillStyle: '', fillRect: jest.fn() }) })),
  canvasToTempFilePath: jest.fn(async () => ({ tempFilePath: 'wxfile://tmp/qr.png', errMsg: 'canvasToTempFilePath:ok' })),
});

const HERE = { latitude: 35.5, longitude: 113.8, accuracy: 30 };
const originalEnv = { ...process.env };
beforeEach(() => {
  resetTaroStub();
  callFunction.mockReset();
  getLocation.mockReset();
  process.env = { ...originalEnv, TARO_ENV: 'weapp' };
});
afterAll(() => {
  process.env = originalEnv;
});

function summary(overrides: Record<string, unknown>) {
  return {
    id: 'b1',
    name: '红旗渠纪念馆',
    level: 'national',
    county: '林州市',
    address: '红旗渠大道',
    theme: '',
    approximate: false,
    distanceM: null,
    ...overrides,
  };
}

describe('红色教育基地列表', () => {
  it('距离按米和公里显示', () => {
    expect(formatDistance(850)).toBe('850 米');
    expect(formatDistance(1234)).toBe('1.2 公里');
    expect(formatDistance(36_400)).toBe('36 公里');
  });

  it('允许位置时带上位置查询，按服务端给的远近顺序显示距离和级别', async () => {
    getLocation.mockResolvedValue({ ...HERE, errMsg: 'getLocation:ok' });
    callFunction.mockResolvedValue({
      ok: true,
      data: {
        items: [
          summary({ distanceM: 1234 }),
          summary({ id: 'b2', name: '谷文昌纪念馆', level: null, distanceM: 36_400, approximate: true }),
        ],
        nextCursor: null,
      },
    });
    render(<BaseListPage />);
    expect(await screen.findByText('1.2 公里')).toBeTruthy();
    expect(screen.getByText('36 公里')).toBeTruthy();
    expect(screen.getByText('全国')).toBeTruthy();
    expect(screen.getByText('林州市 · 红旗渠大道（位置为大致范围）')).toBeTruthy();
    expect(callFunction).toHaveBeenCalledWith('checkin', 'bases', { pageSize: 20, near: HERE }, { silentError: true });
  });

  it('不给位置也能看列表，只是不按距离排列，也不弹窗', async () => {
    getLocation.mockRejectedValue({ errMsg: 'getLocation:fail auth deny' });
    callFunction.mockResolvedValue({ ok: true, data: { items: [summary({})], nextCursor: null } });
    render(<BaseListPage />);
    expect(await screen.findByText('允许使用位置信息后，可按距离由近到远排列。')).toBeTruthy();
    expect(callFunction).toHaveBeenCalledWith('checkin', 'bases', { pageSize: 20 }, { silentError: true });
    expect(taro.showModal).not.toHaveBeenCalled();
  });
});

describe('我的足迹', () => {
  const visit: CheckinView = {
    id: 'c1',
    kind: 'activity',
    activityId: 'a1',
    baseId: null,
    placeName: '支部主题党日',
    memberId: 'm1',
    name: '张三',
    method: 'backfill',
    checkedInAt: '2026-05-01T06:00:00.000Z',
    checkedOutAt: '2026-05-01T08:00:00.000Z',
    presentMinutes: 120,
    studyHours: 2,
    offline: true,
    distanceM: null,
    latitude: null,
    longitude: null,
    countsFor: null,
    photoFileId: null,
    recordedByName: '李书记',
    reason: '手机没电',
  };

  it('顶部汇总签到次数、到访基地和学时，列表写明方式、签退学时、离线补传和补录原因', async () => {
    process.env.TARO_ENV = 'h5';
    callFunction.mockResolvedValue({
      ok: true,
      data: { items: [visit], nextCursor: null, summary: { checkins: 7, bases: 3, studyHours: 12.5 } },
    });
    render(<FootprintPage />);
    expect(await screen.findByText('12.5')).toBeTruthy();
    expect(screen.getByText('到访基地')).toBeTruthy();
    expect(screen.getByText('补录 · 5月1日 周五 14:00')).toBeTruthy();
    expect(screen.getByText('签退 5月1日 周五 16:00 · 2 学时')).toBeTruthy();
    expect(screen.getByText('离线补传')).toBeTruthy();
    expect(screen.getByText('补录原因：手机没电')).toBeTruthy();
  });
});

describe('我的签到码', () => {
  it('显示个人码并在服务端给的时间后换新码', async () => {
    jest.useFakeTimers();
    try {
      let issued = 0;
      callFunction.mockImplementation(async () => {
        issued += 1;
        return { ok: true, data: { code: `M${issued}`, qrText: `MEMBERCODE${issued}`, validUntil: '', refreshInMs: 4000, fence: null } };
      });
      render(<MyCodePage />);
      await waitFor(() => expect(screen.getByLabelText('MEMBERCODE1')).toBeTruthy());
      expect(screen.getByText('出示给组织者扫码签到')).toBeTruthy();
      expect(callFunction).toHaveBeenCalledWith('checkin', 'issueCode', { for: 'member' }, { silentError: true });
      await act(async () => {
        jest.advanceTimersByTime(4000);
      });
      await waitFor(() => expect(screen.getByLabelText('MEMBERCODE2')).toBeTruthy());
    } finally {
      jest.useRealTimers();
    }
  });
});
