/**
 * The 四红 recount (core/brand/recount.ts): a unit's tallies and the programme's selected counts as
 * its nominations say, whatever order they come in — what the steps' moves keep, built from scratch.
 */
import { emptyUnitTally } from '../../core/brand/board';
import { emptyBrandTallies, recountBrandUnits, type CountedNomination } from '../../core/brand/recount';

function nomination(overrides: Partial<CountedNomination> = {}): CountedNomination {
  return {
    branchId: 'branch-1',
    branchName: '第一党支部',
    brand: 'classroom',
    status: 'submitted',
    peerReview: null,
    ratingCount: 0,
    ratingSum: 0,
    ...overrides,
  };
}

describe('recountBrandUnits', () => {
  it('没有申报：没有单位，每个品牌评选 0', () => {
    expect(recountBrandUnits([])).toEqual({ units: [], selected: { gardener: 0, bookhouse: 0, classroom: 0, base: 0 } });
  });

  it('每一步的计数：申报、互查分、评议、验收（评选后仍算通过）、评选', () => {
    const { units, selected } = recountBrandUnits([
      nomination(),
      nomination({ status: 'reviewed', peerReview: { score: 80 }, ratingCount: 3, ratingSum: 12 }),
      nomination({ status: 'accepted', peerReview: { score: 90 }, ratingCount: 2, ratingSum: 9 }),
      nomination({ status: 'selected', peerReview: { score: 95 }, ratingCount: 1, ratingSum: 5 }),
      nomination({ status: 'failed', peerReview: { score: 40 } }),
      nomination({ brand: 'gardener', status: 'selected', peerReview: { score: 70 } }),
    ]);
    expect(units).toHaveLength(1);
    expect(units[0]!.brands.classroom).toEqual({
      nominated: 5,
      reviewed: 4,
      peerScoreSum: 305,
      ratingCount: 6,
      ratingSum: 26,
      accepted: 2,
      selected: 1,
    });
    expect(units[0]!.brands.gardener).toEqual({
      ...emptyUnitTally(),
      nominated: 1,
      reviewed: 1,
      peerScoreSum: 70,
      accepted: 1,
      selected: 1,
    });
    expect(units[0]!.brands.bookhouse).toEqual(emptyUnitTally());
    expect(selected).toEqual({ gardener: 1, bookhouse: 0, classroom: 1, base: 0 });
  });

  it('按单位分开；单位名取它的第一份申报；顺序不影响计数', () => {
    const list = [
      nomination({ branchId: 'branch-2', branchName: '第二党支部', status: 'selected' }),
      nomination(),
      nomination({ branchId: 'branch-2', branchName: '第二党支部（改名后）', brand: 'base', ratingCount: 4, ratingSum: 18 }),
    ];
    const forward = recountBrandUnits(list);
    expect(forward.units.map((unit) => [unit.branchId, unit.branchName])).toEqual([
      ['branch-2', '第二党支部'],
      ['branch-1', '第一党支部'],
    ]);
    const backward = recountBrandUnits([...list].reverse());
    const byBranch = (result: typeof forward) => Object.fromEntries(result.units.map((unit) => [unit.branchId, unit.brands]));
    expect(byBranch(backward)).toEqual(byBranch(forward));
    expect(backward.selected).toEqual(forward.selected);
    expect(byBranch(forward)['branch-2']).toEqual({
      ...emptyBrandTallies(),
      classroom: { ...emptyUnitTally(), nominated: 1, accepted: 1, selected: 1 },
      base: { ...emptyUnitTally(), nominated: 1, ratingCount: 4, ratingSum: 18 },
    });
  });
});
