import { canSeeStory } from '../../../core/story/access';
import { formatDeadline, ratingOpen } from '../../../core/story/campaign';
import type { ActionOutput, ParsedInput } from '../../../types/contracts';
import type { CampaignDoc, StoryDoc } from '../../../server/documents';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { NOT_VISIBLE } from '../authoring';
import { scoreOf } from '../chain';
import { countRating, countRatingIf, findWorkWithCampaign, insertRating, type SelectionFacts } from '../ratings.repository';
import { findStory } from '../stories.repository';
import { ratingSummary, storyCaller } from '../storyView';
import { tallyRating } from '../tallies';

/** Reads of the work after a selection step changed it under a rating, before the rating is counted without its score. */
const SCORE_ROUNDS = 3;

/**
 * Counts the rating on the work with the rank score it makes. The score is computed from the counts
 * this call read plus its own rating, so ratings racing each other each store one a rating or two
 * behind until the next; a selection step racing it makes the write miss and the work is read
 * again, so a stored score never mixes an old award with new counts.
 */
async function countOnWork(ctx: MemberContext, work: StoryDoc, campaign: CampaignDoc | null, score: number): Promise<void> {
  let seen: StoryDoc | null = work;
  for (let round = 0; round < SCORE_ROUNDS && seen !== null; round += 1) {
    const after = { ...seen, ratingCount: seen.ratingCount + 1, ratingSum: seen.ratingSum + score };
    const selection: SelectionFacts = { selectionState: seen.selectionState, selection: seen.selection };
    if (await countRatingIf(ctx.db, work._id, selection, score, scoreOf(after, campaign))) return;
    seen = await findStory(ctx.db, work._id);
  }
  if (seen === null) return;
  ctx.log.warn('story_rating_unscored', { storyId: work._id });
  await countRating(ctx.db, work._id, score);
}

/**
 * 群众评议: one rating (1–5) per member per approved work, final, never of one's own work, while
 * its campaign's rating window is open. DB requests: the caller, the work with its campaign (one
 * lookup), the rating's insert (its `_id` refuses a second, also a concurrent one: DUPLICATE), then
 * side by side the work's counts and score and, for a campaign work, its branch's tally — 5, four
 * one after another; 4 for a work outside a campaign.
 */
export async function rate(input: ParsedInput<'story', 'rate'>, ctx: MemberContext): Promise<ActionOutput<'story', 'rate'>> {
  const { db, member, now } = ctx;
  const found = await findWorkWithCampaign(db, input.id);
  if (!found || found.story.status !== 'approved' || !canSeeStory(storyCaller(member), found.story)) {
    fail('NOT_FOUND', NOT_VISIBLE);
  }
  const { story, campaign } = found;
  if (story.authorId === member._id) fail('FORBIDDEN', { message: '不能评议自己的作品' });
  if (!ratingOpen(campaign, now)) {
    const closesAt = campaign?.ratingClosesAt ?? null;
    fail('CLOSED', { message: closesAt === null ? '本次征集不开展群众评议' : `群众评议已于 ${formatDeadline(closesAt)} 截止` });
  }
  const inserted = await insertRating(db, { storyId: story._id, memberId: member._id, score: input.score, createdAt: now });
  if (!inserted) fail('DUPLICATE', { message: '你已评议过这件作品' });

  await Promise.all([
    countOnWork(ctx, story, campaign, input.score).catch((error: unknown) => {
      // The rating stands (its record is written); the recount of issue 14 counts it if this did not.
      ctx.log.error('story_rating_not_counted', { storyId: story._id, message: error instanceof Error ? error.message : String(error) });
    }),
    tallyRating(ctx, story, input.score),
  ]);
  const counted = { ratingCount: story.ratingCount + 1, ratingSum: story.ratingSum + input.score };
  return { rating: ratingSummary(counted), myRating: input.score };
}
