/** Who may see and take a contest, and when. Pure: the instant is the caller's server time. */
import type { ContestPace, ReviewPolicy } from '../../types/contracts/quiz';

export type ContestStatus = 'upcoming' | 'open' | 'closed';

export interface ContestWindow {
  startAt: Date;
  endAt: Date;
}

export interface ContestAudience {
  /** Branches whose members may take part; null = the whole organisation. */
  audienceBranchIds: readonly string[] | null;
}

/** Contests outside the caller's audience are neither listed nor startable. */
export function isInAudience(contest: ContestAudience, branchId: string): boolean {
  return !contest.audienceBranchIds || contest.audienceBranchIds.includes(branchId);
}

/** Open from `startAt` (inclusive) to `endAt` (exclusive). */
export function contestStatusAt(contest: ContestWindow, now: Date): ContestStatus {
  if (now < contest.startAt) return 'upcoming';
  return now < contest.endAt ? 'open' : 'closed';
}

/** The organiser's view adds the draft state, which members never see. */
export function adminStatusAt(contest: ContestWindow & { status: 'draft' | 'published' }, now: Date): ContestStatus | 'draft' {
  return contest.status === 'draft' ? 'draft' : contestStatusAt(contest, now);
}

export interface ContestIntegritySettings {
  attemptsAllowed: number;
  review?: ReviewPolicy;
  pace?: ContestPace;
  secondsPerQuestion?: number | null;
  maxSwitches?: number | null;
}

/**
 * A contest's review policy. Answers shown after each attempt would let a member who has attempts
 * left learn them, so that is only ever the policy with a single attempt — whatever is stored.
 */
export function reviewPolicyOf(contest: ContestIntegritySettings): ReviewPolicy {
  if (contest.attemptsAllowed !== 1) return 'afterClose';
  return contest.review ?? 'afterEachAttempt';
}

/** When a member may see answers and explanations: null = right after their submit. */
export function reviewAvailableAt(contest: ContestIntegritySettings & ContestWindow): Date | null {
  return reviewPolicyOf(contest) === 'afterClose' ? contest.endAt : null;
}

/** Whether answers may be shown now to a member who has submitted. */
export function isReviewOpen(contest: ContestIntegritySettings & ContestWindow, now: Date): boolean {
  const availableAt = reviewAvailableAt(contest);
  return availableAt === null || now >= availableAt;
}

/** The questions of a contest that has not closed are reserved: practice must not reveal them. */
export function reservesPool(contest: ContestWindow & { status: 'draft' | 'published' }, now: Date): boolean {
  return contest.status === 'published' && now < contest.endAt;
}

export function paceOf(contest: ContestIntegritySettings): ContestPace {
  return contest.pace ?? 'whole';
}
