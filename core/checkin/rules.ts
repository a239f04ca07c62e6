/**
 * The rules a check-in is judged by (issue 10): when an activity takes 签到 and 签退, how long a
 * scan may sit in the phone's offline queue, the 学时 credited for time present, and the lockout
 * after repeated wrong codes. Pure: times are arguments; the checkin function applies them.
 */
import { lockedOutReason, type RateLimit, type RateLimitGuard } from '../rateLimit';
import { formatShanghai } from '../time';

const MINUTE_MS = 60_000;

/** 签到 opens this long before the start (people arrive early) and closes at the end. */
export const CHECK_IN_OPENS_BEFORE_START_MS = 60 * MINUTE_MS;
/** 签退 is taken from the start until this long after the end (people leave late). */
export const CHECK_OUT_CLOSES_AFTER_END_MS = 60 * MINUTE_MS;
/** A scan queued offline is accepted this long after it was made, and no longer. */
export const MAX_QUEUED_SCAN_AGE_MS = 24 * 60 * MINUTE_MS;
/** The fence around where an organiser stood, for an activity with a place but no base. */
export const ORGANISER_FENCE_RADIUS_M = 300;

export interface ActivityTimes {
  startAt: Date;
  endAt: Date;
}

export function checkInWindow({ startAt, endAt }: ActivityTimes): { opensAt: Date; closesAt: Date } {
  return { opensAt: new Date(startAt.getTime() - CHECK_IN_OPENS_BEFORE_START_MS), closesAt: endAt };
}

export function checkOutWindow({ startAt, endAt }: ActivityTimes): { opensAt: Date; closesAt: Date } {
  return { opensAt: startAt, closesAt: new Date(endAt.getTime() + CHECK_OUT_CLOSES_AFTER_END_MS) };
}

/** An organiser's screen shows codes while either window is open. */
export function codeWindow(activity: ActivityTimes): { opensAt: Date; closesAt: Date } {
  return { opensAt: checkInWindow(activity).opensAt, closesAt: checkOutWindow(activity).closesAt };
}

function windowRefusal(window: { opensAt: Date; closesAt: Date }, at: Date, what: string): string | null {
  if (at >= window.opensAt && at <= window.closesAt) return null;
  // The end's date is named only when it differs, as people write a span that crosses midnight.
  const sameDay = formatShanghai(window.opensAt, 'YYYY-MM-DD') === formatShanghai(window.closesAt, 'YYYY-MM-DD');
  const span = `${formatShanghai(window.opensAt, 'M月D日 HH:mm')} 至 ${formatShanghai(window.closesAt, sameDay ? 'HH:mm' : 'M月D日 HH:mm')}`;
  return at < window.opensAt ? `还未到${what}时间（${span}）` : `${what}已结束（${span}）`;
}

/** Why a 签到 at `at` is refused, in the member's words; null when the window is open. */
export function checkInClosedReason(activity: ActivityTimes, at: Date): string | null {
  return windowRefusal(checkInWindow(activity), at, '签到');
}

export function checkOutClosedReason(activity: ActivityTimes, at: Date): string | null {
  return windowRefusal(checkOutWindow(activity), at, '签退');
}

export function codeClosedReason(activity: ActivityTimes, at: Date): string | null {
  return windowRefusal(codeWindow(activity), at, '签到码展示');
}

/**
 * Minutes present and the 学时 credited for them: the time between 签到 and 签退 that falls within
 * the activity, in whole half hours (学时 are kept in halves, as the organiser's form sets them),
 * never more than the activity credits.
 */
export function studyCredit(
  activity: ActivityTimes & { studyHours: number | null },
  checkedInAt: Date,
  checkedOutAt: Date,
): { presentMinutes: number; studyHours: number } {
  const from = Math.max(checkedInAt.getTime(), activity.startAt.getTime());
  const to = Math.min(checkedOutAt.getTime(), activity.endAt.getTime());
  const presentMinutes = Math.max(0, Math.floor((to - from) / MINUTE_MS));
  const halves = Math.floor(presentMinutes / 30) / 2;
  return { presentMinutes, studyHours: activity.studyHours === null ? halves : Math.min(halves, activity.studyHours) };
}

/** How old a queued scan is allowed to be, and in which words it is refused. */
export function queuedScanRefusal(scannedAt: Date, now: Date): string | null {
  if (scannedAt.getTime() > now.getTime()) return '离线记录的时间不正确，请校准手机时间后重试';
  if (now.getTime() - scannedAt.getTime() > MAX_QUEUED_SCAN_AGE_MS) return '离线记录已超过 24 小时，无法补传，请联系组织者补录';
  return null;
}

export function tooFarMessage(distanceM: number, radiusM: number): string {
  const distance = distanceM >= 1000 ? `${(distanceM / 1000).toFixed(1)} 公里` : `${Math.round(distanceM)} 米`;
  return `你距签到地点约 ${distance}，请到达现场（${radiusM} 米内）后再签到`;
}

/** Wrong or expired codes allowed within the window before a member is locked out. */
export const LOCKOUT_MAX_FAILURES = 5;
export const LOCKOUT_WINDOW_MS = 10 * MINUTE_MS;
export const LOCKOUT_MS = 10 * MINUTE_MS;

/** The lockout after wrong codes (core/rateLimit.ts), counted on the member's `checkinGuard`. */
export const CHECKIN_CODE_LIMIT: RateLimit = { maxFailures: LOCKOUT_MAX_FAILURES, windowMs: LOCKOUT_WINDOW_MS, lockMs: LOCKOUT_MS };

export function checkinLockedOutReason(guard: RateLimitGuard | undefined, now: Date): string | null {
  return lockedOutReason(CHECKIN_CODE_LIMIT, '签到码', guard, now);
}
