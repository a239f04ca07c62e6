import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ContestSummary } from '../../../types/contracts/quiz';
import { ActionButton } from '../../components/ActionButton';
import { ContestCard } from '../../components/ContestCard';
import { MembershipGate } from '../../components/MembershipGate';
import { PageShell } from '../../components/PageShell';
import { Section } from '../../components/Section';
import { useTabBarSelection } from '../../custom-tab-bar/selection';
import { useMembership } from '../../services/membership';
import { useCloud } from '../../services/useCloud';
import { useReloadOnShow } from '../../services/useReloadOnShow';
import { findOpenAttempt } from '../../quiz/answersStore';
import { formatTaken } from '../../quiz/countdown';
import { boardUrl, takeUrl } from '../../quiz/routes';
import './index.css';

/** Open contests first, then upcoming, then finished ones. */
const STATUS_ORDER: Record<ContestSummary['status'], number> = { open: 0, upcoming: 1, closed: 2 };

function open(url: string): void {
  void Taro.navigateTo({ url });
}

/** One contest with my best result (if any) and what I can do with it. */
function ContestEntry({ contest, shownAt }: { contest: ContestSummary; shownAt: number }) {
  const mine = useCloud('quiz', 'myRank', { contestId: contest.id });
  useReloadOnShow(mine.reload);
  const best = mine.status === 'ready' && mine.data && mine.data.score !== null ? mine.data : null;
  // An unfinished attempt, on the server's word or saved on this phone: `start` resumes it, answers come back from storage.
  const unfinished = contest.status === 'open' && (contest.mine.openAttemptId !== null || findOpenAttempt(contest.id, shownAt) !== null);
  const usedUp = !unfinished && contest.mine.attemptsUsed >= contest.attemptsAllowed;
  const startLabel = unfinished ? '继续答题' : best ? '再答一次' : '开始答题';

  return (
    <View className='quiz-entry'>
      <ContestCard contest={contest} />
      {best ? (
        <View className='quiz-entry__mine'>
          <Text>
            我的最佳：{best.score} 分 · 用时 {formatTaken(best.durationMs ?? 0)}
          </Text>
          <Text>{best.rank !== null ? `第 ${best.rank} 名` : ''}</Text>
        </View>
      ) : null}
      {contest.status === 'upcoming' ? null : (
        <View className='quiz-entry__actions'>
          {contest.status === 'open' && !usedUp ? (
            <ActionButton onClick={() => open(takeUrl(contest.id))}>{startLabel}</ActionButton>
          ) : null}
          {contest.status === 'open' && usedUp ? <Text className='quiz-entry__used-up'>作答次数已用完</Text> : null}
          <ActionButton variant='plain' onClick={() => open(boardUrl(contest.id))}>
            排行榜
          </ActionButton>
        </View>
      )}
    </View>
  );
}

/** 每日一练 lives in the quiz subpackage; the tab only links to it, so opening the tab draws nothing. */
const PRACTICE_URL = '/quiz/practice/index';

function PracticeEntry() {
  return (
    <View className='ht-card'>
      <Text className='ht-card__title'>每日一练</Text>
      <Text className='ht-card__text'>每天 5 道党史题，答对得积分，坚持攒连续天数</Text>
      <View className='quiz-entry__actions' style={{ marginTop: '12px', padding: 0 }}>
        <ActionButton onClick={() => open(PRACTICE_URL)}>今日一练</ActionButton>
        <ActionButton variant='plain' onClick={() => open(`${PRACTICE_URL}?tab=mistakes`)}>
          错题本
        </ActionButton>
      </View>
    </View>
  );
}

function ContestList() {
  const contests = useCloud('quiz', 'contests', {});
  useReloadOnShow(contests.reload);
  const items = [...(contests.data?.items ?? [])].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
  const shownAt = Date.now();
  return (
    <Section
      title='知识竞赛'
      status={contests.status}
      isEmpty={items.length === 0}
      emptyTitle='暂无知识竞赛'
      emptyDescription='组织部发布竞赛后会显示在这里'
      errorMessage={contests.error?.message}
      onRetry={contests.reload}
    >
      {items.map((contest) => (
        <ContestEntry key={contest.id} contest={contest} shownAt={shownAt} />
      ))}
    </Section>
  );
}

/** 每日一练 and the contests are for members: the practice and contest functions refuse anyone else. */
function QuizContent() {
  return (
    <MembershipGate state={useMembership()}>
      {() => (
        <>
          <PracticeEntry />
          <ContestList />
        </>
      )}
    </MembershipGate>
  );
}

export default function QuizPage() {
  useTabBarSelection();
  return (
    <PageShell>
      <View className='ht-page__body'>
        <QuizContent />
      </View>
    </PageShell>
  );
}
