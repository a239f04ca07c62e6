/**
 * The 征集 form's state, its checks and the saveCampaign input it builds. The server re-checks
 * everything (core/story/campaign.ts adds the order of the windows and quotas that fit the kinds);
 * its field errors land on the same slots.
 */
import type { CampaignDraftInput, CampaignView } from '../../../types/contracts/story';
import { STORY_AWARDS, STORY_KINDS, type StoryAward, type StoryKind } from '../../../types/labels';
import { shanghaiDate, shanghaiPickerValues, shanghaiToIsoUtc } from '../../utils/format';

export interface CampaignForm {
  title: string;
  description: string;
  kinds: StoryKind[];
  opensDate: string;
  opensTime: string;
  closesDate: string;
  closesTime: string;
  /** 群众评议 on or off; off sends no ratingClosesAt. */
  rating: boolean;
  ratingDate: string;
  ratingTime: string;
  ratingWeight: string;
  /** Works asked of each branch, by kind; empty asks none. */
  quotas: Partial<Record<StoryKind, string>>;
  awards: Record<StoryAward, string>;
}

/** Slot (a top field, `quota.<kind>` or `awards.<award>`) → message; `_form` for the rest. */
export type FormErrors = Record<string, string>;

const MAX_AWARDS: Record<StoryAward, number> = { first: 100, second: 100, third: 100, excellent: 1000 };
const MAX_QUOTA = 50;
const MAX_DESCRIPTION = 1000;

/** Open from today, a month to hand in, a week more for 群众评议; one 一等奖, two 二等奖, three 三等奖, ten 优秀奖. */
export function initialForm(nowMs: number): CampaignForm {
  return {
    title: '',
    description: '',
    kinds: [],
    opensDate: shanghaiDate(nowMs),
    opensTime: '00:00',
    closesDate: shanghaiDate(nowMs, 30),
    closesTime: '18:00',
    rating: true,
    ratingDate: shanghaiDate(nowMs, 37),
    ratingTime: '18:00',
    ratingWeight: '30',
    quotas: {},
    awards: { first: '1', second: '2', third: '3', excellent: '10' },
  };
}

export function formFromCampaign(campaign: CampaignView): CampaignForm {
  const opens = shanghaiPickerValues(campaign.opensAt);
  const closes = shanghaiPickerValues(campaign.closesAt);
  const rating = campaign.ratingClosesAt ? shanghaiPickerValues(campaign.ratingClosesAt) : null;
  return {
    title: campaign.title,
    description: campaign.description,
    kinds: [...campaign.kinds],
    opensDate: opens.date,
    opensTime: opens.time,
    closesDate: closes.date,
    closesTime: closes.time,
    rating: rating !== null,
    ratingDate: rating?.date ?? closes.date,
    ratingTime: rating?.time ?? closes.time,
    ratingWeight: String(campaign.ratingWeight),
    quotas: Object.fromEntries(campaign.branchQuotas.map((quota) => [quota.kind, String(quota.count)])),
    awards: {
      first: String(campaign.awards.first),
      second: String(campaign.awards.second),
      third: String(campaign.awards.third),
      excellent: String(campaign.awards.excellent),
    },
  };
}

function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : null;
}

/** The kinds with a quota typed in, in the order of STORY_KINDS: the order `branchQuotas` is sent in. */
export function quotaKinds(form: CampaignForm): StoryKind[] {
  return STORY_KINDS.filter((kind) => form.kinds.includes(kind) && (form.quotas[kind] ?? '').trim() !== '');
}

export function buildCampaign(form: CampaignForm): { campaign: CampaignDraftInput; errors: null } | { campaign: null; errors: FormErrors } {
  const errors: FormErrors = {};
  const title = form.title.trim();
  if (title.length < 2 || title.length > 40) errors.title = '征集名称需 2–40 个字';
  const description = form.description.trim();
  if (description.length > MAX_DESCRIPTION) errors.description = `说明最多 ${MAX_DESCRIPTION} 字`;
  if (form.kinds.length === 0) errors.kinds = '至少选择一种作品类型';

  const opensAt = shanghaiToIsoUtc(form.opensDate, form.opensTime);
  const closesAt = shanghaiToIsoUtc(form.closesDate, form.closesTime);
  const ratingClosesAt = form.rating ? shanghaiToIsoUtc(form.ratingDate, form.ratingTime) : null;
  if (!opensAt) errors.opensAt = '请选择开始日期和时间';
  if (!closesAt) errors.closesAt = '请选择截止日期和时间';
  else if (opensAt && Date.parse(closesAt) <= Date.parse(opensAt)) errors.closesAt = '截止时间须晚于开始时间';
  if (form.rating && !ratingClosesAt) errors.ratingClosesAt = '请选择评议截止日期和时间';
  else if (ratingClosesAt && closesAt && Date.parse(ratingClosesAt) < Date.parse(closesAt)) {
    errors.ratingClosesAt = '群众评议的截止时间不能早于征集截止时间';
  }
  const ratingWeight = wholeNumber(form.ratingWeight);
  if (form.rating && (ratingWeight === null || ratingWeight > 100)) errors.ratingWeight = '评议占比需为 0–100 的整数';

  const branchQuotas = quotaKinds(form).map((kind) => {
    const count = wholeNumber(form.quotas[kind] ?? '');
    if (count === null || count < 1 || count > MAX_QUOTA) errors[`quota.${kind}`] = `需为 1–${MAX_QUOTA} 的整数，不要求就留空`;
    return { kind, count: count ?? 0 };
  });

  const awards = { first: 0, second: 0, third: 0, excellent: 0 };
  for (const award of STORY_AWARDS) {
    const count = wholeNumber(form.awards[award]);
    if (count === null || count > MAX_AWARDS[award]) errors[`awards.${award}`] = `需为 0–${MAX_AWARDS[award]} 的整数`;
    awards[award] = count ?? 0;
  }

  if (Object.keys(errors).length > 0 || !opensAt || !closesAt) return { campaign: null, errors };
  return {
    campaign: {
      title,
      description,
      kinds: STORY_KINDS.filter((kind) => form.kinds.includes(kind)),
      opensAt,
      closesAt,
      ratingClosesAt,
      branchQuotas,
      awards,
      // Without public rating the org's selection is the whole ranking.
      ratingWeight: form.rating ? (ratingWeight ?? 30) : 0,
    },
    errors: null,
  };
}

const TOP_FIELDS = ['title', 'description', 'kinds', 'opensAt', 'closesAt', 'ratingClosesAt', 'ratingWeight'];

/**
 * Where a server error goes: `campaign.closesAt` → `closesAt`, `campaign.branchQuotas.1.count` → the
 * quota of the second kind sent, `campaign.awards.first` → `awards.first`, anything else → `_form`.
 */
export function errorSlot(field: string, sentQuotaKinds: readonly StoryKind[]): string {
  const path = field.replace(/^campaign\./, '');
  const quota = /^branchQuotas\.(\d+)/.exec(path);
  if (quota) {
    const kind = sentQuotaKinds[Number(quota[1])];
    return kind ? `quota.${kind}` : '_form';
  }
  const award = /^awards\.(first|second|third|excellent)/.exec(path);
  if (award) return `awards.${award[1]}`;
  const top = path.split('.')[0] ?? path;
  return TOP_FIELDS.includes(top) ? top : '_form';
}
