import fc from 'fast-check';
import {
  CHECKIN_CODE_LIMIT,
  checkInClosedReason,
  checkinLockedOutReason,
  checkOutClosedReason,
  codeClosedReason,
  LOCKOUT_MS,
  MAX_QUEUED_SCAN_AGE_MS,
  queuedScanRefusal,
  studyCredit,
  tooFarMessage,
} from '../../core/checkin/rules';
import { afterFailure, lockedUntil, type RateLimitGuard } from '../../core/rateLimit';

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
});

describe('错码锁定', () => {
  // The rule itself is tested in rate-limit.test.ts; here, the check-in's parameters and words.
  const start = new Date('2026-03-01T06:00:00Z');

  it('10 分钟内第 5 次错码起锁定 10 分钟；第 10 分钟起重新计数', () => {
    expect(CHECKIN_CODE_LIMIT).toEqual({ maxFailures: 5, windowMs: 10 * MINUTE, lockMs: 10 * MINUTE });
    const fourWrong: RateLimitGuard = { windowStart: start, failures: 4, lockedUntil: null };
    const fifth = offset(start, 10 * MINUTE - 1);
    expect(lockedUntil(CHECKIN_CODE_LIMIT, fourWrong, fifth)).toBeNull();
    expect(afterFailure(CHECKIN_CODE_LIMIT, fourWrong, fifth)).toEqual({ kind: 'increment', lockUntil: offset(fifth, 10 * MINUTE) });
    expect(afterFailure(CHECKIN_CODE_LIMIT, fourWrong, offset(start, 10 * MINUTE))).toMatchObject({ kind: 'restart' });
  });

  it('锁定时的提示说签到码，并按分钟向上取整；未锁定时没有提示', () => {
    const fiveWrong: RateLimitGuard = { windowStart: start, failures: 5, lockedUntil: offset(start, LOCKOUT_MS) };
    expect(checkinLockedOutReason(fiveWrong, start)).toBe('签到码错误次数过多，请 10 分钟后再试');
    expect(checkinLockedOutReason(fiveWrong, offset(start, MINUTE - 1))).toBe('签到码错误次数过多，请 10 分钟后再试');
    expect(checkinLockedOutReason(fiveWrong, offset(start, LOCKOUT_MS))).toBeNull();
  });
});
