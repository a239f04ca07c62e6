import { Text, View } from '@tarojs/components';
import { useReachBottom, useRouter } from '@tarojs/taro';
import { useCallback } from 'react';
import type { BoardRow } from '../../../types/contracts/quiz';
import { PageShell } from '../../components/PageShell';
import { Section } from '../../components/Section';
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

function BoardContent() {
  const { params } = useRouter();
  const contestId = params.contestId ?? '';
  const fetchPage = useCallback(
    (cursor?: string) =>
      // The first page shows its failure in place; a later page's failure is a toast over what is shown.
      callFunction('quiz', 'leaderboard', { contestId, cursor, pageSize: PAGE_SIZE }, { silentError: cursor === undefined }),
    [contestId],
  );
  const board = usePagedList(fetchPage);
  useReachBottom(() => board.loadMore());

  return (
    <View className='quiz-board'>
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
            <Text className='ht-list-footer__text'>
              {board.loadingMore ? '加载中…' : board.hasMore ? '上滑加载更多' : '已显示全部'}
            </Text>
          </View>
        ) : null}
      </View>
      {contestId ? <MyRankBar contestId={contestId} /> : null}
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
