import { awardBelowGiven, campaignDraftProblems } from '../../../core/story/campaign';
import type { ActionOutput, ParsedInput } from '../../../types/contracts';
import { STORY_AWARD_LABELS, STORY_AWARDS } from '../../../types/labels';
import { recordAudit } from '../../../server/audit';
import type { CampaignDoc } from '../../../server/documents';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { branchTallies } from '../counters.repository';
import { toCampaignView } from '../campaignView';
import { insertCampaign, reviseCampaign } from '../campaigns.repository';

type CampaignFields = Omit<CampaignDoc, '_id' | 'awarded' | 'createdBy' | 'createdAt' | 'updatedAt'>;

function fieldsOf(input: ParsedInput<'story', 'saveCampaign'>): CampaignFields {
  const { campaign } = input;
  const fields: CampaignFields = {
    ...campaign,
    opensAt: new Date(campaign.opensAt),
    closesAt: new Date(campaign.closesAt),
    ratingClosesAt: campaign.ratingClosesAt === null ? null : new Date(campaign.ratingClosesAt),
  };
  const [problem] = campaignDraftProblems(fields);
  if (problem) fail('INVALID_INPUT', { field: `campaign.${problem.field}`, message: problem.message });
  return fields;
}

/**
 * Refusals against the campaign as it stands: an award cannot drop below what has been given, and
 * the rating weight is fixed once submissions open, since every stored rank score was computed with it.
 */
function refuseChanges(current: CampaignDoc, fields: CampaignFields, now: Date): void {
  const short = awardBelowGiven(fields.awards, current.awarded);
  if (short !== null) {
    fail('CONFLICT', {
      field: `campaign.awards.${short}`,
      message: `${STORY_AWARD_LABELS[short]}已颁发 ${current.awarded[short]} 个，名额不能少于 ${current.awarded[short]} 个`,
    });
  }
  if (fields.ratingWeight !== current.ratingWeight && now >= current.opensAt) {
    fail('CONFLICT', { field: 'campaign.ratingWeight', message: '征集开始后不能再改群众评议的权重' });
  }
}

/**
 * 征集 by the org: creates one (no `id`) or rewrites its draft fields, audited. An edit runs in a
 * transaction with `select`'s award counts (campaigns.repository.ts). DB requests: the caller, the
 * insert or the transaction (start, campaign, update, commit), the audit record, and the caller's
 * branch's tally for the answer when the campaign has quotas.
 */
export async function saveCampaign(
  input: ParsedInput<'story', 'saveCampaign'>,
  ctx: MemberContext,
): Promise<ActionOutput<'story', 'saveCampaign'>> {
  const { db, member, now, log } = ctx;
  const fields = fieldsOf(input);
  let saved: CampaignDoc | null;
  if (input.id === undefined) {
    const awarded = Object.fromEntries(STORY_AWARDS.map((award) => [award, 0])) as CampaignDoc['awarded'];
    saved = await insertCampaign(db, { ...fields, awarded, createdBy: member._id, createdAt: now, updatedAt: now });
  } else {
    saved = await reviseCampaign(
      db,
      input.id,
      (current) => {
        refuseChanges(current, fields, now);
        return { ...fields, updatedAt: now };
      },
      log,
    );
    if (saved === null) fail('NOT_FOUND', { field: 'id', message: '征集不存在' });
  }
  const created = input.id === undefined;
  await recordAudit(
    db,
    {
      at: now,
      actorId: member._id,
      action: created ? 'story.createCampaign' : 'story.updateCampaign',
      targetId: saved._id,
      detail: { title: saved.title },
    },
    log,
  );
  const tallies = saved.branchQuotas.length > 0 ? await branchTallies(db, [saved._id], member.branchId) : new Map();
  return { campaign: toCampaignView(saved, now, tallies.get(saved._id)), created };
}
