/**
 * Who may see and join an activity and when sign-up is open: pure rules the activity function and
 * the app share (the server decides; the app only explains). Times are instants; no clock reads.
 */

/** The audience value that lets every branch see an activity (see ActivityDoc.audience). */
export const AUDIENCE_ALL = 'all';

export function isInActivityAudience(audience: readonly string[], branchId: string): boolean {
  return audience.includes(AUDIENCE_ALL) || audience.includes(branchId);
}

export interface SignUpWindowFacts {
  status: 'draft' | 'published' | 'finished' | 'cancelled';
  signUpOpensAt: Date | null;
  signUpDeadline: Date;
  startAt: Date;
}

/** Why a new sign-up is refused right now, in the member's words; null while the window is open. */
export function signUpClosedReason(activity: SignUpWindowFacts, now: Date): string | null {
  if (activity.status === 'cancelled') return '活动已取消';
  if (activity.status === 'finished') return '活动已结束';
  if (activity.status !== 'published') return '活动尚未发布';
  if (activity.signUpOpensAt !== null && now < activity.signUpOpensAt) return '报名尚未开始';
  if (now >= activity.signUpDeadline) return '报名已截止';
  return null;
}

/** A sign-up may be cancelled until the deadline; after it, only 请假 with a reason, until the start. */
export function cancelClosedReason(activity: SignUpWindowFacts, now: Date): string | null {
  if (activity.status !== 'published') return activity.status === 'cancelled' ? '活动已取消' : '活动已结束';
  if (now >= activity.signUpDeadline) return '报名已截止，不能取消；如不能参加，请向支部书记请假';
  return null;
}

export function leaveClosedReason(activity: SignUpWindowFacts, now: Date): string | null {
  if (activity.status !== 'published') return activity.status === 'cancelled' ? '活动已取消' : '活动已结束';
  if (now >= activity.startAt) return '活动已开始，不能再请假';
  return null;
}

/** Seats left, or null for an activity without a capacity. */
export function seatsLeft(capacity: number | null, signedUpCount: number): number | null {
  return capacity === null ? null : Math.max(0, capacity - signedUpCount);
}
