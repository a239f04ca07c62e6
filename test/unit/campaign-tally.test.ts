import { campaignTallies, type TalliedWork } from '../../server/campaignTally';

function work(id: string, branchId: string, approvedAt: string, fields: Partial<TalliedWork> = {}): TalliedWork {
  return {
    _id: id,
    status: 'approved',
    campaignId: 'c1',
    branchId,
    authorId: 'm1',
    kind: 'article',
    approvedAt: new Date(approvedAt),
    selectionState: null,
    ratingCount: 0,
    ratingSum: 0,
    ...fields,
  };
}

describe('征集的支部统计从作品数起', () => {
  it('转过支部的作者只算一次，算在第一篇通过的作品所在支部；作品的先后顺序不影响结果', () => {
    const works = [work('w-late', 'b2', '2026-11-20T02:00:00Z'), work('w-early', 'b1', '2026-11-10T02:00:00Z')];
    const forwards = campaignTallies(works, new Date(0));
    const backwards = campaignTallies([...works].reverse(), new Date(0));
    expect(forwards).toEqual({ tallies: expect.any(Array), authors: backwards.authors });
    const authorsBy = (result: typeof forwards) => Object.fromEntries(result.tallies.map((tally) => [tally.branchId, tally.authors]));
    expect(authorsBy(forwards)).toEqual({ b1: 1, b2: 0 });
    expect(authorsBy(backwards)).toEqual({ b1: 1, b2: 0 });
    expect(forwards.authors).toEqual([
      { _id: 'c1_m1', campaignId: 'c1', memberId: 'm1', branchId: 'b1', storyId: 'w-early', at: new Date('2026-11-10T02:00:00Z') },
    ]);
  });

  it('未通过的作品和不属于征集的作品不计', () => {
    const result = campaignTallies(
      [work('w1', 'b1', '2026-11-10T02:00:00Z', { status: 'pending' }), work('w2', 'b1', '2026-11-10T02:00:00Z', { campaignId: null })],
      new Date(0),
    );
    expect(result).toEqual({ tallies: [], authors: [] });
  });
});
