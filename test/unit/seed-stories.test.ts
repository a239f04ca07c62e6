/**
 * The demo's 投稿 (emulator/seed/stories.ts) against the rules the function enforces: each work
 * fits its kind and its campaign, ratings are never by the author, the campaigns' award counts and
 * the per-branch tallies are what the works say, and the demo identities find what the tour needs.
 */
import { draftProblems, savedWorkFacts } from '../../core/story/rules';
import { rankScore } from '../../core/story/ranking';
import { campaignDraftProblems } from '../../core/story/campaign';
import { STORY_AWARDS } from '../../types/labels';
import { seedPeople } from '../../emulator/seed/people';
import { PENDING_STORY_ID, RETURNED_STORY_ID, seedStories, STORY_CONTEST_ID, THEORY_CAMPAIGN_ID } from '../../emulator/seed/stories';
import { campaignTallies } from '../../server/campaignTally';
import { formatShanghai } from '../../core/time';

const NOW = new Date('2026-11-23T02:00:00Z');
const { members, orgs } = seedPeople(NOW);
const seeded = seedStories(NOW, members, orgs);
const work = (id: string) => seeded.stories.find((story) => story._id === id);

describe('演示投稿', () => {
  it('每件已发布、待审的作品都符合它那类作品的要求（标题、字数、图片、视频）', () => {
    const problems = seeded.stories
      .filter((story) => story.status !== 'returned')
      .flatMap((story) => draftProblems(savedWorkFacts(story)).map((problem) => `${story._id} ${problem.field}: ${problem.message}`));
    expect(problems).toEqual([]);
  });

  it('征集作品的类型在征集范围内，提交在征集期内；征集本身合乎规则', () => {
    for (const campaign of seeded.campaigns) {
      expect({ campaign: campaign._id, problems: campaignDraftProblems(campaign) }).toEqual({ campaign: campaign._id, problems: [] });
      for (const story of seeded.stories.filter((candidate) => candidate.campaignId === campaign._id)) {
        const fits =
          campaign.kinds.includes(story.kind) && story.submittedAt! >= campaign.opensAt && story.submittedAt! <= campaign.closesAt;
        expect({ story: story._id, fits }).toEqual({ story: story._id, fits: true });
      }
    }
  });

  it('理论文章征集 6月26日 24:00（上海时间）截止；故事大赛已截止而群众评议仍在进行', () => {
    const theory = seeded.campaigns.find((campaign) => campaign._id === THEORY_CAMPAIGN_ID)!;
    expect(formatShanghai(theory.closesAt, 'YYYY-MM-DD HH:mm')).toBe('2027-06-27 00:00');
    const contest = seeded.campaigns.find((campaign) => campaign._id === STORY_CONTEST_ID)!;
    expect([contest.closesAt < NOW, contest.ratingClosesAt! > NOW]).toEqual([true, true]);
  });

  it('没有人评议自己的作品；作品上的评议数、总分和排名分与评议记录一致', () => {
    for (const rating of seeded.ratings) expect(work(rating.storyId)?.authorId).not.toBe(rating.memberId);
    for (const story of seeded.stories) {
      const own = seeded.ratings.filter((rating) => rating.storyId === story._id);
      expect({ id: story._id, count: story.ratingCount, sum: story.ratingSum }).toEqual({
        id: story._id,
        count: own.length,
        sum: own.reduce((sum, rating) => sum + rating.score, 0),
      });
      if (story.status !== 'approved') continue;
      const weight = seeded.campaigns.find((campaign) => campaign._id === story.campaignId)?.ratingWeight ?? 0;
      const facts = {
        selectionState: story.selectionState,
        award: story.selection?.award ?? null,
        ratingCount: story.ratingCount,
        ratingSum: story.ratingSum,
      };
      expect(story.rankScore).toBeCloseTo(rankScore(facts, weight), 9);
    }
  });

  it('各征集的已颁奖数等于入选作品的奖项；支部统计与作者标记就是作品算出来的', () => {
    for (const campaign of seeded.campaigns) {
      const awards = seeded.stories.filter((story) => story.campaignId === campaign._id && story.selection?.award);
      expect(campaign.awarded).toEqual(
        Object.fromEntries(STORY_AWARDS.map((award) => [award, awards.filter((story) => story.selection?.award === award).length])),
      );
    }
    expect(seeded.tallies).toEqual(campaignTallies(seeded.stories, NOW).tallies);
    expect(seeded.tallies.length).toBeGreaterThan(4);
  });

  it('第一党支部有一件等 demo-secretary 审核的作品；demo-member 有一件被退回、写明原因的作品和一件获奖作品', () => {
    expect(work(PENDING_STORY_ID)).toMatchObject({ status: 'pending', branchId: 'branch-1' });
    expect(work(PENDING_STORY_ID)?.authorId).not.toBe('m-demo-secretary');
    expect(work(RETURNED_STORY_ID)).toMatchObject({ status: 'returned', authorId: 'm-demo-member', review: { decision: 'return' } });
    expect(seeded.stories.filter((story) => story.authorId === 'm-demo-member' && story.selection?.award)).toHaveLength(1);
    expect(new Set(seeded.stories.filter((story) => story.status === 'approved').map((story) => story.branchId)).size).toBe(5);
  });
});
