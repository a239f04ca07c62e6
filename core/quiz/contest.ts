/** Who may see and take a contest, and when. Pure: the instant is the caller's server time. */

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
