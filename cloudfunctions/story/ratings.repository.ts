/**
 * 群众评议 in the database (ARCHITECTURE.md, "Stories"). No transaction: the rating's `_id`
 * (storyRatingId) lets exactly one of racing ratings in, and only that one moves the work's counts,
 * with an atomic increment that never conflicts however many rate one work at once.
 */
import { storyRatingId, type CampaignDoc, type StoryDoc, type StoryRatingDoc } from '../../server/documents';
import { fetchById, type Database } from '../../server/kernel/db';
import { isDuplicateKeyError } from '../../server/kernel/sdk-errors';
import { CAMPAIGNS } from './campaigns.repository';
import { STORIES } from './stories.repository';

export const RATINGS = 'story_ratings';

interface UpdateReply {
  stats: { updated: number };
}

/** The work and its campaign in one request (a lookup by the campaign's `_id`); null without the work. */
export async function findWorkWithCampaign(db: Database, id: string): Promise<{ story: StoryDoc; campaign: CampaignDoc | null } | null> {
  const reply = (await db
    .collection(STORIES)
    .aggregate()
    .match({ _id: id })
    .lookup({ from: CAMPAIGNS, localField: 'campaignId', foreignField: '_id', as: 'campaigns' })
    .limit(1)
    .end()) as { list: (StoryDoc & { campaigns: CampaignDoc[] })[] };
  const [found] = reply.list;
  if (!found) return null;
  const { campaigns, ...story } = found;
  return { story, campaign: campaigns[0] ?? null };
}

/** False when the member has rated the work already (also a moment ago, from another tap). */
export async function insertRating(db: Database, rating: Omit<StoryRatingDoc, '_id'>): Promise<boolean> {
  try {
    await db.collection(RATINGS).add({ data: { _id: storyRatingId(rating.storyId, rating.memberId), ...rating } });
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}

export async function findRating(db: Database, storyId: string, memberId: string): Promise<StoryRatingDoc | null> {
  return fetchById<StoryRatingDoc>(db.collection(RATINGS), storyRatingId(storyId, memberId));
}

export type SelectionFacts = Pick<StoryDoc, 'selectionState' | 'selection'>;

/**
 * Counts one rating on the work and stores the rank score it makes, but only while the work's
 * selection is as the score was computed for: false when a selection step changed it meanwhile
 * (the caller reads again). Concurrent ratings do not stop each other: the counts are increments.
 */
export async function countRatingIf(
  db: Database,
  storyId: string,
  seen: SelectionFacts,
  score: number,
  rankScore: number,
): Promise<boolean> {
  const _ = db.command;
  const reply = (await db
    .collection(STORIES)
    .where({ _id: storyId, selectionState: seen.selectionState, 'selection.award': seen.selection?.award ?? null })
    .update({ data: { ratingCount: _.inc(1), ratingSum: _.inc(score), rankScore } })) as UpdateReply;
  return reply.stats.updated === 1;
}

/** Counts one rating without touching the score: the last resort when selection steps keep changing it. */
export async function countRating(db: Database, storyId: string, score: number): Promise<void> {
  const _ = db.command;
  await db
    .collection(STORIES)
    .doc(storyId)
    .update({ data: { ratingCount: _.inc(1), ratingSum: _.inc(score) } });
}
