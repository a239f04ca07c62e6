import { Text, View } from '@tarojs/components';
import { useReachBottom, useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { ActionOutput } from '../../../types/contracts';
import type { CategoryStat, ContestAttemptRow, QuestionStat } from '../../../types/contracts/quiz';
import { ATTEMPT_FLAG_LABELS } from '../../../types/labels';
import { Chips } from '../../components/FormParts';
import { PageShell } from '../../components/PageShell';
import { Section } from '../../components/Section';
import { Segments, type Segment } from '../../components/Segments';
import { SpreadsheetExport } from '../../components/SpreadsheetExport';
import { Tag } from '../../components/Tag';
import { formatTaken } from '../../quiz/countdown';
import { callFunction } from '../../services/cloud';
import { useCloud } from '../../services/useCloud';
import { usePagedList } from '../../services/usePagedList';
import { formatDateTime } from '../../utils/format';
import '../admin.css';
import '../contest/contest.css';

const PAGE_SIZE = 20;
type ExportResultsOutput = ActionOutput<'quiz', 'exportResults'>;
const FILTERS = [
  { value: 'all', label: '全部作答' },
  { value: 'marked', label: '只看有标记的' },
] as const;
/** Below this a topic is called weak and shown in red. */
const WEAK_RATE = 0.6;

/** `86.7%`: one decimal, without a trailing `.0`. */
function percent(rate: number): string {
  return `${Math.round(rate * 1000) / 10}%`;
}

function AttemptRow({ row }: { row: ContestAttemptRow }) {
  const submitted = row.status === 'submitted';
  return (
    <View className='admin-attempt'>
      <View className='admin-attempt__head'>
        <Text className='admin-attempt__who'>
          {row.memberName} · {row.branchName}
        </Text>
        <Text className='admin-attempt__score'>{submitted ? `${row.score ?? 0}/${row.maxScore} 分` : '作答中'}</Text>
      </View>
      <Text className='admin-attempt__line'>
        第 {row.attemptNo} 次 · {formatDateTime(row.startedAt)} 开始
        {submitted && row.durationMs !== null ? ` · 用时 ${formatTaken(row.durationMs)}` : ''}
        {submitted && row.correctCount !== null ? ` · 答对 ${row.correctCount} 题` : ''}
      </Text>
      <View className='admin-attempt__tags'>
        <Tag text={`切屏 ${row.switchCount} 次`} tone={row.switchCount > 0 ? 'red' : 'grey'} />
        {row.autoSubmitted ? <Tag text='切屏超限自动交卷' /> : null}
        {row.onTime === false ? <Tag text='超时提交' tone='grey' /> : null}
        {row.flags.map((flag) => (
          <Tag key={flag} text={ATTEMPT_FLAG_LABELS[flag]} />
        ))}
      </View>
    </View>
  );
}

/** A flag or a server auto-submit: the attempts an organiser should look at first. */
function isMarked(row: ContestAttemptRow): boolean {
  return row.flags.length > 0 || row.autoSubmitted;
}

/**
 * Every attempt, newest first, with its switches and flags. Flags inform; scores are never changed
 * by them. 只看有标记的 narrows what is loaded; scrolling on loads further pages either way.
 */
function Attempts({ contestId }: { contestId: string }) {
  const [markedOnly, setMarkedOnly] = useState(false);
  const fetchPage = useCallback(
    (cursor?: string) =>
      callFunction('quiz', 'contestAttempts', { contestId, cursor, pageSize: PAGE_SIZE }, { silentError: cursor === undefined }),
    [contestId],
  );
  const list = usePagedList(fetchPage);
  useReachBottom(list.loadMore);
  const shown = markedOnly ? list.items.filter(isMarked) : list.items;
  return (
    <>
      <Chips
        role='radio'
        label='筛选'
        options={FILTERS}
        isSelected={(value) => (value === 'marked') === markedOnly}
        onToggle={(value) => setMarkedOnly(value === 'marked')}
      />
      <Section
        title='作答记录'
        status={list.status}
        isEmpty={shown.length === 0}
        emptyTitle={markedOnly ? '没有被标记的作答' : '还没有人作答'}
        emptyDescription='标记只作提示（答题快于读题、与他人答案完全相同），不会改变成绩'
        errorMessage={list.error?.message}
        onRetry={() => void list.reload()}
        skeletonRows={6}
      >
        {shown.map((row) => (
          <AttemptRow key={row.attemptId} row={row} />
        ))}
      </Section>
      {list.status === 'ready' && list.items.length > 0 ? (
        <View className='ht-list-footer' onClick={list.hasMore ? list.loadMore : undefined}>
          <Text className='ht-list-footer__text'>{list.loadingMore ? '加载中…' : list.hasMore ? '上滑加载更多' : '已显示全部'}</Text>
        </View>
      ) : null}
    </>
  );
}

function exportSummary(exported: ExportResultsOutput): string {
  const rows = `已导出 ${exported.rows} 位党员的成绩`;
  return exported.truncated ? `${rows}。人数过多，表格只列出了前面的部分。` : `${rows}。`;
}

/** 成绩导出: the server builds the .xlsx (one row per member) and answers a temporary link. */
function ExportResults({ contestId }: { contestId: string }) {
  return (
    <SpreadsheetExport
      label='导出成绩 Excel'
      className='admin-results__toolbar'
      build={() => callFunction('quiz', 'exportResults', { contestId })}
      summary={exportSummary}
    />
  );
}

function RateRow({ name, rate, meta }: { name: string; rate: number; meta: string }) {
  return (
    <View className='admin-rate'>
      <View className='admin-rate__head'>
        <Text className='admin-rate__name'>{name}</Text>
        <Text className={`admin-rate__value${rate < WEAK_RATE ? ' admin-rate__value--weak' : ''}`}>正确率 {percent(rate)}</Text>
      </View>
      <View className='admin-rate__track'>
        <View className='admin-rate__fill' style={{ width: percent(rate) }} />
      </View>
      <Text className='admin-rate__meta'>{meta}</Text>
    </View>
  );
}

const byRate = <T extends { correctRate: number }>(items: readonly T[]): T[] => [...items].sort((a, b) => a.correctRate - b.correctRate);

/** Per-topic then per-question correct rates, weakest first: which topics the branches should study. */
function QuestionRates({ contestId }: { contestId: string }) {
  const stats = useCloud('quiz', 'questionStats', { contestId });
  const categories: CategoryStat[] = byRate(stats.data?.byCategory ?? []);
  const questions: QuestionStat[] = byRate(stats.data?.items ?? []);
  const empty = (stats.data?.attemptCount ?? 0) === 0;
  const sectionState = { status: stats.status, errorMessage: stats.error?.message, onRetry: stats.reload };
  return (
    <>
      <Section title='各分类正确率' {...sectionState} isEmpty={empty || categories.length === 0} emptyTitle='还没有交卷的作答'>
        {categories.map((item) => (
          <RateRow
            key={item.category}
            name={item.category}
            rate={item.correctRate}
            meta={`作答 ${item.askedCount} 题次，答对 ${item.correctCount}`}
          />
        ))}
      </Section>
      <Section title='各题正确率（由低到高）' {...sectionState} isEmpty={empty || questions.length === 0} emptyTitle='还没有交卷的作答'>
        {questions.map((item) => (
          <RateRow
            key={item.questionId}
            name={item.stem}
            rate={item.correctRate}
            meta={`${item.category} · 作答 ${item.askedCount} 次，答对 ${item.correctCount} 次`}
          />
        ))}
      </Section>
    </>
  );
}

type ResultsTab = 'attempts' | 'questions';
const TABS: ReadonlyArray<Segment<ResultsTab>> = [
  { key: 'attempts', label: '作答与导出' },
  { key: 'questions', label: '题目正确率' },
];

function ResultsContent() {
  const { params } = useRouter();
  const contestId = params.contestId ?? '';
  const [tab, setTab] = useState<ResultsTab>('attempts');
  return (
    <View className='ht-page__body'>
      <Segments segments={TABS} value={tab} onChange={setTab} />
      {tab === 'attempts' ? (
        <>
          <ExportResults contestId={contestId} />
          <Attempts contestId={contestId} />
        </>
      ) : (
        <QuestionRates contestId={contestId} />
      )}
    </View>
  );
}

export default function AdminResultsPage() {
  return (
    <PageShell>
      <ResultsContent />
    </PageShell>
  );
}
