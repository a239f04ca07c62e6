import { Text, View } from '@tarojs/components';
import type { ContestSummary } from '../../types/contracts/quiz';
import { reviewPolicyText } from '../quiz/contestRules';
import { formatDateTime, formatDuration } from '../utils/format';
import { Tag } from './Tag';

const CONTEST_STATUS_LABELS: Record<ContestSummary['status'], string> = {
  open: '进行中',
  upcoming: '未开始',
  closed: '已结束',
};

/** 逐题限时 contests give each question its own seconds; the others one limit for the paper. */
function timeText(contest: ContestSummary): string {
  if (contest.pace === 'perQuestion' && contest.secondsPerQuestion !== null) return `逐题限时 每题 ${contest.secondsPerQuestion} 秒`;
  return `限时 ${formatDuration(contest.timeLimitSec)}`;
}

interface ContestCardProps {
  contest: ContestSummary;
  onClick?: () => void;
}

/** The red banner used for contests: open ones are what members should act on first. */
export function ContestCard({ contest, onClick }: ContestCardProps) {
  const deadline = contest.status === 'upcoming' ? `开始：${formatDateTime(contest.startAt)}` : `截止：${formatDateTime(contest.endAt)}`;
  return (
    <View
      className={`ht-contest ht-contest--${contest.status}${onClick ? ' ht-cell--tappable' : ''}`}
      hoverClass={onClick ? 'ht-contest--pressed' : 'none'}
      onClick={onClick}
    >
      <View className='ht-contest__head'>
        <Text className='ht-contest__title'>{contest.title}</Text>
        <Tag text={CONTEST_STATUS_LABELS[contest.status]} tone={contest.status === 'open' ? 'red' : 'grey'} />
      </View>
      <Text className='ht-contest__meta'>{deadline}</Text>
      <Text className='ht-contest__meta'>
        题量 {contest.questionCount} 题 · {timeText(contest)} · 可答 {contest.attemptsAllowed} 次
      </Text>
      <Text className='ht-contest__meta'>{reviewPolicyText(contest.review)}</Text>
    </View>
  );
}
