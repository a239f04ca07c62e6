/**
 * Every (campaign, branch) tally and first-approved-work marker as the works themselves say: what
 * the story function's increments keep (ARCHITECTURE.md, "Stories"), built from scratch. The seed
 * and the bench write these; tests compare the increments' result with them; a full recompute of
 * the statistics recounts each campaign with `recountCampaign` after its branches (ARCHITECTURE.md,
 * "Statistics"), writing only what differs.
 */
import { STORY_KINDS, type StoryKind } from '../types/labels';
import { isDeepStrictEqual } from 'node:util';
import { campaignAuthorId, campaignBranchId, type CampaignAuthorDoc, type CampaignBranchDoc, type StoryDoc } from './documents';
import type { Database } from './kernel/db';
import {
  listApprovedCampaignWorks,
  listCampaignAuthors,
  listCampaignTallies,
  writeAuthors,
  writeTallies,
} from './campaignTally.repository';
import type { RecountWrites } from './recountWrites.repository';

export type TalliedWork = Pick<
  StoryDoc,
  '_id' | 'status' | 'campaignId' | 'branchId' | 'authorId' | 'kind' | 'approvedAt' | 'selectionState' | 'ratingCount' | 'ratingSum'
>;

function noneApproved(): Record<StoryKind, number> {
  return Object.fromEntries(STORY_KINDS.map((kind) => [kind, 0])) as Record<StoryKind, number>;
}

const earlierApproval = (a: TalliedWork & { approvedAt: Date }, b: CampaignAuthorDoc) =>
  a.approvedAt < b.at || (a.approvedAt.getTime() === b.at.getTime() && a._id < b.storyId);

/**
 * A member counts as an author once per campaign, in the branch of their first approved work (the
 * one their marker names, earliest approval, then `_id`), as the approval that inserts the marker
 * counts them: whatever order the works come in, the tallies are the same.
 */
export function campaignTallies(works: Iterable<TalliedWork>, now: Date): { tallies: CampaignBranchDoc[]; authors: CampaignAuthorDoc[] } {
  const tallies = new Map<string, CampaignBranchDoc>();
  const authors = new Map<string, CampaignAuthorDoc>();
  for (const work of works) {
    if (work.campaignId === null || work.status !== 'approved' || work.approvedAt === null) continue;
    const id = campaignBranchId(work.campaignId, work.branchId);
    let tally = tallies.get(id);
    if (!tally) {
      tally = {
        _id: id,
        campaignId: work.campaignId,
        branchId: work.branchId,
        approved: noneApproved(),
        authors: 0,
        selected: 0,
        ratingCount: 0,
        ratingSum: 0,
        updatedAt: now,
      };
      tallies.set(id, tally);
    }
    tally.approved[work.kind] += 1;
    if (work.selectionState === 'selected') tally.selected += 1;
    tally.ratingCount += work.ratingCount;
    tally.ratingSum += work.ratingSum;

    const markerId = campaignAuthorId(work.campaignId, work.authorId);
    const marker = authors.get(markerId);
    if (!marker || earlierApproval({ ...work, approvedAt: work.approvedAt }, marker)) {
      authors.set(markerId, {
        _id: markerId,
        campaignId: work.campaignId,
        memberId: work.authorId,
        branchId: work.branchId,
        storyId: work._id,
        at: work.approvedAt,
      });
    }
  }
  for (const marker of authors.values()) tallies.get(campaignBranchId(marker.campaignId, marker.branchId))!.authors += 1;
  return { tallies: [...tallies.values()], authors: [...authors.values()] };
}

/** What to set and remove so `stored` becomes `built`, judged by `same`. */
function recountWrites<T extends { _id: string }>(
  stored: readonly T[],
  built: readonly T[],
  same: (a: T, b: T) => boolean,
): RecountWrites<T> {
  const storedById = new Map(stored.map((doc) => [doc._id, doc]));
  const builtIds = new Set(built.map((doc) => doc._id));
  return {
    set: built.flatMap((doc) => {
      const before = storedById.get(doc._id) ?? null;
      return before !== null && same(before, doc) ? [] : [{ doc, stored: before }];
    }),
    removed: stored.filter((doc) => !builtIds.has(doc._id)),
  };
}

/** A tally's counts, without the stamp every increment moves. */
const sameTally = (a: CampaignBranchDoc, b: CampaignBranchDoc) => isDeepStrictEqual({ ...a, updatedAt: null }, { ...b, updatedAt: null });

export interface RecountReport {
  talliesWritten: number;
  authorsWritten: number;
}

/**
 * Sets one campaign's stored tallies and author markers to what its approved works say, writing only
 * what differs: a lost increment (`campaign_tally_not_applied`) or a member's deleted works are
 * healed, and run again it writes nothing. What is stored is read before the works, so an approval
 * that commits in between is in the recount and its increment, landing after the read, makes the
 * tally's compare-and-set skip it (server/campaignTally.repository.ts, writeTallies).
 */
export async function recountCampaign(db: Database, campaignId: string, now: Date): Promise<RecountReport> {
  const [storedTallies, storedAuthors] = await Promise.all([listCampaignTallies(db, campaignId), listCampaignAuthors(db, campaignId)]);
  const { tallies, authors } = campaignTallies(await listApprovedCampaignWorks(db, campaignId), now);
  const [talliesWritten, authorsWritten] = await Promise.all([
    writeTallies(db, recountWrites(storedTallies, tallies, sameTally)),
    writeAuthors(db, recountWrites(storedAuthors, authors, isDeepStrictEqual)),
  ]);
  return { talliesWritten, authorsWritten };
}
