import { Text, View } from '@tarojs/components';
import { useReachBottom, useRouter } from '@tarojs/taro';
import { useCallback } from 'react';
import type { PointsEntry } from '../../../types/contracts/stats';
import { ListFooter } from '../../components/ListFooter';
import { PageShell } from '../../components/PageShell';
import { Section } from '../../components/Section';
import { callFunction } from '../../services/cloud';
import { usePagedList } from '../../services/usePagedList';
import { formatDateTime } from '../../utils/format';
import { POINT_RULE_LABELS } from '../labels';
import '../stats.css';

const PAGE_SIZE = 20;

function EntryRow({ entry }: { entry: PointsEntry }) {
  return (
    <View className='stats-entry'>
      <View className='stats-entry__main'>
        <Text className='stats-entry__label'>{entry.label}</Text>
        <Text className='stats-entry__meta'>
          {POINT_RULE_LABELS[entry.rule]} · {formatDateTime(entry.at)}
        </Text>
      </View>
      <Text className={`stats-entry__points${entry.points < 0 ? ' stats-entry__points--minus' : ''}`}>
        {entry.points > 0 ? `+${entry.points}` : String(entry.points)}
      </Text>
    </View>
  );
}

/** 积分明细: newest first, a page at a time, each entry with the rule it was earned by. */
export default function PointsLedgerPage() {
  const { programmeId } = useRouter().params;
  const fetchPage = useCallback(
    (cursor?: string) =>
      callFunction(
        'stats',
        'pointsLedger',
        { pageSize: PAGE_SIZE, cursor, ...(programmeId ? { programmeId } : {}) },
        { silentError: cursor === undefined },
      ),
    [programmeId],
  );
  const list = usePagedList(fetchPage);
  useReachBottom(list.loadMore);
  return (
    <PageShell>
      <View className='ht-page__body'>
        <Section
          title='积分明细'
          status={list.status}
          isEmpty={list.items.length === 0}
          emptyTitle='还没有积分'
          emptyDescription='参加活动签到、答题、投稿通过审核、完成“六个一”都会得到积分'
          errorMessage={list.error?.message}
          onRetry={() => void list.reload()}
          skeletonRows={6}
        >
          {list.items.map((entry, index) => (
            <EntryRow key={`${entry.at}-${index}`} entry={entry} />
          ))}
          <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} loadMore={list.loadMore} />
        </Section>
      </View>
    </PageShell>
  );
}
