/**
 * Contest board order and branch standings (ARCHITECTURE.md, "Domain rules"): higher score first, then shorter
 * duration, then earlier submit.
 */

export interface BoardEntry {
  score: number;
  durationMs: number;
  submittedAt: Date | number;
}

export const MAX_SCORE = 100_000;
/** A contest's time limit must not exceed this, or its durations cannot be keyed. */
export const MAX_DURATION_MS = 7 * 24 * 60 * 60 * 1000;
const MIN_SUBMITTED_AT = Date.UTC(2000, 0, 1);
const MAX_SUBMITTED_AT = Date.UTC(2100, 0, 1);

const SCORE_WIDTH = String(MAX_SCORE).length;
const DURATION_WIDTH = String(MAX_DURATION_MS).length;
const SUBMITTED_AT_WIDTH = String(MAX_SUBMITTED_AT).length;

function epochMs(at: Date | number): number {
  return typeof at === 'number' ? at : at.getTime();
}

/** Negative when `a` ranks above `b`; 0 for a true tie (same rank). */
export function compareEntries(a: BoardEntry, b: BoardEntry): number {
  return b.score - a.score || a.durationMs - b.durationMs || epochMs(a.submittedAt) - epochMs(b.submittedAt);
}

function digits(value: number, width: number, min: number, max: number, field: string): string {
  if (!Number.isInteger(value) || value < min || value > max)
    throw new RangeError(`${field} ${value} is outside ${min}..${max} or not an integer`);
  return String(value).padStart(width, '0');
}

/**
 * A string whose ascending order is the board order, stored on each member's best entry so the
 * database does the ranking: top-N is one indexed `orderBy('sortKey', 'asc').limit(n)` and my
 * rank is `1 + count({ sortKey: _.lt(mine) })`, both O(page) however many took part.
 *
 * Format `SSSSSS-DDDDDDDDD-TTTTTTTTTTTTT`: (MAX_SCORE − score), duration ms and submit epoch ms,
 * each zero-padded to a fixed width so character order is numeric order; inverting the score
 * makes "higher first" ascend. Only ASCII digits and '-', so byte order and any collation agree.
 * Equal keys are true ties and share a rank. Throws RangeError outside the supported ranges
 * (integer score 0..100000, integer duration 0..7 days, submit between 2000 and 2100).
 */
export function rankSortKey(entry: BoardEntry): string {
  return [
    digits(MAX_SCORE - entry.score, SCORE_WIDTH, 0, MAX_SCORE, 'score'),
    digits(entry.durationMs, DURATION_WIDTH, 0, MAX_DURATION_MS, 'durationMs'),
    digits(epochMs(entry.submittedAt), SUBMITTED_AT_WIDTH, MIN_SUBMITTED_AT, MAX_SUBMITTED_AT, 'submittedAt'),
  ].join('-');
}

export interface BranchTotals {
  memberCount: number;
  /** Members who took part (counted once however many attempts they made). */
  participantCount: number;
  /** Sum of each participant's best score. */
  scoreSum: number;
}

export interface BranchStanding {
  /** 0..1. */
  participationRate: number;
  /** Mean over participants only, so members who stayed away lower the rate, not the average twice. */
  averageScore: number;
}

/**
 * Ratios rather than totals so a 200-member branch cannot outrank a fully engaged 8-member one by
 * size alone. The rate is capped at 1 because members who took part and then transferred out
 * still count as participants; an empty branch has rate 0.
 */
export function branchStanding({ memberCount, participantCount, scoreSum }: BranchTotals): BranchStanding {
  return {
    participationRate: memberCount > 0 ? Math.min(1, participantCount / memberCount) : 0,
    averageScore: participantCount > 0 ? scoreSum / participantCount : 0,
  };
}

export interface RankedBranch extends BranchStanding {
  branchId: string;
}

/**
 * Participation rate desc, then average score desc, then branch id asc. The last key carries
 * no merit; it only makes the order total, so pages and exports list tied branches the same way
 * every time. Member count is deliberately not a tie-break: either direction would favour a size.
 */
export function compareBranches(a: RankedBranch, b: RankedBranch): number {
  return (
    b.participationRate - a.participationRate ||
    b.averageScore - a.averageScore ||
    (a.branchId < b.branchId ? -1 : a.branchId > b.branchId ? 1 : 0)
  );
}
