/**
 * How a campaign ranks its works and its branches (issue 13). Pure.
 *
 * Works. A work's score (0–100) blends the org's judgement with 群众评议, as the campaign's
 * `ratingWeight` (percent) says:
 *
 *   score = (1 − w) · selection points + w · rating points,   w = ratingWeight / 100
 *
 * Selection points follow the steps of the review chain: 一等奖 100, 二等奖 85, 三等奖 70, 优秀奖 55,
 * selected without an award 40, recommended by the branch 25, approved only 0. At the default
 * weight (30 %) the 15 points between two awards are worth 10.5 of score, so a lower award passes a
 * higher one only when 群众评议 rates it more than 35 rating points better (about 1.4 stars on
 * many ratings): the public can reorder close calls, not overturn the org. A campaign that wants
 * its awards alone to decide sets the weight to 0.
 *
 * Rating points are the work's Bayesian average on the 1–5 scale mapped to 0–100: RATING_PRIOR_COUNT
 * phantom ratings of RATING_PRIOR_MEAN are added to its own, so a work with few ratings is pulled
 * toward the middle and one 5 (≈ 3.3 → 58 points) does not beat two hundred ratings averaging 4.8
 * (≈ 4.76 → 94 points). The prior is a fixed point of the scale, not the campaign's running mean:
 * the score is stored on the work and read with one indexed query, so it must depend only on the
 * work's own facts — with a moving mean every rating of one work would silently reorder all others.
 * The scale's middle is also the honest "we know nothing yet" for a work nobody has rated.
 *
 * Branches. Ranked by participation rate — members with an approved work over active members — so a
 * small branch where nine in ten took part is ahead of a big one with more works from fewer of its
 * people; ties go to more selected works, then the higher average rating. A branch without an
 * approved work has no rank.
 */
import type { StoryAward } from '../../types/labels';

export const AWARD_POINTS: Record<StoryAward, number> = { first: 100, second: 85, third: 70, excellent: 55 };
export const SELECTED_POINTS = 40;
export const RECOMMENDED_POINTS = 25;
export const RATING_PRIOR_MEAN = 3;
export const RATING_PRIOR_COUNT = 5;
const LOWEST_RATING = 1;
const RATING_SPAN = 4;

export interface RankFacts {
  selectionState: 'recommended' | 'selected' | null;
  /** The award of a selected work, or null. */
  award: StoryAward | null;
  ratingCount: number;
  ratingSum: number;
}

export function selectionPoints(facts: Pick<RankFacts, 'selectionState' | 'award'>): number {
  if (facts.selectionState === 'selected') return facts.award === null ? SELECTED_POINTS : AWARD_POINTS[facts.award];
  return facts.selectionState === 'recommended' ? RECOMMENDED_POINTS : 0;
}

/** The Bayesian average of the work's ratings with the prior's phantom ratings. */
export function shrunkAverage(ratingCount: number, ratingSum: number): number {
  return (RATING_PRIOR_COUNT * RATING_PRIOR_MEAN + ratingSum) / (RATING_PRIOR_COUNT + ratingCount);
}

export function ratingPoints(ratingCount: number, ratingSum: number): number {
  return ((shrunkAverage(ratingCount, ratingSum) - LOWEST_RATING) / RATING_SPAN) * 100;
}

/** The work's score in its campaign, 0–100; `ratingWeight` in percent. */
export function rankScore(facts: RankFacts, ratingWeight: number): number {
  const weight = ratingWeight / 100;
  return (1 - weight) * selectionPoints(facts) + weight * ratingPoints(facts.ratingCount, facts.ratingSum);
}

export interface BranchTally {
  branchId: string;
  /** Active members of the branch. */
  members: number;
  /** Members with at least one approved work in the campaign. */
  authors: number;
  approved: number;
  selected: number;
  ratingCount: number;
  ratingSum: number;
}

export interface RankedBranch extends BranchTally {
  rank: number | null;
  /** authors / members, 0–1. */
  participationRate: number;
  /** One decimal; null before the first rating. */
  averageRating: number | null;
}

function roundToTenth(value: number): number {
  return Math.round(value * 10) / 10;
}

/** A recount may lag a member's move or departure: a rate never reads above everyone. */
function participationOf(tally: BranchTally): number {
  return tally.members > 0 ? Math.min(1, tally.authors / tally.members) : 0;
}

function exactAverage(tally: BranchTally): number | null {
  return tally.ratingCount > 0 ? tally.ratingSum / tally.ratingCount : null;
}

/** Ahead first: higher participation, then more selected, then the higher average (none counts as lowest). */
function compareBranches(a: BranchTally, b: BranchTally): number {
  return participationOf(b) - participationOf(a) || b.selected - a.selected || (exactAverage(b) ?? 0) - (exactAverage(a) ?? 0);
}

/** 1-based ranks of rows already in order, equal neighbours sharing one (1, 2, 2, 4). */
function sharedRanks<T>(rows: readonly T[], equal: (a: T, b: T) => boolean): number[] {
  const ranks: number[] = [];
  for (const [index, row] of rows.entries()) {
    const previous = rows[index - 1];
    ranks.push(previous !== undefined && equal(previous, row) ? ranks[index - 1]! : index + 1);
  }
  return ranks;
}

/**
 * Every branch in ranking order, branches without an approved work last and unranked; equal
 * branches share a rank. The input's order settles the order among equals.
 */
export function rankBranches(tallies: readonly BranchTally[]): RankedBranch[] {
  const taking = tallies.filter((tally) => tally.approved > 0).sort(compareBranches);
  const idle = tallies.filter((tally) => tally.approved === 0);
  const ranks = sharedRanks(taking, (a, b) => compareBranches(a, b) === 0);
  const row = (tally: BranchTally, rank: number | null): RankedBranch => {
    const average = exactAverage(tally);
    return { ...tally, rank, participationRate: participationOf(tally), averageRating: average === null ? null : roundToTenth(average) };
  };
  return [...taking.map((tally, index) => row(tally, ranks[index]!)), ...idle.map((tally) => row(tally, null))];
}

/** Ranks for scores already in descending order; equal scores share one. */
export function scoreRanks(scores: readonly number[]): number[] {
  return sharedRanks(scores, (a, b) => a === b);
}
