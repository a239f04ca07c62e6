/**
 * A campaign's (征集) windows and the rules its draft must keep (issue 13). Pure: the kernel's `now`
 * and the stored instants are arguments.
 */
import { STORY_AWARDS, STORY_KIND_LABELS, type StoryAward, type StoryKind } from '../../types/labels';
import { formatShanghai } from '../time';

export interface CampaignWindows {
  opensAt: Date;
  closesAt: Date;
  /** 群众评议 stays open until then; null: the campaign has no public rating. */
  ratingClosesAt: Date | null;
}

export type CampaignState = 'upcoming' | 'open' | 'closed';

/** Submissions are taken from `opensAt` to `closesAt`, both included. */
export function campaignState(campaign: CampaignWindows, now: Date): CampaignState {
  if (now < campaign.opensAt) return 'upcoming';
  return now <= campaign.closesAt ? 'open' : 'closed';
}

/**
 * Whether a work may be rated now: one outside any campaign always, one in a campaign until its
 * `ratingClosesAt` (included), never in a campaign without public rating.
 */
export function ratingOpen(campaign: Pick<CampaignWindows, 'ratingClosesAt'> | null, now: Date): boolean {
  if (campaign === null) return true;
  return campaign.ratingClosesAt !== null && now <= campaign.ratingClosesAt;
}

/**
 * A deadline as a notice says it, in Shanghai time: a deadline at midnight is the end of the day
 * before ("6月26日 24:00"), which is how the programme documents write 6月26日.
 */
export function formatDeadline(instant: Date): string {
  if (formatShanghai(instant, 'HH:mm') === '00:00') {
    return `${formatShanghai(new Date(instant.getTime() - 1), 'M月D日')} 24:00`;
  }
  return formatShanghai(instant, 'M月D日 HH:mm');
}

export interface CampaignDraftFacts extends CampaignWindows {
  kinds: readonly StoryKind[];
  branchQuotas: readonly { kind: StoryKind; count: number }[];
}

export interface CampaignProblem {
  /** Relative to the draft: `closesAt`, `branchQuotas.1.kind`, … */
  field: string;
  message: string;
}

/** What the contract's field checks cannot see: the order of the windows and quotas that fit the kinds. */
export function campaignDraftProblems(draft: CampaignDraftFacts): CampaignProblem[] {
  const problems: CampaignProblem[] = [];
  if (new Set(draft.kinds).size !== draft.kinds.length) problems.push({ field: 'kinds', message: '作品类型重复' });
  if (draft.closesAt <= draft.opensAt) problems.push({ field: 'closesAt', message: '截止时间须晚于开始时间' });
  if (draft.ratingClosesAt !== null && draft.ratingClosesAt < draft.closesAt) {
    problems.push({ field: 'ratingClosesAt', message: '群众评议的截止时间不能早于征集截止时间' });
  }
  const quotaKinds = new Set<StoryKind>();
  for (const [index, quota] of draft.branchQuotas.entries()) {
    const field = `branchQuotas.${index}.kind`;
    if (!draft.kinds.includes(quota.kind)) problems.push({ field, message: `本次征集不收${STORY_KIND_LABELS[quota.kind]}` });
    else if (quotaKinds.has(quota.kind)) problems.push({ field, message: `${STORY_KIND_LABELS[quota.kind]}的任务重复` });
    quotaKinds.add(quota.kind);
  }
  return problems;
}

/** The first award whose new number is below what has already been given, or null. */
export function awardBelowGiven(awards: Record<StoryAward, number>, awarded: Record<StoryAward, number>): StoryAward | null {
  return STORY_AWARDS.find((award) => awards[award] < awarded[award]) ?? null;
}
