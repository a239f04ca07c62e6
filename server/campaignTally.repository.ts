/**
 * What the recount of the campaign tallies reads and writes (ARCHITECTURE.md, "Stories" and
 * "Statistics"): the campaigns, one campaign's approved works, its stored tallies and author
 * markers, and the writes that set them to what the works say. Every read pages ≤ 1000 documents
 * per request over a declared index and asks only for the fields the recount uses.
 */
import type { CampaignAuthorDoc, CampaignBranchDoc } from './documents';
import { fetchAllPages, MAX_DOCS_PER_GET, type Database } from './kernel/db';
import { inLanes } from './kernel/lanes';
import type { TalliedWork } from './campaignTally';
import { writeStampedRecount, type RecountWrites } from './recountWrites.repository';

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
/** Sets branch tallies to their recount (server/recountWrites.repository.ts); how many were written. */
export function writeTallies(db: Database, writes: RecountWrites<CampaignBranchDoc>): Promise<number> {
  return writeStampedRecount(db, TALLIES, writes);
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
