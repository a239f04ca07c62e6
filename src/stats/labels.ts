import type { EvidenceType, PointRule } from '../../types/contracts/stats';
import type { ProgrammeItemKey } from '../../types/labels';

/** The rule behind a ledger entry and a programme's points setting, in words (the keys are the contract's). */
export const POINT_RULE_LABELS: Record<PointRule, string> = {
  attendance: '参加活动签到',
  baseVisit: '红色基地打卡',
  quizAttempt: '参加知识竞赛',
  practiceDay: '每日一练（每天一次）',
  approvedWork: '投稿通过审核',
  award: '作品获奖',
  selfReport: '自报经书记确认',
  itemDone: '完成一项“六个一”',
};

export const EVIDENCE_LABELS: Record<EvidenceType, string> = {
  checkin: '活动或基地签到',
  story: '投稿通过审核',
  selfReport: '自报（书记确认）',
};

/** The 六个一 in two characters, where a row has room for a list of them (who is missing what). */
export const ITEM_SHORT_LABELS: Record<ProgrammeItemKey, string> = {
  lesson: '党课',
  story: '故事',
  book: '读书',
  film: '观影',
  visit: '参观',
  reflection: '心得',
};
