import { View } from '@tarojs/components';
import type { ContestSummary } from '../../../types/contracts/quiz';
import { ContestCard } from '../../components/ContestCard';
import { PageShell } from '../../components/PageShell';
import { Section } from '../../components/Section';
import { useCloud } from '../../services/useCloud';
import { useReloadOnShow } from '../../services/useReloadOnShow';

/** Open contests first, then upcoming, then finished ones. */
const STATUS_ORDER: Record<ContestSummary['status'], number> = { open: 0, upcoming: 1, closed: 2 };

function ContestList() {
  const contests = useCloud('quiz', 'contests', {});
  useReloadOnShow(contests.reload);
  const items = [...(contests.data?.items ?? [])].sort(
    (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status],
  );
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
        <ContestCard key={contest.id} contest={contest} />
      ))}
    </Section>
  );
}

export default function QuizPage() {
  return (
    <PageShell>
      <View className='ht-page__body'>
        <ContestList />
      </View>
    </PageShell>
  );
}
