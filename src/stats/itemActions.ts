import Taro from '@tarojs/taro';
import type { ProgrammeItem } from '../../types/contracts/stats';
import { ACTIVITY_KIND_LABELS, STORY_KIND_LABELS, type ProgrammeItemKey, type StoryKind } from '../../types/labels';
import { storyKindsFor } from '../../core/stats/rules';
import { activityListUrl } from '../activity/routes';
import { BASE_LIST_URL } from '../bases/routes';
import { storyEditUrl } from '../story/routes';
import { selfReportUrl } from './routes';

/** The activity kind whose attendance an item's check-in evidence usually comes from, to name the way to it. */
const ACTIVITY_KIND_OF_ITEM: Record<ProgrammeItemKey, keyof typeof ACTIVITY_KIND_LABELS> = {
  lesson: 'lesson',
  story: 'story_talk',
  book: 'reading',
  film: 'film',
  visit: 'visit',
  reflection: 'seminar',
};

export interface ItemAction {
  label: string;
  open: () => void;
}

function storyAction(kind: StoryKind): ItemAction {
  const label = kind === 'lessonVideo' ? '上传党课视频' : `写${STORY_KIND_LABELS[kind].replace('体会', '')}`;
  return { label, open: () => void Taro.navigateTo({ url: storyEditUrl({ kind }) }) };
}

/** The ways a member can still meet an item, one per kind of evidence the programme accepts for it. */
export function itemActions(programmeId: string, item: ProgrammeItem): ItemAction[] {
  return item.evidence.flatMap((evidence): ItemAction[] => {
    if (evidence === 'checkin') {
      if (item.key === 'visit') return [{ label: '找基地打卡', open: () => void Taro.navigateTo({ url: BASE_LIST_URL }) }];
      // The list narrowed to activities that count for the item, so what the member signs up for ticks it.
      const label = `报名${ACTIVITY_KIND_LABELS[ACTIVITY_KIND_OF_ITEM[item.key]]}活动`;
      return [{ label, open: () => void Taro.navigateTo({ url: activityListUrl(item.key) }) }];
    }
    if (evidence === 'story') {
      // The kinds the functions count for the item, so 写心得 opens the editor on a kind that will tick it.
      const kind = storyKindsFor(item)[0];
      return kind ? [storyAction(kind)] : [];
    }
    return [{ label: '自报', open: () => void Taro.navigateTo({ url: selfReportUrl(programmeId, item.key) }) }];
  });
}
