/**
 * The words of the subscribe message that tells an author where their work stands (issue 13). The
 * story template's keywords are 作品名称 (thing), 审核结果 (phrase), 备注 (thing) and 时间 (time);
 * a `phrase` takes at most five Chinese characters and a `thing` twenty, so everything is cut here.
 */
import { STORY_AWARD_LABELS, STORY_KIND_LABELS, type StoryAward, type StoryKind } from '../../types/labels';
import { noticeThing } from '../activity/notice';
import { formatShanghai } from '../time';

export type StoryStep =
  | { step: 'approved'; comment: string }
  | { step: 'returned'; comment: string }
  | { step: 'recommended'; note: string }
  | { step: 'selected'; award: StoryAward | null }
  | { step: 'rejected'; reason: string };

/** 审核结果: five Chinese characters at most, as WeChat requires of a `phrase`. */
function resultOf(step: StoryStep): string {
  switch (step.step) {
    case 'approved':
      return '审核通过';
    case 'returned':
      return '退回修改';
    case 'recommended':
      return '支部推荐';
    case 'selected':
      return step.award === null ? '择优入选' : `荣获${STORY_AWARD_LABELS[step.award]}`;
    case 'rejected':
      return '未通过检测';
  }
}

function remarkOf(step: StoryStep): string {
  switch (step.step) {
    case 'approved':
      return step.comment || '作品已发布，全体党员可见';
    case 'returned':
      return step.comment;
    case 'recommended':
      return step.note || '支部已将作品推荐至组织部';
    case 'selected':
      return step.award === null ? '作品入选组织部择优上报' : '组织部择优评选结果';
    case 'rejected':
      return step.reason;
  }
}

export interface StoryNoticeFacts {
  title: string;
  kind: StoryKind;
}

export function storyNoticeData(work: StoryNoticeFacts, step: StoryStep, at: Date): Record<string, string> {
  return {
    title: noticeThing(work.title.trim() || STORY_KIND_LABELS[work.kind]),
    result: resultOf(step),
    note: noticeThing(remarkOf(step)),
    time: formatShanghai(at, 'YYYY-MM-DD HH:mm'),
  };
}
