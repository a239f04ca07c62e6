import { rankBranches, scoreRanks, type BranchTally } from '../../../core/story/ranking';
import type { ActionOutput, ParsedInput } from '../../../types/contracts';
import type { CampaignBranchDoc, CampaignDoc, OrgDoc, StoryDoc } from '../../../server/documents';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { listBranches } from '../../../server/orgs.repository';
import { scoreOf } from '../chain';
import { findCampaign } from '../campaigns.repository';
import { listTallies } from '../counters.repository';
import { listTopWorks } from '../lists.repository';
import { toStoryCards } from '../storyView';

type Output = ActionOutput<'story', 'campaignRanking'>;

function roundTo(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/**
 * The stored scores order the query; each work's score is then computed again from its own counts
 * (a stored one can trail a rating or two that raced it) and the page ordered by that.
 */
async function rankedWorks(works: StoryDoc[], campaign: CampaignDoc): Promise<Output['works']> {
  const scored = works.map((work) => ({ work, score: roundTo(scoreOf(work, campaign), 1) })).sort((a, b) => b.score - a.score);
  const cards = await toStoryCards(
    scored.map(({ work }) => work),
    new Map([[campaign._id, campaign.title]]),
  );
  const ranks = scoreRanks(scored.map(({ score }) => score));
  return scored.map(({ score }, index) => ({ rank: ranks[index]!, score, work: cards[index]! }));
}

function rankedBranchRows(branches: OrgDoc[], tallies: CampaignBranchDoc[], campaign: CampaignDoc): Output['branches'] {
  const byBranch = new Map(tallies.map((tally) => [tally.branchId, tally]));
  const rows: BranchTally[] = branches.map((branch) => {
    const tally = byBranch.get(branch._id);
    return {
      branchId: branch._id,
      members: branch.activeMemberCount,
      authors: tally?.authors ?? 0,
      approved: tally ? Object.values(tally.approved).reduce((sum, count) => sum + count, 0) : 0,
      selected: tally?.selected ?? 0,
      ratingCount: tally?.ratingCount ?? 0,
      ratingSum: tally?.ratingSum ?? 0,
    };
  });
  const names = new Map(branches.map((branch) => [branch._id, branch.name]));
  return rankBranches(rows).map((row) => ({
    rank: row.rank,
    branchId: row.branchId,
    branchName: names.get(row.branchId) ?? '',
    members: row.members,
    authors: row.authors,
    approved: row.approved,
    participationRate: roundTo(row.participationRate, 3),
    selected: row.selected,
    averageRating: row.averageRating,
    quotasMet: campaign.branchQuotas.every((quota) => (byBranch.get(row.branchId)?.approved[quota.kind] ?? 0) >= quota.count),
  }));
}

/**
 * A campaign's best works by rank score (core/story/ranking.ts: the org's selection and 群众评议,
 * weighted as the campaign says) and every branch by participation rate, from the per-branch
 * tallies — never by counting works. DB requests: the caller, the campaign, then side by side the
 * top works (index campaign_rank), the tallies (at most one per branch, one read) and the branches.
 */
export async function campaignRanking(input: ParsedInput<'story', 'campaignRanking'>, ctx: MemberContext): Promise<Output> {
  const { db } = ctx;
  const campaign = await findCampaign(db, input.campaignId);
  if (!campaign) fail('NOT_FOUND', { field: 'campaignId', message: '征集不存在' });
  const [works, tallies, branches] = await Promise.all([
    listTopWorks(db, campaign._id, input.top),
    listTallies(db, campaign._id),
    listBranches(db),
  ]);
  return { works: await rankedWorks(works, campaign), branches: rankedBranchRows(branches, tallies, campaign) };
}
