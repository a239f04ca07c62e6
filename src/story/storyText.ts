/** How a work's marks read in lists and on its page: the award or recommendation, the rating, the heading. */
import type { RatingSummary, StoryCard } from '../../types/contracts/story';
import { STORY_AWARD_LABELS } from '../../types/labels';
import { shanghaiPickerValues } from '../utils/format';

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
 * before (`6月26日`, `24:00`), as the programme documents write it.
 */
export function deadlineParts(iso: string): { day: string; time: string; endOfDay: boolean } {
  const at = shanghaiPickerValues(iso);
  const endOfDay = at.time === '00:00';
  const date = endOfDay ? shanghaiPickerValues(new Date(Date.parse(iso) - 1).toISOString()).date : at.date;
  const [, month, dayOfMonth] = date.split('-').map(Number);
  return { day: `${month}月${dayOfMonth}日`, time: endOfDay ? '24:00' : at.time, endOfDay };
}

/** `6月26日截止` for a deadline at midnight, `6月26日 18:00 截止` otherwise. */
export function deadlineText(iso: string): string {
  const parts = deadlineParts(iso);
  return parts.endOfDay ? `${parts.day}截止` : `${parts.day} ${parts.time} 截止`;
}
