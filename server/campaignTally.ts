/**
 * Every (campaign, branch) tally and first-approved-work marker as the works themselves say: what
 * the story function's increments keep (ARCHITECTURE.md, "Stories"), built from scratch. The seed
 * and the bench write these; tests compare the increments' result with them; the periodic recount
 * of issue 14 is to set the stored ones from them.
 */
import { STORY_KINDS, type StoryKind } from '../types/labels';
import { campaignAuthorId, campaignBranchId, type CampaignAuthorDoc, type CampaignBranchDoc, type StoryDoc } from './documents';

type TalliedWork = Pick<
  StoryDoc,
  '_id' | 'status' | 'campaignId' | 'branchId' | 'authorId' | 'kind' | 'approvedAt' | 'selectionState' | 'ratingCount' | 'ratingSum'
>;

function noneApproved(): Record<StoryKind, number> {
  return Object.fromEntries(STORY_KINDS.map((kind) => [kind, 0])) as Record<StoryKind, number>;
}

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
    if (!marker) {
      tally.authors += 1;
      authors.set(markerId, {
        _id: markerId,
        campaignId: work.campaignId,
        memberId: work.authorId,
        branchId: work.branchId,
        storyId: work._id,
        at: work.approvedAt,
      });
    } else if (work.approvedAt < marker.at) {
      authors.set(markerId, { ...marker, storyId: work._id, at: work.approvedAt });
    }
  }
  return { tallies: [...tallies.values()], authors: [...authors.values()] };
}
