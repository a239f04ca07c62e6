/**
 * The 四红 board (ARCHITECTURE.md, "Statistics"): per unit and brand, nominations against the
 * per-unit quota, 互查 scores, ratings, acceptances and selections, and the units ranked by the share
 * of their quotas met, then selections, then the average 互查 score. Shares, not totals: a small
 * unit that met every quota ranks above a large one that met half, however many more it nominated.
 */
import type { BrandQuota, BrandUnitRow } from '../../types/contracts/brand';
import type { BrandKey } from '../../types/labels';

export interface UnitTally {
  nominated: number;
  reviewed: number;
  peerScoreSum: number;
  ratingCount: number;
  ratingSum: number;
  accepted: number;
  selected: number;
}

export interface UnitInput {
  branchId: string;
  branchName: string;
  /** Missing for a unit that has nominated nothing. */
  tallies: Partial<Record<BrandKey, UnitTally>> | null;
}

/** A unit's tally for a brand before anything is counted. */
export function emptyUnitTally(): UnitTally {
  return { nominated: 0, reviewed: 0, peerScoreSum: 0, ratingCount: 0, ratingSum: 0, accepted: 0, selected: 0 };
}

const ZERO: UnitTally = emptyUnitTally();

function average(sum: number, count: number): number | null {
  return count === 0 ? null : Math.round((sum / count) * 10) / 10;
}

export function unitRow(unit: UnitInput, brands: readonly BrandQuota[]): Omit<BrandUnitRow, 'rank'> {
  const rows = brands.map((quota) => {
    const tally = unit.tallies?.[quota.key] ?? ZERO;
    return {
      key: quota.key,
      nominated: tally.nominated,
      perUnit: quota.perUnit,
      met: tally.nominated >= quota.perUnit,
      peerScore: average(tally.peerScoreSum, tally.reviewed),
      ratingAverage: average(tally.ratingSum, tally.ratingCount),
      accepted: tally.accepted,
      selected: tally.selected,
      tally,
    };
  });
  const set = rows.filter((row) => row.perUnit > 0);
  const quotasMet = set.filter((row) => row.met).length;
  const sum = (pick: (tally: UnitTally) => number) => rows.reduce((total, row) => total + pick(row.tally), 0);
  return {
    branchId: unit.branchId,
    branchName: unit.branchName,
    quotaShare: set.length === 0 ? 1 : quotasMet / set.length,
    quotasMet,
    quotasTotal: set.length,
    nominated: sum((tally) => tally.nominated),
    accepted: sum((tally) => tally.accepted),
    selected: sum((tally) => tally.selected),
    peerScore: average(
      sum((tally) => tally.peerScoreSum),
      sum((tally) => tally.reviewed),
    ),
    ratingAverage: average(
      sum((tally) => tally.ratingSum),
      sum((tally) => tally.ratingCount),
    ),
    brands: rows.map(({ tally: _tally, ...row }) => row),
  };
}

/** Higher first: share of quotas met, then selected, then average 互查 score (none last). */
function compare(a: Omit<BrandUnitRow, 'rank'>, b: Omit<BrandUnitRow, 'rank'>): number {
  return b.quotaShare - a.quotaShare || b.selected - a.selected || (b.peerScore ?? -1) - (a.peerScore ?? -1);
}

/**
 * Every unit's row in rank order; units that nominated nothing come last without a rank. Ties on
 * all three keys share a rank (1, 1, 3), and keep the org's display order among themselves.
 */
export function rankUnits(units: readonly UnitInput[], brands: readonly BrandQuota[]): BrandUnitRow[] {
  const rows = units.map((unit) => unitRow(unit, brands));
  const ranked = rows.filter((row) => row.nominated > 0).sort(compare);
  const unranked = rows.filter((row) => row.nominated === 0);
  const out: BrandUnitRow[] = [];
  ranked.forEach((row, index) => {
    const previous = out[index - 1];
    const tied = previous !== undefined && compare(previous, row) === 0;
    out.push({ ...row, rank: tied ? previous.rank : index + 1 });
  });
  return [...out, ...unranked.map((row) => ({ ...row, rank: null }))];
}
