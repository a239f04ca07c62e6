/**
 * The 四红 pure rules (core/brand): the stage at an instant, the 互查 rotation and the board's ranking.
 */
import { rankUnits } from '../../core/brand/board';
import { reviewerRotation } from '../../core/brand/rotation';
import { brandStage } from '../../core/brand/stage';

const deadlines = {
  applyEndsAt: new Date('2026-12-01T00:00:00Z'),
  reviewEndsAt: new Date('2026-12-15T00:00:00Z'),
  ratingEndsAt: new Date('2027-01-01T00:00:00Z'),
  acceptanceEndsAt: new Date('2027-02-01T00:00:00Z'),
};

describe('brandStage', () => {
  it.each([
    ['applyEndsAt', 'apply', 'review'],
    ['reviewEndsAt', 'review', 'rating'],
    ['ratingEndsAt', 'rating', 'acceptance'],
    ['acceptanceEndsAt', 'acceptance', 'closed'],
  ] as const)('%s 前 1 毫秒是 %s，截止时刻与其后 1 毫秒是 %s', (field, before, after) => {
    const deadline = deadlines[field].getTime();
    expect(brandStage(deadlines, new Date(deadline - 1))).toBe(before);
    expect(brandStage(deadlines, new Date(deadline))).toBe(after);
    expect(brandStage(deadlines, new Date(deadline + 1))).toBe(after);
  });
});

describe('reviewerRotation', () => {
  const unit = (id: string) => ({ branchId: id, branchName: id });

  it('任意多个申报单位：没有单位互查自己，每个单位恰好互查一个，输入顺序不影响结果', () => {
    for (let count = 2; count <= 12; count += 1) {
      const units = Array.from({ length: count }, (_, index) => unit(`b-${String(index).padStart(2, '0')}`));
      const rotation = reviewerRotation(units, []);
      const shuffled = reviewerRotation([...units].reverse(), []);
      expect(rotation.size).toBe(count);
      for (const { branchId } of units) expect(rotation.get(branchId)?.branchId).not.toBe(branchId);
      expect(new Set([...rotation.values()].map((reviewer) => reviewer.branchId)).size).toBe(count);
      expect(shuffled).toEqual(rotation);
    }
  });

  it('只有一个申报单位：由按编号排在其后的另一个党支部互查；组织里没有别的支部时不分配', () => {
    expect(reviewerRotation([unit('b-2')], [unit('b-1'), unit('b-2'), unit('b-3')]).get('b-2')).toEqual(unit('b-3'));
    expect(reviewerRotation([unit('b-3')], [unit('b-3'), unit('b-1'), unit('b-2')]).get('b-3')).toEqual(unit('b-1'));
    expect(reviewerRotation([unit('b-1')], [unit('b-1')]).size).toBe(0);
  });
});

describe('rankUnits', () => {
  const brands = [
    { key: 'gardener', perUnit: 1, selectTotal: 10 },
    { key: 'classroom', perUnit: 2, selectTotal: 50 },
  ] as const;
  const tally = (nominated: number, selected = 0, reviewed = 0, peerScoreSum = 0) => ({
    nominated,
    reviewed,
    peerScoreSum,
    ratingCount: 0,
    ratingSum: 0,
    accepted: selected,
    selected,
  });

  it('按完成指标的比例排名，其次入选数，再次互查均分；比例相同、入选与均分都相同的并列', () => {
    const rows = rankUnits(
      [
        { branchId: 'big', branchName: '大', tallies: { classroom: tally(20, 5, 20, 1900) } },
        { branchId: 'small', branchName: '小', tallies: { gardener: tally(1), classroom: tally(2) } },
        { branchId: 'twin-a', branchName: '甲', tallies: { gardener: tally(1), classroom: tally(1, 1, 1, 80) } },
        { branchId: 'twin-b', branchName: '乙', tallies: { gardener: tally(1), classroom: tally(1, 1, 1, 80) } },
        { branchId: 'none', branchName: '无', tallies: null },
      ],
      [...brands],
    );
    expect(rows.map((row) => [row.branchId, row.rank])).toEqual([
      ['small', 1],
      ['big', 2],
      ['twin-a', 3],
      ['twin-b', 3],
      ['none', null],
    ]);
  });
});
