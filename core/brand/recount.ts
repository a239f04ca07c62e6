/**
 * The 四红 tallies as the nominations themselves say (ARCHITECTURE.md, "Statistics"): per unit and
 * brand what `brand_units` keeps by the steps' moves and the ratings' increments, and per brand how
 * many are selected (the programme's `selected`), built from scratch. A full recompute of the
 * statistics sets the stored ones to this (server/brandTally.ts), writing only what differs.
 */
import { BRAND_KEYS, type BrandKey, type BrandNominationStatus } from '../../types/labels';
import { emptyUnitTally, type UnitTally } from './board';

/** What a nomination contributes to its unit's tally. */
export interface CountedNomination {
  branchId: string;
  branchName: string;
  brand: BrandKey;
  status: BrandNominationStatus;
  peerReview: { score: number } | null;
  ratingCount: number;
  ratingSum: number;
}

export interface RecountedUnit {
  branchId: string;
  /** The name on the unit's first nomination in the order given (the one whose step created its tally). */
  branchName: string;
  brands: Record<BrandKey, UnitTally>;
}

export interface BrandRecount {
  /** One per unit that nominated anything, in the order of each unit's first nomination. */
  units: RecountedUnit[];
  /** Selected nominations per brand, every brand present. */
  selected: Record<BrandKey, number>;
}

/** Every brand with nothing counted. */
export function emptyBrandTallies(): Record<BrandKey, UnitTally> {
  return Object.fromEntries(BRAND_KEYS.map((key) => [key, emptyUnitTally()])) as Record<BrandKey, UnitTally>;
}

/**
 * Each step's move summed over the nominations: a nomination counts once as nominated, its 互查 as
 * one review with its score, its ratings as they stand on it, once accepted (still so while
 * selected: a selection keeps the acceptance) and once selected.
 */
export function recountBrandUnits(nominations: Iterable<CountedNomination>): BrandRecount {
  const units = new Map<string, RecountedUnit>();
  const selected = Object.fromEntries(BRAND_KEYS.map((key) => [key, 0])) as Record<BrandKey, number>;
  for (const nomination of nominations) {
    let unit = units.get(nomination.branchId);
    if (!unit) {
      unit = { branchId: nomination.branchId, branchName: nomination.branchName, brands: emptyBrandTallies() };
      units.set(nomination.branchId, unit);
    }
    const tally = (unit.brands[nomination.brand] ??= emptyUnitTally());
    tally.nominated += 1;
    if (nomination.peerReview !== null) {
      tally.reviewed += 1;
      tally.peerScoreSum += nomination.peerReview.score;
    }
    tally.ratingCount += nomination.ratingCount;
    tally.ratingSum += nomination.ratingSum;
    if (nomination.status === 'accepted' || nomination.status === 'selected') tally.accepted += 1;
    if (nomination.status === 'selected') {
      tally.selected += 1;
      selected[nomination.brand] = (selected[nomination.brand] ?? 0) + 1;
    }
  }
  return { units: [...units.values()], selected };
}
