import { Text, View } from '@tarojs/components';
import { useReachBottom, useRouter } from '@tarojs/taro';
import { useCallback } from 'react';
import type { PointsEntry } from '../../../types/contracts/stats';
import { PageShell } from '../../components/PageShell';
import { PagedSection } from '../../components/PagedSection';
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
        <PagedSection
          list={list}
          title='积分明细'
          emptyTitle='还没有积分'
          emptyDescription='参加活动签到、答题、投稿通过审核、完成“六个一”都会得到积分'
          skeletonRows={6}
          itemKey={(entry, index) => `${entry.at}-${index}`}
          renderItem={(entry) => <EntryRow entry={entry} />}
        />
      </View>
    </PageShell>
  );
}
