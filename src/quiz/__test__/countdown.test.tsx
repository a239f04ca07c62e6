import { act, render, screen } from '@testing-library/react';
import { clockOffsetMs, formatClock, formatRemaining, formatTaken, msUntilNextTick, remainingMs } from '../countdown';
import { useCountdown } from '../useCountdown';

describe('倒计时：以服务器截止时间为准，用 serverNow 校正手机时钟', () => {
  const deadline = '2026-11-23T08:10:00.000Z';
  const serverNow = '2026-11-23T08:00:00.000Z';

  it('手机时钟慢 2 分钟时，偏移为 +120 秒，剩余时间仍是服务器上的 10 分钟', () => {
    const phoneAtReceipt = Date.parse(serverNow) - 120_000;
    const offset = clockOffsetMs(serverNow, phoneAtReceipt);
    expect(offset).toBe(120_000);
    expect(remainingMs(deadline, offset, phoneAtReceipt)).toBe(600_000);
    expect(remainingMs(deadline, offset, phoneAtReceipt + 30_000)).toBe(570_000);
  });

  it('手机时钟快 5 分钟时，偏移为负，不会提前结束', () => {
    const phoneAtReceipt = Date.parse(serverNow) + 300_000;
    const offset = clockOffsetMs(serverNow, phoneAtReceipt);
    expect(offset).toBe(-300_000);
    expect(remainingMs(deadline, offset, phoneAtReceipt + 599_000)).toBe(1_000);
    expect(remainingMs(deadline, offset, phoneAtReceipt + 600_000)).toBe(0);
  });

  it('过了截止时间剩余为 0 而不是负数；无法解析的时间按 0 偏移处理', () => {
    expect(remainingMs(deadline, 0, Date.parse(deadline) + 5_000)).toBe(0);
    expect(clockOffsetMs('not a date', 1)).toBe(0);
    expect(remainingMs('not a date', 0, 0)).toBe(0);
  });

  it('下一次刷新落在整秒边界上', () => {
    expect(msUntilNextTick(9_250)).toBe(250);
    expect(msUntilNextTick(9_000)).toBe(1_000);
    expect(msUntilNextTick(0)).toBe(0);
  });

  it('倒计时向上取整显示，用时向下取整显示', () => {
    expect(formatRemaining(9_200)).toBe('00:10');
    expect(formatRemaining(600_000)).toBe('10:00');
    expect(formatRemaining(0)).toBe('00:00');
    expect(formatTaken(192_900)).toBe('03:12');
    expect(formatClock(4_500)).toBe('75:00');
  });
});

function Clock({ deadline, offsetMs, onExpire, now }: { deadline: string; offsetMs: number; onExpire: () => void; now: () => number }) {
  const remaining = useCountdown({ deadline, offsetMs, onExpire, now });
  return <span>{remaining === null ? '--:--' : formatRemaining(remaining)}</span>;
}

describe('useCountdown', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('每秒刷新，到 0 时只触发一次自动交卷；后台冻结后回来立刻显示正确的剩余时间', () => {
    let phone = Date.parse('2026-11-23T07:58:00.000Z'); // phone 2 minutes slow
    const offset = 120_000;
    const onExpire = jest.fn();
    render(<Clock deadline='2026-11-23T08:00:03.000Z' offsetMs={offset} onExpire={onExpire} now={() => phone} />);
    expect(screen.getByText('00:03')).toBeTruthy();

    phone += 1_000;
    act(() => jest.advanceTimersByTime(1_000));
    expect(screen.getByText('00:02')).toBeTruthy();
    expect(onExpire).not.toHaveBeenCalled();

    // Frozen in the background for a while: the next tick reads the clock, not a tick count.
    phone += 5_000;
    act(() => jest.advanceTimersByTime(1_000));
    expect(screen.getByText('00:00')).toBeTruthy();
    expect(onExpire).toHaveBeenCalledTimes(1);

    phone += 10_000;
    act(() => jest.advanceTimersByTime(10_000));
    expect(onExpire).toHaveBeenCalledTimes(1);
  });
});
