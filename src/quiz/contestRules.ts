import type { ContestSummary, ReviewPolicy } from '../../types/contracts/quiz';
import { formatDuration } from '../utils/format';

const REVIEW_POLICY_TEXT: Record<ReviewPolicy, string> = {
  afterEachAttempt: '每次交卷后可看解析',
  afterClose: '竞赛结束后公布答案与解析',
};

/** The review policy in the words the contest card and 竞赛须知 use. */
export function reviewPolicyText(review: ReviewPolicy): string {
  return REVIEW_POLICY_TEXT[review];
}

/** What leaving the page or app does during an attempt. */
export function switchRuleText(maxSwitches: number | null): string {
  if (maxSwitches === null) return '答题期间切出页面或切换到其他应用会被记录，供组织者查看。';
  if (maxSwitches === 0) return '答题期间不得切出页面或切换到其他应用，切出一次即自动交卷。';
  return `答题期间切出页面或切换到其他应用会被记录，超过 ${maxSwitches} 次将自动交卷。`;
}

/** The time rule: one clock for the whole paper, or one per question (逐题限时). */
function timeRuleText(contest: ContestSummary): string {
  if (contest.pace === 'perQuestion' && contest.secondsPerQuestion !== null) {
    return `共 ${contest.questionCount} 题，逐题限时：每题 ${contest.secondsPerQuestion} 秒，一次只显示一题，超时未答按未作答计，不能返回上一题。`;
  }
  return `共 ${contest.questionCount} 题，限时 ${formatDuration(contest.timeLimitSec)}，确认本须知后即开始计时，以服务器时间为准。`;
}

/** 竞赛须知, one rule a line, in the order a member needs them before the clock starts. */
export function noticeItems(contest: ContestSummary): string[] {
  const left = Math.max(0, contest.attemptsAllowed - contest.mine.attemptsUsed);
  return [
    timeRuleText(contest),
    `每人可答 ${contest.attemptsAllowed} 次，你还可以答 ${left} 次。`,
    `${reviewPolicyText(contest.review)}。`,
    switchRuleText(contest.maxSwitches),
    '答案随选随存；中途退出后重新进入可继续作答，但计时不会暂停。',
  ];
}
