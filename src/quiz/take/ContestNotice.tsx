import { Text, View } from '@tarojs/components';
import type { ContestSummary, StartOutput } from '../../../types/contracts/quiz';
import { ActionButton } from '../../components/ActionButton';
import { noticeItems } from '../contestRules';
import { formatRemaining } from '../countdown';
import { useCountdown } from '../useCountdown';

interface ContestNoticeProps {
  contest: ContestSummary;
  starting: boolean;
  onConfirm: () => void;
}

/** 竞赛须知: what the member agrees to before the server starts the clock. */
export function ContestNotice({ contest, starting, onConfirm }: ContestNoticeProps) {
  return (
    <View className='ht-card quiz-notice'>
      <Text className='ht-card__title'>竞赛须知</Text>
      <Text className='quiz-notice__contest'>{contest.title}</Text>
      {contest.description ? <Text className='quiz-notice__description'>{contest.description}</Text> : null}
      <View className='quiz-notice__list' role='list'>
        {noticeItems(contest).map((item, index) => (
          <View key={item} className='quiz-notice__item' role='listitem'>
            <Text className='quiz-notice__index'>{index + 1}</Text>
            <Text className='quiz-notice__text'>{item}</Text>
          </View>
        ))}
      </View>
      <View className='quiz-actions'>
        <ActionButton loading={starting} onClick={onConfirm}>
          我已阅读，开始答题
        </ActionButton>
      </View>
    </View>
  );
}

interface ResumeNoticeProps {
  attempt: StartOutput;
  offsetMs: number;
  onContinue: () => void;
}

/** An unfinished attempt: its server clock kept running, so the member learns what is left before going on. */
export function ResumeNotice({ attempt, offsetMs, onContinue }: ResumeNoticeProps) {
  const remaining = useCountdown({ deadline: attempt.deadline, offsetMs, onExpire: onContinue });
  return (
    <View className='ht-card quiz-notice'>
      <Text className='ht-card__title'>继续上次的作答</Text>
      <Text className='quiz-notice__contest'>{attempt.title}</Text>
      <View role='status'>
        <Text className='ht-card__text'>
          第 {attempt.attemptNo}/{attempt.attemptsAllowed} 次作答尚未交卷，剩余时间{' '}
          {remaining === null ? '--:--' : formatRemaining(remaining)}
          ，计时没有暂停。
        </Text>
      </View>
      <View className='quiz-actions'>
        <ActionButton onClick={onContinue}>继续答题</ActionButton>
      </View>
    </View>
  );
}
