/**
 * The pure rules behind campaigns (issue 13): how works and branches rank (core/story/ranking.ts),
 * a campaign's windows and draft rules (core/story/campaign.ts), and the words of the author's
 * subscribe message (core/story/notice.ts).
 */
import { awardBelowGiven, campaignDraftProblems, campaignState, formatDeadline, ratingOpen } from '../../core/story/campaign';
import { storyNoticeData, type StoryStep } from '../../core/story/notice';
import { rankBranches, rankScore, ratingPoints, scoreRanks, selectionPoints, type BranchTally } from '../../core/story/ranking';
import { STORY_AWARDS } from '../../types/labels';

describe('作品排名分（rankScore）', () => {
  const unselected = { selectionState: null, award: null } as const;

  it('贝叶斯收缩：1 个 5 分排不过 200 个平均 4.8 分，也排不过 20 个平均 4.5 分', () => {
    const once = rankScore({ ...unselected, ratingCount: 1, ratingSum: 5 }, 30);
    expect(once).toBeLessThan(rankScore({ ...unselected, ratingCount: 200, ratingSum: 960 }, 30));
    expect(once).toBeLessThan(rankScore({ ...unselected, ratingCount: 20, ratingSum: 90 }, 30));
  });

  it('没人评议的作品取量表中点（50 分）；评议越多越接近自己的平均分', () => {
    expect(ratingPoints(0, 0)).toBe(50);
    expect(ratingPoints(5, 25)).toBeCloseTo(75, 9);
    expect(ratingPoints(10_000, 50_000)).toBeGreaterThan(99.8);
  });

  it('默认 30% 权重下：评议相同时奖项高的在前；低一级的奖项要比高一级多出 35 个评议分以上才能排到前面', () => {
    const score = (award: (typeof STORY_AWARDS)[number], ratingCount: number, ratingSum: number) =>
      rankScore({ selectionState: 'selected', award, ratingCount, ratingSum }, 30);
    for (let i = 0; i + 1 < STORY_AWARDS.length; i += 1) {
      const [higher, lower] = [STORY_AWARDS[i]!, STORY_AWARDS[i + 1]!];
      expect(score(higher, 40, 160)).toBeGreaterThan(score(lower, 40, 160));
      // 40 ratings averaging 3 against 40 averaging 4.3: 50 against ≈ 79.3 rating points, a lead under 35.
      expect(score(higher, 40, 120)).toBeGreaterThan(score(lower, 40, 172));
      // Against 40 averaging 4.6: ≈ 86 points, a lead over 35.
      expect(score(higher, 40, 120)).toBeLessThan(score(lower, 40, 184));
    }
    expect(score('excellent', 0, 0)).toBeGreaterThan(
      rankScore({ selectionState: 'selected', award: null, ratingCount: 40, ratingSum: 120 }, 30),
    );
  });

  it('推荐 25 分、入选不评奖 40 分、各奖项 100/85/70/55；权重 0 只看择优，100 只看评议', () => {
    expect(selectionPoints({ selectionState: 'recommended', award: null })).toBe(25);
    expect(selectionPoints({ selectionState: 'selected', award: null })).toBe(40);
    expect(STORY_AWARDS.map((award) => selectionPoints({ selectionState: 'selected', award }))).toEqual([100, 85, 70, 55]);
    expect(rankScore({ selectionState: 'selected', award: 'first', ratingCount: 3, ratingSum: 3 }, 0)).toBe(100);
    expect(rankScore({ selectionState: 'selected', award: 'first', ratingCount: 0, ratingSum: 0 }, 100)).toBe(50);
  });

  it('名次：分数相同名次相同，下一名跳过', () => {
    expect(scoreRanks([90, 80, 80, 70])).toEqual([1, 2, 2, 4]);
  });
});

describe('支部排名（rankBranches）', () => {
  const branch = (branchId: string, fields: Partial<BranchTally>): BranchTally => ({
    branchId,
    members: 10,
    authors: 0,
    approved: 0,
    selected: 0,
    ratingCount: 0,
    ratingSum: 0,
    ...fields,
  });

  it('按参与率排，不按篇数；参与率相同看入选数，再看平均分；完全相同名次相同；没有作品的不排名，排在最后', () => {
    const ranked = rankBranches([
      branch('idle', {}),
      branch('big', { members: 50, authors: 30, approved: 40 }),
      branch('small', { members: 10, authors: 9, approved: 9 }),
      branch('tie-selected', { members: 10, authors: 6, approved: 6, selected: 1 }),
      branch('tie-rated', { members: 10, authors: 6, approved: 6, ratingCount: 2, ratingSum: 9 }),
      branch('tie-rated-twin', { members: 10, authors: 6, approved: 6, ratingCount: 4, ratingSum: 18 }),
    ]);
    expect(ranked.map((row) => [row.branchId, row.rank])).toEqual([
      ['small', 1],
      ['tie-selected', 2],
      ['tie-rated', 3],
      ['tie-rated-twin', 3],
      ['big', 5],
      ['idle', null],
    ]);
    expect(ranked.find((row) => row.branchId === 'tie-rated')).toMatchObject({ participationRate: 0.6, averageRating: 4.5 });
  });

  it('作者数一时多于在册人数（调动、退出后尚未重算）：参与率不超过 100%；没有在册党员的支部参与率为 0', () => {
    const [moved, empty] = rankBranches([
      branch('moved', { members: 4, authors: 5, approved: 5 }),
      branch('empty', { members: 0, authors: 1, approved: 1 }),
    ]);
    expect([moved?.participationRate, empty?.participationRate]).toEqual([1, 0]);
  });
});

describe('征集的时间与规则', () => {
  const windows = {
    opensAt: new Date('2027-03-01T00:00:00+08:00'),
    closesAt: new Date('2027-06-27T00:00:00+08:00'),
    ratingClosesAt: new Date('2027-07-11T00:00:00+08:00'),
  };

  it('开始那一刻和截止那一刻都算进行中', () => {
    expect(campaignState(windows, new Date(windows.opensAt.getTime() - 1))).toBe('upcoming');
    expect(campaignState(windows, windows.opensAt)).toBe('open');
    expect(campaignState(windows, windows.closesAt)).toBe('open');
    expect(campaignState(windows, new Date(windows.closesAt.getTime() + 1))).toBe('closed');
  });

  it('评议：不属于征集的随时可评，征集的到评议截止那一刻为止，没有评议截止的不评', () => {
    expect(ratingOpen(null, windows.ratingClosesAt)).toBe(true);
    expect(ratingOpen(windows, windows.ratingClosesAt)).toBe(true);
    expect(ratingOpen(windows, new Date(windows.ratingClosesAt.getTime() + 1))).toBe(false);
    expect(ratingOpen({ ratingClosesAt: null }, windows.opensAt)).toBe(false);
  });

  it('截止时间按上海时间说：午夜记作前一天 24:00，其余照常', () => {
    expect(formatDeadline(windows.closesAt)).toBe('6月26日 24:00');
    expect(formatDeadline(new Date('2027-06-26T18:30:00+08:00'))).toBe('6月26日 18:30');
  });

  it('草稿规则：截止晚于开始、评议截止不早于征集截止、任务的作品类型在征集范围内且不重复；都对时没有问题', () => {
    const draft = { ...windows, kinds: ['story', 'lessonVideo'] as const, branchQuotas: [{ kind: 'lessonVideo' as const, count: 1 }] };
    expect(campaignDraftProblems({ ...draft, kinds: [...draft.kinds] })).toEqual([]);
    expect(campaignDraftProblems({ ...draft, kinds: [...draft.kinds], ratingClosesAt: windows.closesAt })).toEqual([]);
    expect(
      campaignDraftProblems({
        ...draft,
        kinds: ['story'],
        closesAt: windows.opensAt,
        ratingClosesAt: new Date(windows.opensAt.getTime() - 1),
      }).map((problem) => problem.field),
    ).toEqual(['closesAt', 'ratingClosesAt', 'branchQuotas.0.kind']);
  });

  it('奖项名额低于已颁数的第一个奖项；都不低于时为 null', () => {
    const awarded = { first: 1, second: 2, third: 0, excellent: 0 };
    expect(awardBelowGiven({ first: 1, second: 1, third: 0, excellent: 0 }, awarded)).toBe('second');
    expect(awardBelowGiven({ first: 1, second: 2, third: 0, excellent: 0 }, awarded)).toBeNull();
  });
});

describe('审核结果的订阅消息用语', () => {
  const steps: StoryStep[] = [
    { step: 'approved', comment: '' },
    { step: 'returned', comment: '请补充具体见闻' },
    { step: 'recommended', note: '' },
    { step: 'rejected', reason: '图片含有不当内容' },
    { step: 'selected', award: null },
    ...STORY_AWARDS.map((award): StoryStep => ({ step: 'selected', award })),
  ];

  it.each(steps.map((step) => [JSON.stringify(step), step] as const))(
    '%s：审核结果是五个以内的汉字，作品名称和备注不超过 20 个字',
    (_label, step) => {
      const data = storyNoticeData(
        { title: '在陈树湘烈士塑像前重温入党誓词的一个下午', kind: 'story' },
        step,
        new Date('2026-11-23T02:00:00Z'),
      );
      expect(data.result).toMatch(/^[\u4e00-\u9fff]{1,5}$/);
      expect([...data.title!].length).toBeLessThanOrEqual(20);
      expect([...data.note!].length).toBeLessThanOrEqual(20);
      expect(data.time).toBe('2026-11-23 10:00');
    },
  );

  it('没有标题的作品用作品类型作名称；退回的备注是退回原因', () => {
    const data = storyNoticeData(
      { title: ' ', kind: 'reflection' },
      { step: 'returned', comment: '请补充具体见闻' },
      new Date('2026-11-23T02:00:00Z'),
    );
    expect([data.title, data.result, data.note]).toEqual(['心得体会', '退回修改', '请补充具体见闻']);
  });
});
