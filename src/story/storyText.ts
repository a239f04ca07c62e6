/** How a work's marks read in lists and on its page: the award or recommendation, the rating, the heading. */
import type { CampaignView, RatingSummary, StoryCard } from '../../types/contracts/story';
import { STORY_AWARD_LABELS } from '../../types/labels';
import { formatDateTime, shanghaiPickerValues } from '../utils/format';

export interface Mark {
  text: string;
  tone: 'red' | 'grey';
}

/** 一等奖… in 党建红; a selection without an award is still 已上报; 已推荐 is quieter: the org has not decided yet. */
export function selectionMark(card: Pick<StoryCard, 'award' | 'selected' | 'recommended'>): Mark | null {
  if (card.award) return { text: STORY_AWARD_LABELS[card.award], tone: 'red' };
  if (card.selected) return { text: '已择优上报', tone: 'red' };
  if (card.recommended) return { text: '已推荐', tone: 'grey' };
  return null;
}

/** `★ 4.6 · 23 人评议`; null before the first rating. */
export function ratingText(rating: RatingSummary): string | null {
  if (rating.count === 0 || rating.average === null) return null;
  return `★ ${rating.average.toFixed(1)} · ${rating.count} 人评议`;
}

/** An untitled work (a 心得 may have none) is known by the start of its text. */
export function storyHeading(card: Pick<StoryCard, 'title' | 'excerpt'>): string {
  return card.title.trim() || card.excerpt || '（无标题）';
}

/**
 * When a campaign closes, on a Shanghai wall clock: a deadline at midnight is the end of the day
 * before (`6月26日`, `24:00`), as the programme documents write it and core/story/campaign.ts's
 * formatDeadline says it for the server. That one needs dayjs's timezone plugin, which relies on Intl
 * time zones some mini-program engines lack; the app reads the fixed +8 offset (src/utils/format.ts).
 */
export function deadlineParts(iso: string): { day: string; time: string; endOfDay: boolean } {
  const at = shanghaiPickerValues(iso);
  const endOfDay = at.time === '00:00';
  const date = endOfDay ? shanghaiPickerValues(new Date(Date.parse(iso) - 1).toISOString()).date : at.date;
  const [, month, dayOfMonth] = date.split('-').map(Number);
  return { day: `${month}月${dayOfMonth}日`, time: endOfDay ? '24:00' : at.time, endOfDay };
}

/** `6月26日截止` for a deadline at midnight, `6月26日 18:00 截止` otherwise: short, for a banner. */
export function deadlineText(iso: string): string {
  const parts = deadlineParts(iso);
  return parts.endOfDay ? `${parts.day}截止` : `${parts.day} ${parts.time} 截止`;
}

/** `6月26日 24:00`, as the server's CLOSED message names a deadline. */
export function formatDeadline(iso: string): string {
  const parts = deadlineParts(iso);
  return `${parts.day} ${parts.time}`;
}

export const CAMPAIGN_STATE_LABELS: Record<CampaignView['state'], string> = { upcoming: '未开始', open: '征集中', closed: '已截止' };

/** `6月1日 周一 08:00 开始征集`, `6月26日 24:00 截止`, `已于 6月26日 24:00 截止`. */
export function campaignWhen(campaign: Pick<CampaignView, 'state' | 'opensAt' | 'closesAt'>): string {
  if (campaign.state === 'upcoming') return `${formatDateTime(campaign.opensAt)} 开始征集`;
  return campaign.state === 'open' ? `${formatDeadline(campaign.closesAt)} 截止` : `已于 ${formatDeadline(campaign.closesAt)} 截止`;
}

/** `90%`: a rate of 0–1 as people read it. */
export function percent(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}
