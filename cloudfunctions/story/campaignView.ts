/** A stored campaign as the contracts show it, with the caller's branch against its quotas. */
import { campaignState } from '../../core/story/campaign';
import type { CampaignView } from '../../types/contracts/story';
import type { CampaignBranchDoc, CampaignDoc } from '../../server/documents';

/** `myTally`: the caller's branch's tally in this campaign, absent before its first approved work. */
export function toCampaignView(doc: CampaignDoc, now: Date, myTally: CampaignBranchDoc | undefined): CampaignView {
  return {
    id: doc._id,
    title: doc.title,
    description: doc.description,
    kinds: doc.kinds,
    opensAt: doc.opensAt.toISOString(),
    closesAt: doc.closesAt.toISOString(),
    ratingClosesAt: doc.ratingClosesAt?.toISOString() ?? null,
    branchQuotas: doc.branchQuotas,
    awards: doc.awards,
    ratingWeight: doc.ratingWeight,
    state: campaignState(doc, now),
    awarded: doc.awarded,
    myBranch: doc.branchQuotas.map((quota) => ({ kind: quota.kind, required: quota.count, approved: myTally?.approved[quota.kind] ?? 0 })),
  };
}
