/**
 * Who organises an activity, who may see it, and what a viewer may do with it now: the rules the
 * activity function decides by and the detail page explains (ARCHITECTURE.md, "Domain rules").
 */
import type { Role, SignUpStatus } from '../../types/labels';
import {
  isInActivityAudience,
  seatsLeft,
  signUpClosedReason,
  cancelClosedReason,
  leaveClosedReason,
  type SignUpWindowFacts,
} from './rules';

export interface ActivityViewer {
  role: Role;
  branchId: string;
}

export interface ActivityFacts extends SignUpWindowFacts {
  /** Organising branch; null for an org-wide activity, which only org admins organise. */
  branchId: string | null;
  audience: readonly string[];
  capacity: number | null;
  signedUpCount: number;
  waitlist: boolean;
}

/** Org admins organise every activity; a secretary organises those of their own branch. */
export function managesActivity(viewer: ActivityViewer, activity: Pick<ActivityFacts, 'branchId'>): boolean {
  if (viewer.role === 'org_admin') return true;
  return viewer.role === 'secretary' && activity.branchId !== null && activity.branchId === viewer.branchId;
}

/**
 * Organisers see everything they organise; anyone else sees a non-draft activity addressed to their
 * branch, or one they already have a place in (the audience may have changed since they signed up).
 */
export function canViewActivity(
  viewer: ActivityViewer,
  activity: Pick<ActivityFacts, 'branchId' | 'audience' | 'status'>,
  mine: SignUpStatus | null,
): boolean {
  if (managesActivity(viewer, activity)) return true;
  if (activity.status === 'draft') return false;
  return mine !== null || isInActivityAudience(activity.audience, viewer.branchId);
}

export function isFull(activity: Pick<ActivityFacts, 'capacity' | 'signedUpCount'>): boolean {
  return seatsLeft(activity.capacity, activity.signedUpCount) === 0;
}

const HOLDS_A_PLACE: readonly SignUpStatus[] = ['signed', 'waitlisted'];

/**
 * Why this viewer cannot sign up now, in their words; null when a tap would sign them up (or put
 * them on the waitlist). The window and lifecycle come first, then their own place, then audience
 * and seats.
 */
export function signUpRefusal(activity: ActivityFacts, viewer: ActivityViewer, mine: SignUpStatus | null, now: Date): string | null {
  const closed = signUpClosedReason(activity, now);
  if (closed !== null) return closed;
  if (mine === 'signed') return '你已报名';
  if (mine === 'waitlisted') return '你已在候补名单中';
  if (!isInActivityAudience(activity.audience, viewer.branchId)) return '本活动不面向你所在的党支部';
  if (isFull(activity) && !activity.waitlist) return '名额已满';
  return null;
}

export interface ViewerActions {
  can: { signUp: boolean; cancelSignUp: boolean; requestLeave: boolean; manage: boolean };
  signUpClosedReason: string | null;
}

/** What the detail page offers: a cancel while the deadline allows it, 请假 for a held seat until the start. */
export function viewerActions(activity: ActivityFacts, viewer: ActivityViewer, mine: SignUpStatus | null, now: Date): ViewerActions {
  const refusal = signUpRefusal(activity, viewer, mine, now);
  const holdsPlace = mine !== null && HOLDS_A_PLACE.includes(mine);
  return {
    can: {
      signUp: refusal === null,
      cancelSignUp: holdsPlace && cancelClosedReason(activity, now) === null,
      requestLeave: holdsPlace && leaveClosedReason(activity, now) === null,
      manage: managesActivity(viewer, activity),
    },
    signUpClosedReason: refusal,
  };
}

/** Members told of a change hear only about what they plan around: when and where. */
export interface ActivitySchedule {
  startAt: Date;
  endAt: Date;
  place: string;
  baseId: string | null;
  online: boolean;
}

export function scheduleChanged(before: ActivitySchedule, after: ActivitySchedule): boolean {
  return (
    before.startAt.getTime() !== after.startAt.getTime() ||
    before.endAt.getTime() !== after.endAt.getTime() ||
    before.place !== after.place ||
    before.baseId !== after.baseId ||
    before.online !== after.online
  );
}
