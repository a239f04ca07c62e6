/**
 * Moving a campaign's per-branch tallies after a step of the chain has committed (ARCHITECTURE.md,
 * "Stories"). The step stands whatever happens here: a failed or lost increment is logged at error
 * level (`campaign_tally_not_applied`, which CloudBase's log alerts pick up) and leaves a count one
 * short until the periodic recount of issue 14 sets every tally from the works themselves.
 */
import type { StoryDoc } from '../../server/documents';
import type { Logger } from '../../server/kernel/log';
import type { RequestContext } from '../../server/kernel/router';
import { addToTally, markAuthor, type TallyIncrement } from './counters.repository';

type CampaignWork = Pick<StoryDoc, '_id' | 'campaignId' | 'branchId' | 'authorId' | 'kind'>;

async function applied(log: Logger, work: CampaignWork, what: string, move: () => Promise<void>): Promise<void> {
  try {
    await move();
  } catch (error) {
    log.error('campaign_tally_not_applied', {
      what,
      storyId: work._id,
      campaignId: work.campaignId,
      branchId: work.branchId,
      message: error instanceof Error ? error.message : String(error),
    });
  }
}

function add(ctx: RequestContext, work: CampaignWork & { campaignId: string }, increment: TallyIncrement): Promise<void> {
  return addToTally(ctx.db, { campaignId: work.campaignId, branchId: work.branchId }, increment, ctx.now);
}

/** An approved work: one more of its kind, and one more author if it is the member's first in the campaign. */
export async function tallyApproval(ctx: RequestContext, work: CampaignWork): Promise<void> {
  const { campaignId } = work;
  if (campaignId === null) return;
  await applied(ctx.log, work, 'approval', async () => {
    const first = await markAuthor(ctx.db, {
      campaignId,
      memberId: work.authorId,
      branchId: work.branchId,
      storyId: work._id,
      at: ctx.now,
    });
    await add(ctx, { ...work, campaignId }, { approvedKind: work.kind, authors: first ? 1 : 0 });
  });
}

/** A work selected for the first time (a changed award is not another selection). */
export async function tallySelection(ctx: RequestContext, work: CampaignWork): Promise<void> {
  const { campaignId } = work;
  if (campaignId === null) return;
  await applied(ctx.log, work, 'selection', () => add(ctx, { ...work, campaignId }, { selected: 1 }));
}

export async function tallyRating(ctx: RequestContext, work: CampaignWork, score: number): Promise<void> {
  const { campaignId } = work;
  if (campaignId === null) return;
  await applied(ctx.log, work, 'rating', () => add(ctx, { ...work, campaignId }, { rating: score }));
}
