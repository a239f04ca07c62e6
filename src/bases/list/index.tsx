import { Text, View } from '@tarojs/components';
import { useReachBottom } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { LocationReading } from '../../../types/contracts/checkin';
import { PageShell } from '../../components/PageShell';
import { Section } from '../../components/Section';
import { Skeleton } from '../../components/Skeleton';
import { callFunction } from '../../services/cloud';
import { readLocation } from '../../services/location';
import { usePagedList } from '../../services/usePagedList';
import { BaseCell } from '../BaseCell';
import { ListFooter } from '../../components/ListFooter';
import '../bases.css';

const PAGE_SIZE = 20;

/** Nearest first when the member shares the location, otherwise by level then name (the server's order). */
function BaseList({ near }: { near: LocationReading | null }) {
  const fetchPage = useCallback(
    (cursor?: string) =>
      callFunction('checkin', 'bases', { pageSize: PAGE_SIZE, cursor, ...(near ? { near } : {}) }, { silentError: cursor === undefined }),
    [near],
  );
  const list = usePagedList(fetchPage);
  useReachBottom(list.loadMore);
  return (
    <Section
      title={near ? '离我最近' : '红色教育基地'}
      status={list.status}
      isEmpty={list.items.length === 0}
      emptyTitle='还没有登记红色教育基地'
      errorMessage={list.error?.message}
      onRetry={() => void list.reload()}
      skeletonRows={6}
    >
      {list.items.map((base) => (
        <BaseCell key={base.id} base={base} />
      ))}
      <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} loadMore={list.loadMore} />
    </Section>
  );
}

function BaseListContent() {
  // undefined while asking; null when the member declines (the list is then not by distance).
  const [near, setNear] = useState<LocationReading | null | undefined>(undefined);
  useEffect(() => {
    void readLocation().then(setNear);
  }, []);
  return (
    <View className='ht-page__body'>
      {near === undefined ? <Skeleton rows={6} /> : <BaseList near={near} />}
      {near === null ? <Text className='ht-form__note'>允许使用位置信息后，可按距离由近到远排列。</Text> : null}
    </View>
  );
}

export default function BaseListPage() {
  return (
    <PageShell>
      <BaseListContent />
    </PageShell>
  );
}
