/**
 * What the recount of the campaign tallies reads and writes (ARCHITECTURE.md, "Stories" and
 * "Statistics"): the campaigns, one campaign's approved works, its stored tallies and author
 * markers, and the writes that set them to what the works say. Every read pages ≤ 1000 documents
 * per request over a declared index and asks only for the fields the recount uses.
 */
import type { CampaignAuthorDoc, CampaignBranchDoc } from './documents';
import { fetchAllPages, MAX_DOCS_PER_GET, wholeObjectWrites, type Database } from './kernel/db';
import { inLanes } from './kernel/lanes';
import { isDuplicateKeyError } from './kernel/sdk-errors';
import type { TalliedWork } from './campaignTally';

const TALLIES = 'campaign_branches';
const AUTHORS = 'campaign_authors';
/** An org runs a few campaigns a year; more means something is wrong. */
const MAX_CAMPAIGNS = 10_000;
/** A campaign of a whole city's works stays far below. */
const MAX_CAMPAIGN_DOCS = 500_000;
/** Write requests in flight at once; a recount that finds drift has a handful to write. */
const WRITE_LANES = 16;

const TALLIED_FIELDS: (keyof TalliedWork)[] = [
  '_id',
  'status',
  'campaignId',
  'branchId',
  'authorId',
  'kind',
  'approvedAt',
  'selectionState',
  'ratingCount',
  'ratingSum',
];

/** Every campaign's id (index closes). */
export async function listCampaignIds(db: Database): Promise<string[]> {
  const rows = await fetchAllPages<{ _id: string }>(
    db.collection('campaigns').orderBy('closesAt', 'desc').field({ _id: true }),
    MAX_CAMPAIGNS,
  );
  return rows.map((row) => row._id);
}

/** The campaign's approved works with what a tally counts (index feed_campaign, by its prefix). */
export function listApprovedCampaignWorks(db: Database, campaignId: string): Promise<TalliedWork[]> {
  return fetchAllPages<TalliedWork>(
    db
      .collection('stories')
      .where({ campaignId, status: 'approved' })
      .field(Object.fromEntries(TALLIED_FIELDS.map((name) => [name, true]))),
    MAX_CAMPAIGN_DOCS,
  );
}

/** The campaign's stored tallies, one per branch (index campaign). */
export function listCampaignTallies(db: Database, campaignId: string): Promise<CampaignBranchDoc[]> {
  return fetchAllPages<CampaignBranchDoc>(db.collection(TALLIES).where({ campaignId }), MAX_CAMPAIGN_DOCS);
}

/** The campaign's stored author markers (index campaign). */
export function listCampaignAuthors(db: Database, campaignId: string): Promise<CampaignAuthorDoc[]> {
  return fetchAllPages<CampaignAuthorDoc>(db.collection(AUTHORS).where({ campaignId }), MAX_CAMPAIGN_DOCS);
}

/** What to write so the stored documents of one collection become the recounted ones. */
export interface RecountWrites<T extends { _id: string }> {
  /** Documents to set, each with what was stored (null: none was) for the compare-and-set. */
  set: { doc: T; stored: T | null }[];
  /** Stored documents no approved work stands behind any more. */
  removed: T[];
}

/**
 * Sets tallies to their recount. The story function moves a tally by increments outside any
 * transaction, each stamping `updatedAt`; a stored tally is overwritten only while its stamp is
 * still the one read, so an increment that landed after the recount read it is never undone (the
 * tally stays as it is until the next recount); an obsolete one is removed on the same condition. A
 * missing tally is added; a duplicate means a first increment created it meanwhile, which is left
 * alone for the same reason. How many were written.
 */
export async function writeTallies(db: Database, writes: RecountWrites<CampaignBranchDoc>): Promise<number> {
  const target = db.collection(TALLIES);
  let written = 0;
  await inLanes(writes.set, WRITE_LANES, async ({ doc, stored }) => {
    const { _id, ...fields } = doc;
    if (stored === null) {
      try {
        await target.add({ data: { ...doc } });
        written += 1;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
      return;
    }
    const reply = (await target.where({ _id, updatedAt: stored.updatedAt }).update({ data: wholeObjectWrites(fields, db.command) })) as {
      stats: { updated: number };
    };
    written += reply.stats.updated;
  });
  await inLanes(writes.removed, WRITE_LANES, async ({ _id, updatedAt }) => {
    const reply = (await target.where({ _id, updatedAt }).remove()) as { stats: { removed: number } };
    written += reply.stats.removed;
  });
  return written;
}

/**
 * Sets author markers to their recount: a marker names a member's first approved work, so it is
 * rewritten whole; one no approved work stands behind any more is removed. How many were written.
 */
export async function writeAuthors(db: Database, writes: RecountWrites<CampaignAuthorDoc>): Promise<number> {
  const target = db.collection(AUTHORS);
  await inLanes(writes.set, WRITE_LANES, async ({ doc }) => {
    const { _id, ...fields } = doc;
    await target.doc(_id).set({ data: fields });
  });
  const removedIds = writes.removed.map((doc) => doc._id);
  for (let from = 0; from < removedIds.length; from += MAX_DOCS_PER_GET) {
    await target.where({ _id: db.command.in(removedIds.slice(from, from + MAX_DOCS_PER_GET)) }).remove();
  }
  return writes.set.length + removedIds.length;
}
