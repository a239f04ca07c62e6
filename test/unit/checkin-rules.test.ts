import fc from 'fast-check';
import {
  afterFailure,
  checkInClosedReason,
  checkOutClosedReason,
  codeClosedReason,
  LOCKOUT_MAX_FAILURES,
  LOCKOUT_MS,
  LOCKOUT_WINDOW_MS,
  lockedOutMessage,
  lockedUntil,
  MAX_QUEUED_SCAN_AGE_MS,
  queuedScanRefusal,
  studyCredit,
  tooFarMessage,
  type CheckinGuard,
} from '../../core/checkin/rules';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** 14:30–16:30 in Shanghai on 1 March 2026. */
const activity = { startAt: new Date('2026-03-01T06:30:00Z'), endAt: new Date('2026-03-01T08:30:00Z') };
const offset = (from: Date, ms: number) => new Date(from.getTime() + ms);

describe('签到与签退的时间窗', () => {
  it('签到恰在开始前 60 分钟开放，前一毫秒还未开放，并以北京时间写出时间窗', () => {
    expect(checkInClosedReason(activity, offset(activity.startAt, -HOUR))).toBeNull();
    expect(checkInClosedReason(activity, offset(activity.startAt, -HOUR - 1))).toBe('还未到签到时间（3月1日 13:30 至 16:30）');
  });

  it('签到在结束时刻仍可，结束后一毫秒即已结束', () => {
    expect(checkInClosedReason(activity, activity.endAt)).toBeNull();
    expect(checkInClosedReason(activity, offset(activity.endAt, 1))).toBe('签到已结束（3月1日 13:30 至 16:30）');
  });

  it('签退从开始时刻起可以，开始前一毫秒还不行', () => {
    expect(checkOutClosedReason(activity, activity.startAt)).toBeNull();
    expect(checkOutClosedReason(activity, offset(activity.startAt, -1))).toBe('还未到签退时间（3月1日 14:30 至 17:30）');
  });

  it('签退到结束后 60 分钟为止，再晚一毫秒即已结束', () => {
    expect(checkOutClosedReason(activity, offset(activity.endAt, HOUR))).toBeNull();
    expect(checkOutClosedReason(activity, offset(activity.endAt, HOUR + 1))).toBe('签退已结束（3月1日 14:30 至 17:30）');
  });

  it('签到码从签到开放展示到签退结束', () => {
    expect(codeClosedReason(activity, offset(activity.startAt, -HOUR))).toBeNull();
    expect(codeClosedReason(activity, offset(activity.endAt, HOUR))).toBeNull();
    expect(codeClosedReason(activity, offset(activity.startAt, -HOUR - 1))).toBe('还未到签到码展示时间（3月1日 13:30 至 17:30）');
    expect(codeClosedReason(activity, offset(activity.endAt, HOUR + 1))).toBe('签到码展示已结束（3月1日 13:30 至 17:30）');
  });

  it('时间窗按北京时间的日期写：零点半开始的活动，签到在前一天 23:30 开放', () => {
    // 00:30–02:00 on 2 March in Shanghai is still 1 March in UTC.
    const pastMidnight = { startAt: new Date('2026-03-01T16:30:00Z'), endAt: new Date('2026-03-01T18:00:00Z') };
    expect(checkInClosedReason(pastMidnight, new Date('2026-03-01T12:00:00Z'))).toBe('还未到签到时间（3月1日 23:30 至 3月2日 02:00）');
  });

  it('任意活动与时刻：签到窗口内无拒绝理由，窗口前说“还未到”，窗口后说“已结束”', () => {
    const instant = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2030, 0, 1) });
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 1, max: 3 * 24 * HOUR }),
        fc.integer({ min: -4 * 24 * HOUR, max: 4 * 24 * HOUR }),
        (start, length, from) => {
          const times = { startAt: new Date(start), endAt: new Date(start + length) };
          const at = new Date(start + from);
          const inReason = checkInClosedReason(times, at);
          const outReason = checkOutClosedReason(times, at);
          expect(inReason === null).toBe(from >= -HOUR && from <= length);
          expect(outReason === null).toBe(from >= 0 && from <= length + HOUR);
          if (inReason !== null) expect(inReason.startsWith(from < -HOUR ? '还未到签到时间' : '签到已结束')).toBe(true);
          if (outReason !== null) expect(outReason.startsWith(from < 0 ? '还未到签退时间' : '签退已结束')).toBe(true);
          expect(codeClosedReason(times, at) === null).toBe(inReason === null || outReason === null);
        },
      ),
    );
  });
});

describe('学时', () => {
  const twoHours = { ...activity, studyHours: 2 };
  const at = (shanghai: string) => new Date(`2026-03-01T${shanghai}:00+08:00`);

  it('只计活动时间内的在场时长：早到晚走按整场计', () => {
    expect(studyCredit(twoHours, at('13:50'), at('17:10'))).toEqual({ presentMinutes: 120, studyHours: 2 });
  });

  it('学时按整半小时计，不足半小时的零头不计', () => {
    expect(studyCredit(twoHours, at('14:40'), at('16:00'))).toEqual({ presentMinutes: 80, studyHours: 1 });
    expect(studyCredit(twoHours, at('14:30'), new Date(at('15:00').getTime() - 1))).toEqual({ presentMinutes: 29, studyHours: 0 });
    expect(studyCredit(twoHours, at('14:30'), at('15:00'))).toEqual({ presentMinutes: 30, studyHours: 0.5 });
  });

  it('不超过活动设定的学时；活动未设学时则按在场时长计', () => {
    expect(studyCredit({ ...activity, studyHours: 1 }, at('14:30'), at('16:30'))).toEqual({ presentMinutes: 120, studyHours: 1 });
    expect(studyCredit({ ...activity, studyHours: null }, at('14:30'), at('16:30'))).toEqual({ presentMinutes: 120, studyHours: 2 });
  });

  it('签退早于活动开始或签到晚于活动结束，不计时长也不计学时', () => {
    expect(studyCredit(twoHours, at('13:40'), at('14:20'))).toEqual({ presentMinutes: 0, studyHours: 0 });
    expect(studyCredit(twoHours, at('16:40'), at('17:20'))).toEqual({ presentMinutes: 0, studyHours: 0 });
  });

  it('任意签到签退：时长在 0 与活动时长之间，学时是半小时的整数倍、不超过时长和上限', () => {
    const minutesFromStart = fc.integer({ min: -3 * 60, max: 6 * 60 });
    const cap = fc.option(fc.integer({ min: 0, max: 16 }).map((halves) => halves / 2));
    fc.assert(
      fc.property(minutesFromStart, minutesFromStart, cap, (inMinutes, outMinutes, studyHours) => {
        const credit = studyCredit(
          { ...activity, studyHours },
          offset(activity.startAt, Math.min(inMinutes, outMinutes) * MINUTE),
          offset(activity.startAt, Math.max(inMinutes, outMinutes) * MINUTE),
        );
        expect(credit.presentMinutes).toBeGreaterThanOrEqual(0);
        expect(credit.presentMinutes).toBeLessThanOrEqual(120);
        expect(Number.isInteger(credit.studyHours * 2)).toBe(true);
        expect(credit.studyHours * 60).toBeLessThanOrEqual(credit.presentMinutes);
        expect(credit.presentMinutes - credit.studyHours * 60 < 30 || credit.studyHours === studyHours).toBe(true);
        if (studyHours !== null) expect(credit.studyHours).toBeLessThanOrEqual(studyHours);
      }),
    );
  });
});

describe('离线扫码的时限', () => {
  const now = new Date('2026-03-01T08:00:00Z');

  it('恰好 24 小时前的离线记录仍可补传，再早一毫秒即拒绝', () => {
    expect(queuedScanRefusal(offset(now, -MAX_QUEUED_SCAN_AGE_MS), now)).toBeNull();
    expect(queuedScanRefusal(offset(now, -MAX_QUEUED_SCAN_AGE_MS - 1), now)).toBe('离线记录已超过 24 小时，无法补传，请联系组织者补录');
  });

  it('当下的记录可以，比服务器时间晚的记录说明手机时间不对', () => {
    expect(queuedScanRefusal(now, now)).toBeNull();
    expect(queuedScanRefusal(offset(now, 1), now)).toBe('离线记录的时间不正确，请校准手机时间后重试');
  });
});

describe('提示语', () => {
  it('距离不足一公里按米、否则按公里写出', () => {
    expect(tooFarMessage(456.4, 300)).toBe('你距签到地点约 456 米，请到达现场（300 米内）后再签到');
    expect(tooFarMessage(1234, 300)).toBe('你距签到地点约 1.2 公里，请到达现场（300 米内）后再签到');
  });

  it('锁定提示按分钟向上取整，至少 1 分钟', () => {
    const now = new Date('2026-03-01T08:00:00Z');
    expect(lockedOutMessage(offset(now, LOCKOUT_MS), now)).toBe('签到码错误次数过多，请 10 分钟后再试');
    expect(lockedOutMessage(offset(now, 9 * MINUTE + 1), now)).toBe('签到码错误次数过多，请 10 分钟后再试');
    expect(lockedOutMessage(offset(now, 1), now)).toBe('签到码错误次数过多，请 1 分钟后再试');
  });
});

describe('错码锁定', () => {
  /** What the repository does with afterFailure's answer: replace the guard, or increment the count (and set the lock when given). */
  function recordFailure(guard: CheckinGuard | undefined, now: Date): CheckinGuard {
    const step = afterFailure(guard, now);
    if (step.kind === 'restart') return step.guard;
    if (guard === undefined) throw new Error('an increment needs a guard to increment');
    return { ...guard, failures: guard.failures + 1, lockedUntil: step.lockUntil ?? guard.lockedUntil };
  }

  /**
   * The rule in plain terms, from the failures counted so far: a window opens at a failure when
   * the last one has passed; locked while the current window holds ≥ 5, or while a lock set by the
   * 5th (or later) failure of a window is less than 10 minutes old. The time it answers is the
   * latest of those ends.
   */
  function referenceLockedUntil(counted: readonly number[], now: number): number | null {
    let windowStart = Number.NEGATIVE_INFINITY;
    let inWindow = 0;
    let lockEnds = Number.NEGATIVE_INFINITY;
    for (const failure of counted) {
      if (failure - windowStart >= LOCKOUT_WINDOW_MS) {
        windowStart = failure;
        inWindow = 0;
      }
      inWindow += 1;
      if (inWindow >= LOCKOUT_MAX_FAILURES) lockEnds = failure + LOCKOUT_MS;
    }
    const windowEnds = inWindow >= LOCKOUT_MAX_FAILURES ? windowStart + LOCKOUT_WINDOW_MS : Number.NEGATIVE_INFINITY;
    const until = Math.max(lockEnds, windowEnds);
    return until > now ? until : null;
  }

  const untilMs = (guard: CheckinGuard | undefined, now: number) => lockedUntil(guard, new Date(now))?.getTime() ?? null;

  // Gaps that land on the edges of the window and the lock as well as anywhere between.
  const gap = fc.oneof(
    fc.constantFrom(0, 1, LOCKOUT_WINDOW_MS - 1, LOCKOUT_WINDOW_MS, LOCKOUT_WINDOW_MS + 1),
    fc.integer({ min: 0, max: 15 * MINUTE }),
    fc.integer({ min: 0, max: 3 * MINUTE }),
  );
  const start = Date.UTC(2026, 2, 1, 6);

  it('任意一串错码：每一次之后是否锁定、锁到何时，都与规则的简单模型一致', () => {
    fc.assert(
      fc.property(fc.array(gap, { maxLength: 40 }), gap, (gaps, after) => {
        let guard: CheckinGuard | undefined;
        const counted: number[] = [];
        let now = start;
        for (const step of gaps) {
          now += step;
          expect(untilMs(guard, now)).toBe(referenceLockedUntil(counted, now));
          guard = recordFailure(guard, new Date(now));
          counted.push(now);
          expect(untilMs(guard, now)).toBe(referenceLockedUntil(counted, now));
        }
        expect(untilMs(guard, now + after)).toBe(referenceLockedUntil(counted, now + after));
      }),
    );
  });

  it('锁定期间、窗口到期后仍被记下的错码开启新窗口，但不解除正在生效的锁', () => {
    let guard: CheckinGuard | undefined;
    for (const minute of [0, 1, 2, 3]) guard = recordFailure(guard, new Date(start + minute * MINUTE));
    const fifth = start + LOCKOUT_WINDOW_MS - 1;
    guard = recordFailure(guard, new Date(fifth));
    guard = recordFailure(guard, new Date(start + LOCKOUT_WINDOW_MS));
    expect(guard.failures).toBe(1);
    expect(untilMs(guard, start + LOCKOUT_WINDOW_MS)).toBe(fifth + LOCKOUT_MS);
  });

  it('10 分钟内第 5 次错码起锁定 10 分钟，到点即解锁', () => {
    let guard: CheckinGuard | undefined;
    for (let failure = 0; failure < LOCKOUT_MAX_FAILURES - 1; failure += 1)
      guard = recordFailure(guard, new Date(start + failure * MINUTE));
    expect(untilMs(guard, start + 4 * MINUTE)).toBeNull();
    const fifth = start + 9 * MINUTE;
    guard = recordFailure(guard, new Date(fifth));
    expect(untilMs(guard, fifth)).toBe(fifth + LOCKOUT_MS);
    expect(untilMs(guard, fifth + LOCKOUT_MS - 1)).toBe(fifth + LOCKOUT_MS);
    expect(untilMs(guard, fifth + LOCKOUT_MS)).toBeNull();
  });

  it('窗口过后的错码重新计数：跨窗口的 5 次错码不锁定', () => {
    let guard: CheckinGuard | undefined;
    const times = [0, 1, 2, 3].map((minute) => start + minute * MINUTE).concat(start + LOCKOUT_WINDOW_MS);
    for (const time of times) guard = recordFailure(guard, new Date(time));
    expect(guard).toEqual({ windowStart: new Date(start + LOCKOUT_WINDOW_MS), failures: 1, lockedUntil: null });
    expect(untilMs(guard, start + LOCKOUT_WINDOW_MS)).toBeNull();
  });

  it('并发：k 次错码读到同一份计数（都没看到上限、都不设锁）再各自加一，计数到 5 即锁定到窗口结束', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: LOCKOUT_MAX_FAILURES - 2 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: LOCKOUT_WINDOW_MS - 1 }),
        (already, k, elapsed) => {
          const read: CheckinGuard = { windowStart: new Date(start), failures: already, lockedUntil: null };
          const now = new Date(start + elapsed);
          const steps = Array.from({ length: k }, () => afterFailure(read, now));
          expect(steps.every((step) => step.kind === 'increment' && step.lockUntil === null)).toBe(true);
          const written: CheckinGuard = { ...read, failures: read.failures + k };
          const reachesLimit = already + k >= LOCKOUT_MAX_FAILURES;
          expect(untilMs(written, now.getTime())).toBe(reachesLimit ? start + LOCKOUT_WINDOW_MS : null);
          expect(untilMs(written, start + LOCKOUT_WINDOW_MS)).toBeNull();
        },
      ),
    );
  });

  it('没有错码记录的成员不被锁定', () => {
    expect(lockedUntil(undefined, new Date(start))).toBeNull();
  });
});
