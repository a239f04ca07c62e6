import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { CheckinFence, CheckinView, IssuedCode, Roster } from '../../../types/contracts/checkin';
import taro, { resetTaroStub, router } from '../../components/__test__/taroStub';
import { fenceState } from '../checkin/fence';
import { detail, meAnswer, member, secretary } from './fixtures';

const mockPageEvents: { hide: (() => void) | null } = { hide: null };
jest.mock('@tarojs/taro', () => ({
  ...require('../../components/__test__/taroStub').taroModule,
  useDidHide: (handler: () => void) => {
    mockPageEvents.hide = handler;
  },
}));
jest.mock('@tarojs/components', () => require('../../components/__test__/formComponents'));
jest.mock('../activity.css', () => ({}));
jest.mock('../../components/PageShell', () => ({ PageShell: ({ children }: { children: ReactNode }) => children }));
jest.mock('../../components/QrCode', () => ({
  QrCode: ({ text, label }: { text: string; label: string }) => <div role='img' aria-label={label} data-text={text} />,
}));
const callFunction = jest.fn();
jest.mock('../../services/cloud', () => ({ callFunction: (...args: unknown[]) => callFunction(...args) }));

import ActivityCheckinPage from '../checkin/index';

const HERE = { latitude: 26.5, longitude: 111.6, accuracy: 20 };
const MOVED = { latitude: 26.51, longitude: 111.61, accuracy: 15 };
const ORGANISER_FENCE: CheckinFence = { latitude: HERE.latitude, longitude: HERE.longitude, radiusM: 300, source: 'organiser' };

const deviceApis = {
  getLocation: jest.fn(async (_options: { type: string }) => ({ ...HERE, errMsg: 'getLocation:ok' })),
  setKeepScreenOn: jest.fn(async (_options: { keepScreenOn: boolean }) => ({ errMsg: 'setKeepScreenOn:ok' })),
  scanCode: jest.fn(async (_options: Record<string, unknown>) => ({ result: 'PERSONALCODE1', errMsg: 'scanCode:ok' })),
};
Object.assign(taro, deviceApis);

function issued(code: string, fence: CheckinFence | null = ORGANISER_FENCE): IssuedCode {
  return {
    code,
    qrText: `https://hongtu.example/c?k=${code}`,
    validUntil: '2026-11-30T06:30:20.000Z',
    refreshInMs: 10_000,
    fence,
  };
}

function checkin(name: string, overrides: Partial<CheckinView> = {}): CheckinView {
  return {
    id: `a_act-1_m-${name}`,
    kind: 'activity',
    activityId: 'act-1',
    baseId: null,
    placeName: '重温入党誓词主题党日',
    memberId: `m-${name}`,
    name,
    method: 'code',
    checkedInAt: '2026-11-30T06:25:00.000Z',
    checkedOutAt: null,
    presentMinutes: null,
    studyHours: null,
    offline: false,
    distanceM: 12,
    latitude: HERE.latitude,
    longitude: HERE.longitude,
    countsFor: 'lesson',
    photoFileId: null,
    recordedByName: null,
    reason: null,
    ...overrides,
  };
}

function roster(overrides: Partial<Roster> = {}, ended = false): Roster {
  return {
    activity: {
      id: 'act-1',
      title: '重温入党誓词主题党日',
      startAt: '2026-11-30T06:30:00.000Z',
      endAt: '2026-11-30T08:30:00.000Z',
      ended,
      online: false,
      studyHours: 2,
    },
    counts: { signedUp: 3, checkedIn: 2, walkIns: 1, missing: 2, checkedOut: 1 },
    present: [
      checkin('张三', {
        checkedOutAt: '2026-11-30T08:31:00.000Z',
        presentMinutes: 120,
        studyHours: 2,
        offline: true,
      }),
      checkin('李四', { method: 'backfill', reason: '手机没电，现场确认', recordedByName: '李书记', distanceM: null }),
    ],
    missing: [
      { memberId: 'm-wang', name: '王五' },
      { memberId: 'm-zhao', name: '赵六' },
    ],
    ...overrides,
  };
}

type Answer = (input: Record<string, unknown>) => unknown;
let answers: Record<string, Answer>;

function calls(action: string) {
  return callFunction.mock.calls.filter(([, called]) => called === action).map(([, , input]) => input as Record<string, unknown>);
}

const originalEnv = { ...process.env };

beforeEach(() => {
  resetTaroStub();
  Object.values(deviceApis).forEach((api) => api.mockClear());
  callFunction.mockReset();
  mockPageEvents.hide = null;
  router.params = { id: 'act-1' };
  process.env = { ...originalEnv, TARO_ENV: 'weapp' };
  let issuedCount = 0;
  answers = {
    me: () => meAnswer(secretary),
    detail: () => ({
      ok: true,
      data: { activity: detail({ can: { signUp: false, cancelSignUp: false, requestLeave: false, manage: true } }) },
    }),
    issueCode: () => {
      issuedCount += 1;
      return { ok: true, data: issued(`CODE${issuedCount}`) };
    },
    roster: () => ({ ok: true, data: roster() }),
  };
  callFunction.mockImplementation(async (_name: string, action: string, input: Record<string, unknown>) => {
    const answer = answers[action];
    if (!answer) throw new Error(`unexpected call ${action}`);
    return answer(input);
  });
});

afterEach(() => {
  jest.useRealTimers();
});

afterAll(() => {
  process.env = originalEnv;
});

function codeText(): string | null {
  return document.querySelector('.checkin-code__text')?.textContent ?? null;
}

describe('现场签到：签到码', () => {
  it('在组织者所在位置生成签到码，大图二维码下显示码文本，并说明以当前位置为中心校验', async () => {
    render(<ActivityCheckinPage />);
    expect(await screen.findByRole('img', { name: '签到码' })).toBeTruthy();
    expect(codeText()).toBe('CODE1');
    expect(screen.getByRole('img', { name: '签到码' }).getAttribute('data-text')).toBe('https://hongtu.example/c?k=CODE1');
    expect(screen.getByText('位置校验：以你当前位置为中心 300 米')).toBeTruthy();
    expect(calls('issueCode')).toEqual([{ for: 'activity', activityId: 'act-1', direction: 'in', at: HERE }]);
    expect(deviceApis.getLocation).toHaveBeenCalledWith({ type: 'gcj02' });
    expect(deviceApis.setKeepScreenOn).toHaveBeenCalledWith({ keepScreenOn: true });
  });

  it('到了服务器给出的换码时间就换新码，位置只问一次；页面隐藏后不再换码', async () => {
    jest.useFakeTimers();
    render(<ActivityCheckinPage />);
    await waitFor(() => expect(codeText()).toBe('CODE1'));

    await act(async () => {
      jest.advanceTimersByTime(10_000);
    });
    await waitFor(() => expect(codeText()).toBe('CODE2'));
    expect(deviceApis.getLocation).toHaveBeenCalledTimes(1);

    act(() => mockPageEvents.hide?.());
    await act(async () => {
      jest.advanceTimersByTime(60_000);
    });
    expect(calls('issueCode')).toHaveLength(2);
  });

  it('签退码按签退方向生成', async () => {
    render(<ActivityCheckinPage />);
    await screen.findByRole('img', { name: '签到码' });
    fireEvent.click(screen.getByRole('tab', { name: '签退码' }));
    expect(await screen.findByRole('img', { name: '签退码' })).toBeTruthy();
    expect(calls('issueCode').at(-1)).toMatchObject({ direction: 'out' });
  });

  it('拿不到位置时照常出码，并说明暂不校验位置；重新定位把新位置连同 relocate 发给服务器', async () => {
    deviceApis.getLocation.mockRejectedValueOnce({ errMsg: 'getLocation:fail auth deny' });
    answers.issueCode = (input) => ({ ok: true, data: issued('CODEX', input.at ? ORGANISER_FENCE : null) });
    render(<ActivityCheckinPage />);
    expect(await screen.findByText('未获取到位置，暂不校验位置')).toBeTruthy();
    expect(calls('issueCode')[0]).toEqual({ for: 'activity', activityId: 'act-1', direction: 'in' });

    deviceApis.getLocation.mockResolvedValueOnce({ ...MOVED, errMsg: 'getLocation:ok' });
    fireEvent.click(screen.getByRole('button', { name: '重新定位' }));
    expect(await screen.findByText('位置校验：以你当前位置为中心 300 米')).toBeTruthy();
    expect(calls('issueCode')[1]).toEqual({ for: 'activity', activityId: 'act-1', direction: 'in', at: MOVED, relocate: true });
  });

  it('不在展示时间内时用文字说明，重试后再生成', async () => {
    answers.issueCode = () => ({ ok: false, error: { code: 'CLOSED', message: '还未到签到码展示时间（11月30日 13:30 至 17:30）' } });
    render(<ActivityCheckinPage />);
    expect((await screen.findByRole('alert')).textContent).toContain('还未到签到码展示时间（11月30日 13:30 至 17:30）');
    expect(screen.queryByRole('img', { name: '签到码' })).toBeNull();

    answers.issueCode = () => ({ ok: true, data: issued('LATER') });
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    await waitFor(() => expect(codeText()).toBe('LATER'));
  });
});

describe('位置校验的说明', () => {
  it.each([
    ['基地的围栏', '位置校验：基地 500 米内', { ...ORGANISER_FENCE, radiusM: 500, source: 'base' as const }, false, false],
    ['组织者所在位置', '位置校验：以你当前位置为中心 300 米', ORGANISER_FENCE, false, true],
    ['线上活动', '线上活动，不校验位置', null, true, false],
    ['还不知道位置', '未获取到位置，暂不校验位置', null, false, true],
  ])('%s：“%s”', (_case, text, fence, online, canRelocate) => {
    expect(fenceState(fence, online)).toEqual({ text, canRelocate });
  });
});

describe('现场签到：扫码核验（反扫）', () => {
  it('小程序里扫党员的个人码为其签到，显示姓名和结果，拒绝时显示原因，可以继续扫下一位', async () => {
    answers.scan = (input) =>
      input.code === 'PERSONALCODE1'
        ? { ok: true, data: { outcome: 'checkedIn', checkin: checkin('张三', { method: 'personal' }) } }
        : { ok: false, error: { code: 'DUPLICATE', message: '你已于 14:03 签到' } };
    render(<ActivityCheckinPage />);
    fireEvent.click(await screen.findByRole('tab', { name: '扫码核验' }));
    fireEvent.click(screen.getByRole('button', { name: '扫描个人码' }));

    const log = await screen.findByRole('log', { name: '核验结果' });
    await within(log).findByText('张三 签到成功');
    expect(calls('scan')).toEqual([{ via: 'personal', activityId: 'act-1', code: 'PERSONALCODE1', direction: 'in' }]);
    expect(deviceApis.scanCode).toHaveBeenCalledWith({ onlyFromCamera: true, scanType: ['qrCode'] });

    deviceApis.scanCode.mockResolvedValueOnce({ result: 'PERSONALCODE2', errMsg: 'scanCode:ok' });
    fireEvent.click(screen.getByRole('radio', { name: '签退' }));
    fireEvent.click(screen.getByRole('button', { name: '扫描个人码' }));
    await within(log).findByText('你已于 14:03 签到');
    expect(calls('scan')[1]).toMatchObject({ code: 'PERSONALCODE2', direction: 'out' });
    expect(within(log).getByText('张三 签到成功')).toBeTruthy();
  });

  it('H5 粘贴个人码核验，不是签到码的文字不发请求', async () => {
    process.env.TARO_ENV = 'h5';
    answers.scan = () => ({
      ok: true,
      data: { outcome: 'checkedOut', checkin: checkin('张三', { method: 'personal', studyHours: 1.5, presentMinutes: 95 }) },
    });
    const { container } = render(<ActivityCheckinPage />);
    fireEvent.click(await screen.findByRole('tab', { name: '扫码核验' }));
    const input = container.querySelector('[name="personalCode"]') as HTMLElement;

    fireEvent.change(input, { target: { value: '这不是码' } });
    fireEvent.click(screen.getByRole('button', { name: '核验' }));
    expect(await screen.findByText('这不是党员的个人签到码')).toBeTruthy();
    expect(calls('scan')).toHaveLength(0);

    fireEvent.click(screen.getByRole('radio', { name: '签退' }));
    fireEvent.change(input, { target: { value: ' PERSONALCODE9 ' } });
    fireEvent.click(screen.getByRole('button', { name: '核验' }));
    expect(await screen.findByText('张三 签退成功，计 1.5 学时')).toBeTruthy();
    expect(calls('scan')).toEqual([{ via: 'personal', activityId: 'act-1', code: 'PERSONALCODE9', direction: 'out' }]);
  });
});

describe('现场签到：名单', () => {
  /** Waits for the counts inside the same call, so the roster's answer arrives while testing-library is waiting. */
  async function openRoster() {
    render(<ActivityCheckinPage />);
    fireEvent.click(await screen.findByRole('tab', { name: '名单' }));
    await screen.findByLabelText(/^已签到 \d+$/);
  }

  it('显示各项人数和已签到的同志：方式、离线补传、补录原因和补录人、学时', async () => {
    await openRoster();
    expect(await screen.findByLabelText('已签到 2')).toBeTruthy();
    expect(screen.getByLabelText('已报名 3')).toBeTruthy();
    expect(screen.getByLabelText('未签到 2')).toBeTruthy();
    expect(screen.getByLabelText('临时参加 1')).toBeTruthy();
    expect(screen.getByLabelText('已签退 1')).toBeTruthy();

    const zhang = screen.getByLabelText('张三');
    expect(within(zhang).getByText('扫签到码')).toBeTruthy();
    expect(within(zhang).getByText('离线补传')).toBeTruthy();
    expect(within(zhang).getByText('计 2 学时（在场 120 分钟）')).toBeTruthy();
    const li = screen.getByLabelText('李四');
    expect(within(li).getByText('补录')).toBeTruthy();
    expect(within(li).getByText('补录原因：手机没电，现场确认（李书记补录）')).toBeTruthy();
    expect(within(li).queryByText('离线补传')).toBeNull();
    expect(calls('roster')).toEqual([{ activityId: 'act-1' }]);
  });

  it('活动结束前报名了还没签到的同志记为“未签到”', async () => {
    await openRoster();
    expect(await screen.findByLabelText('未签到 2')).toBeTruthy();
    expect(within(screen.getByLabelText('王五')).getByText('未签到')).toBeTruthy();
  });

  it('活动结束后没签到的同志记为“未到”', async () => {
    answers.roster = () => ({ ok: true, data: roster({}, true) });
    await openRoster();
    expect(await screen.findByLabelText('未到 2')).toBeTruthy();
    expect(within(screen.getByLabelText('赵六')).getByText('未到')).toBeTruthy();
    expect(screen.queryByText('未签到')).toBeNull();
  });

  it('补录必须写明原因，否则不发请求', async () => {
    await openRoster();
    const wang = await screen.findByLabelText('王五');
    fireEvent.click(within(wang).getByRole('button', { name: '补录' }));
    const form = screen.getByRole('dialog', { name: '为 王五 补录签到' });
    fireEvent.change(form.querySelector('[name="backfillReason"]') as HTMLElement, { target: { value: ' 到 ' } });
    fireEvent.click(within(form).getByRole('button', { name: '确认补录 王五' }));
    expect(within(form).getByRole('alert').textContent).toBe('请写明补录原因');
    expect(calls('backfill')).toHaveLength(0);
  });

  it('写明原因后补录，名单随之刷新；服务器拒绝时在表单里显示原因', async () => {
    let backfilled = false;
    answers.backfill = (input) => {
      if (input.memberId === 'm-zhao') return { ok: false, error: { code: 'FORBIDDEN', message: '这位党员不在本活动的参加范围内' } };
      backfilled = true;
      return { ok: true, data: { checkin: checkin('王五', { method: 'backfill', reason: String(input.reason) }) } };
    };
    answers.roster = () => ({
      ok: true,
      data: backfilled
        ? roster({
            counts: { signedUp: 3, checkedIn: 3, walkIns: 1, missing: 1, checkedOut: 1 },
            present: [
              checkin('王五', { method: 'backfill', reason: '手机没电，现场确认到会', recordedByName: '李书记' }),
              ...roster().present,
            ],
            missing: [{ memberId: 'm-zhao', name: '赵六' }],
          })
        : roster(),
    });
    await openRoster();

    fireEvent.click(within(await screen.findByLabelText('王五')).getByRole('button', { name: '补录' }));
    const form = screen.getByRole('dialog', { name: '为 王五 补录签到' });
    fireEvent.change(form.querySelector('[name="backfillReason"]') as HTMLElement, { target: { value: '手机没电，现场确认到会' } });
    fireEvent.click(within(form).getByRole('button', { name: '确认补录 王五' }));

    expect(await screen.findByLabelText('已签到 3')).toBeTruthy();
    expect(calls('backfill')).toEqual([{ activityId: 'act-1', memberId: 'm-wang', reason: '手机没电，现场确认到会' }]);
    expect(within(screen.getByLabelText('王五')).getByText('补录原因：手机没电，现场确认到会（李书记补录）')).toBeTruthy();
    expect(taro.showToast).toHaveBeenCalledWith({ title: '已为 王五 补录签到', icon: 'success' });

    fireEvent.click(within(screen.getByLabelText('赵六')).getByRole('button', { name: '补录' }));
    const refused = screen.getByRole('dialog', { name: '为 赵六 补录签到' });
    fireEvent.change(refused.querySelector('[name="backfillReason"]') as HTMLElement, { target: { value: '临时到场' } });
    fireEvent.click(within(refused).getByRole('button', { name: '确认补录 赵六' }));
    await waitFor(() => expect(within(refused).getByRole('alert').textContent).toBe('这位党员不在本活动的参加范围内'));
  });

  it('名单每 10 秒自动刷新，离开名单后停止', async () => {
    jest.useFakeTimers();
    await openRoster();
    await waitFor(() => expect(calls('roster')).toHaveLength(1));
    await act(async () => {
      jest.advanceTimersByTime(10_000);
    });
    await waitFor(() => expect(calls('roster')).toHaveLength(2));

    fireEvent.click(screen.getByRole('tab', { name: '扫码核验' }));
    await act(async () => {
      jest.advanceTimersByTime(30_000);
    });
    expect(calls('roster')).toHaveLength(2);
  });
});

it('不是本活动组织者的书记看不到签到码', async () => {
  answers.detail = () => ({ ok: true, data: { activity: detail() } });
  render(<ActivityCheckinPage />);
  expect(await screen.findByText('只有本活动的组织者可以现场签到')).toBeTruthy();
  expect(calls('issueCode')).toHaveLength(0);
});

it('普通党员打开时只看到说明', async () => {
  answers.me = () => meAnswer(member);
  render(<ActivityCheckinPage />);
  expect(await screen.findByText('仅支部书记和组织部可以使用')).toBeTruthy();
  expect(calls('issueCode')).toHaveLength(0);
});
