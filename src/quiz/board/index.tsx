import { Text, View } from '@tarojs/components';
import { useReachBottom, useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { BoardRow, BranchRow } from '../../../types/contracts/quiz';
import { PageShell } from '../../components/PageShell';
import { Section } from '../../components/Section';
import { Segments, type Segment } from '../../components/Segments';
import { callFunction } from '../../services/cloud';
import { useCloud } from '../../services/useCloud';
import { usePagedList } from '../../services/usePagedList';
import { formatTaken } from '../countdown';
import '../quiz.css';

const PAGE_SIZE = 20;

function Row({ row }: { row: BoardRow }) {
  return (
    <View className={`quiz-board__row${row.isMe ? ' quiz-board__row--me' : ''}`}>
      <Text className={`quiz-board__rank${row.rank <= 3 ? ' quiz-board__rank--top' : ''}`}>{row.rank}</Text>
      <View className='quiz-board__who'>
        <Text className='quiz-board__name'>
          {row.name}
          {row.isMe ? '（我）' : ''}
        </Text>
        <Text className='quiz-board__branch'>{row.branchName}</Text>
      </View>
      <View className='quiz-board__score'>
        <Text className='quiz-board__points'>{row.score} 分</Text>
        <Text className='quiz-board__time'>用时 {formatTaken(row.durationMs)}</Text>
      </View>
    </View>
  );
}

/** Always visible, even when my row is pages away: one indexed count on the server. */
function MyRankBar({ contestId }: { contestId: string }) {
  const mine = useCloud('quiz', 'myRank', { contestId });
  let value: string;
  if (mine.status === 'loading') value = '加载中…';
  else if (mine.status === 'error') value = '暂时无法获取';
  else if (!mine.data || mine.data.rank === null) value = '暂无成绩，去答题吧';
  else value = `第 ${mine.data.rank} 名 · ${mine.data.score ?? 0} 分 · ${formatTaken(mine.data.durationMs ?? 0)}`;
  return (
    <View className='quiz-mybar' onClick={mine.status === 'error' ? mine.reload : undefined}>
      <Text className='quiz-mybar__label'>我的排名</Text>
      <Text className='quiz-mybar__value'>{value}</Text>
    </View>
  );
}

function PersonalBoard({ contestId }: { contestId: string }) {
  const fetchPage = useCallback(
    (cursor?: string) =>
      // The first page shows its failure in place; a later page's failure is a toast over what is shown.
      callFunction('quiz', 'leaderboard', { contestId, cursor, pageSize: PAGE_SIZE }, { silentError: cursor === undefined }),
    [contestId],
  );
  const board = usePagedList(fetchPage);
  useReachBottom(() => board.loadMore());

  return (
    <>
      <View className='ht-page__body'>
        <Section
          title='成绩排行'
          status={board.status}
          isEmpty={board.items.length === 0}
          emptyTitle='还没有人交卷'
          emptyDescription='第一个完成答题的同志会出现在这里'
          errorMessage={board.error?.message}
          onRetry={() => void board.reload()}
          skeletonRows={6}
        >
          {board.items.map((row) => (
            <Row key={`${row.rank}-${row.name}`} row={row} />
          ))}
        </Section>
        {board.status === 'ready' && board.items.length > 0 ? (
          <View className='ht-list-footer' onClick={board.hasMore ? board.loadMore : undefined}>
            <Text className='ht-list-footer__text'>{board.loadingMore ? '加载中…' : board.hasMore ? '上滑加载更多' : '已显示全部'}</Text>
          </View>
        ) : null}
      </View>
      {contestId ? <MyRankBar contestId={contestId} /> : null}
    </>
  );
}

/** `14:05` on the Shanghai clock (UTC+8 all year, see utils/format). */
function formatShanghaiClock(iso: string): string {
  const shifted = new Date(Date.parse(iso) + 8 * 3_600_000);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`;
}

/** `86.7%`: one decimal, without a trailing `.0`. */
function formatRate(rate: number): string {
  return `${Math.round(rate * 1000) / 10}%`;
}

/** A branch without participants has no rank: a dash, and no medal colour. */
function BranchRank({ rank }: { rank: number | null }) {
  if (rank === null) return <Text className='quiz-board__rank quiz-board__rank--none'>—</Text>;
  return <Text className={`quiz-board__rank${rank <= 3 ? ' quiz-board__rank--top' : ''}`}>{rank}</Text>;
}

function BranchRowView({ row }: { row: BranchRow }) {
  return (
    <View className={`quiz-board__row${row.isMine ? ' quiz-board__row--me' : ''}${row.rank === null ? ' quiz-board__row--unranked' : ''}`}>
      <BranchRank rank={row.rank} />
      <View className='quiz-board__who'>
        <Text className='quiz-board__name'>
          {row.branchName}
          {row.isMine ? '（本支部）' : ''}
        </Text>
        <Text className='quiz-board__branch'>
          参与 {row.participantCount}/{row.memberCount} 人
        </Text>
      </View>
      {row.rank === null ? (
        <View className='quiz-board__score'>
          <Text className='quiz-board__time'>暂无人参赛</Text>
        </View>
      ) : (
        <View className='quiz-board__score'>
          <Text className='quiz-board__points'>参与率 {formatRate(row.participationRate)}</Text>
          <Text className='quiz-board__time'>平均 {row.averageScore.toFixed(1)} 分</Text>
        </View>
      )}
    </View>
  );
}

/** 支部榜: computed on the server (cached about a minute), so it says when the numbers are from. */
function BranchBoard({ contestId }: { contestId: string }) {
  const board = useCloud('quiz', 'branchBoard', { contestId });
  const items = board.data?.items ?? [];
  // Before anyone takes part every branch would share an empty rank: say so instead of listing them.
  const nobodyYet = board.data?.participantCount === 0;
  return (
    <View className='ht-page__body'>
      <Section
        title='支部排行'
        status={board.status}
        isEmpty={items.length === 0 || nobodyYet}
        emptyTitle='暂无支部参赛'
        emptyDescription='有党员交卷后，这里按参与率排出各支部名次'
        errorMessage={board.error?.message}
        onRetry={board.reload}
        skeletonRows={6}
      >
        {items.map((row) => (
          <BranchRowView key={row.branchId} row={row} />
        ))}
      </Section>
      {board.status === 'ready' && board.data && !nobodyYet ? (
        <View className='quiz-branch-note'>
          <Text className='quiz-branch-note__text'>数据更新于 {formatShanghaiClock(board.data.computedAt)}</Text>
          <Text className='quiz-branch-note__text'>按参与率排名，参与率相同时比较参与者平均分；暂无人参赛的支部不排名。</Text>
        </View>
      ) : null}
    </View>
  );
}

type BoardTab = 'personal' | 'branch';
const TABS: ReadonlyArray<Segment<BoardTab>> = [
  { key: 'personal', label: '个人榜' },
  { key: 'branch', label: '支部榜' },
];

function BoardContent() {
  const { params } = useRouter();
  const contestId = params.contestId ?? '';
  const [tab, setTab] = useState<BoardTab>('personal');

  return (
    <View className={`quiz-board${tab === 'branch' ? ' quiz-board--branch' : ''}`}>
      <View className='quiz-board__tabs'>
        <Segments segments={TABS} value={tab} onChange={setTab} />
      </View>
      {tab === 'personal' ? <PersonalBoard contestId={contestId} /> : <BranchBoard contestId={contestId} />}
    </View>
  );
}

export default function QuizBoardPage() {
  return (
    <PageShell>
      <BoardContent />
    </PageShell>
  );
}
