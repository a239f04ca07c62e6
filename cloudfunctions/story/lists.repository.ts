/**
 * The lists of works beyond an author's own: the feed (keyset by feedKey, so page 1000 costs what
 * page 1 does), the review and selection queues, and a campaign's best works. Each is one query
 * served by a declared index (config/database.json, `stories`).
 */
import type { StoryKind } from '../../types/labels';
import type { StoryDoc } from '../../server/documents';
import { fetchList, type Database } from '../../server/kernel/db';
import { STORIES } from './stories.repository';

/** At most one of campaign, branch and base, and a kind or not: each combination has its index (feed_*). */
export interface FeedFilter {
  kind?: StoryKind;
  campaignId?: string;
  branchId?: string;
  baseId?: string;
}

/** Approved works below `beforeKey` (or from the newest), newest first. */
export function listFeed(db: Database, filter: FeedFilter, beforeKey: string | null, limit: number): Promise<StoryDoc[]> {
  const where: Record<string, unknown> = { status: 'approved', ...filter };
  if (beforeKey !== null) where.feedKey = db.command.lt(beforeKey);
  return fetchList<StoryDoc>(db.collection(STORIES).where(where).orderBy('feedKey', 'desc').limit(limit));
}

/** Works awaiting review, oldest submission first: one branch's (index status_branch_submitted) or every branch's (status_submitted). */
export function listPendingReview(db: Database, branchId: string | null, page: { offset: number; limit: number }): Promise<StoryDoc[]> {
  const where = branchId === null ? { status: 'pending' } : { status: 'pending', branchId };
  return fetchList<StoryDoc>(db.collection(STORIES).where(where).orderBy('submittedAt', 'asc').skip(page.offset).limit(page.limit));
}

/** Recommended works not selected yet, oldest recommendation first, of one campaign or all (index *selection_recommended). */
export function listRecommended(db: Database, campaignId: string | null, page: { offset: number; limit: number }): Promise<StoryDoc[]> {
  const where = campaignId === null ? { selectionState: 'recommended' } : { selectionState: 'recommended', campaignId };
  return fetchList<StoryDoc>(db.collection(STORIES).where(where).orderBy('recommendation.at', 'asc').skip(page.offset).limit(page.limit));
}

/** A campaign's approved works by rank score (index campaign_rank). */
export function listTopWorks(db: Database, campaignId: string, limit: number): Promise<StoryDoc[]> {
  return fetchList<StoryDoc>(db.collection(STORIES).where({ campaignId, status: 'approved' }).orderBy('rankScore', 'desc').limit(limit));
}
