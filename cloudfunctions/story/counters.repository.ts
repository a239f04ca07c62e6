/**
 * Per (campaign, branch) tallies and the first-approved-work markers behind them (ARCHITECTURE.md,
 * "Stories"). A tally document is created by the first change it counts and then moved only by
 * atomic increments, which never conflict, after the change has committed: every approval, selection
 * and rating of a branch's works in a campaign touches the same document, which inside their
 * transactions would make them conflict with each other ("Hot documents").
 */
import { STORY_KINDS, type StoryKind } from '../../types/labels';
import { campaignAuthorId, campaignBranchId, type CampaignAuthorDoc, type CampaignBranchDoc } from '../../server/documents';
import { fetchList, MAX_DOCS_PER_GET, type Database } from '../../server/kernel/db';
import { isDuplicateKeyError } from '../../server/kernel/sdk-errors';

const TALLIES = 'campaign_branches';
const AUTHORS = 'campaign_authors';

interface UpdateReply {
  stats: { updated: number };
}

/** What one change adds to a branch's tally. */
export interface TallyIncrement {
  approvedKind?: StoryKind;
  authors?: number;
  selected?: number;
  rating?: number;
}

function emptyApproved(): Record<StoryKind, number> {
  return Object.fromEntries(STORY_KINDS.map((kind) => [kind, 0])) as Record<StoryKind, number>;
}

/**
 * Adds `increment` to the branch's tally, creating the tally with it if this is the first change:
 * an increment where it exists, else an insert, and if a racing first change inserted it meanwhile,
 * the increment again.
 */
export async function addToTally(
  db: Database,
  where: { campaignId: string; branchId: string },
  increment: TallyIncrement,
  now: Date,
): Promise<void> {
  const id = campaignBranchId(where.campaignId, where.branchId);
  const _ = db.command;
  const incrementOnce = async (): Promise<boolean> => {
    const reply = (await db
      .collection(TALLIES)
      .where({ _id: id })
      .update({
        data: {
          ...(increment.approvedKind ? { [`approved.${increment.approvedKind}`]: _.inc(1) } : {}),
          ...(increment.authors ? { authors: _.inc(increment.authors) } : {}),
          ...(increment.selected ? { selected: _.inc(increment.selected) } : {}),
          ...(increment.rating ? { ratingCount: _.inc(1), ratingSum: _.inc(increment.rating) } : {}),
          updatedAt: now,
        },
      })) as UpdateReply;
    return reply.stats.updated === 1;
  };
  if (await incrementOnce()) return;
  const approved = emptyApproved();
  if (increment.approvedKind) approved[increment.approvedKind] = 1;
  const tally: CampaignBranchDoc = {
    _id: id,
    ...where,
    approved,
    authors: increment.authors ?? 0,
    selected: increment.selected ?? 0,
    ratingCount: increment.rating ? 1 : 0,
    ratingSum: increment.rating ?? 0,
    updatedAt: now,
  };
  try {
    await db.collection(TALLIES).add({ data: { ...tally } });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    await incrementOnce();
  }
}

/** True when this is the member's first approved work in the campaign: the marker's `_id` lets one insert in. */
export async function markAuthor(db: Database, marker: Omit<CampaignAuthorDoc, '_id'>): Promise<boolean> {
  try {
    await db.collection(AUTHORS).add({ data: { _id: campaignAuthorId(marker.campaignId, marker.memberId), ...marker } });
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}

/** Every branch's tally in a campaign (index campaign): at most one per branch. */
export function listTallies(db: Database, campaignId: string): Promise<CampaignBranchDoc[]> {
  return fetchList<CampaignBranchDoc>(db.collection(TALLIES).where({ campaignId }).limit(MAX_DOCS_PER_GET));
}

/** One branch's tallies in the given campaigns, by campaign. */
export async function branchTallies(
  db: Database,
  campaignIds: readonly string[],
  branchId: string,
): Promise<Map<string, CampaignBranchDoc>> {
  if (campaignIds.length === 0) return new Map();
  const ids = campaignIds.map((campaignId) => campaignBranchId(campaignId, branchId));
  const found = await fetchList<CampaignBranchDoc>(
    db
      .collection(TALLIES)
      .where({ _id: db.command.in(ids) })
      .limit(ids.length),
  );
  return new Map(found.map((tally) => [tally.campaignId, tally]));
}
