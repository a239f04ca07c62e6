import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useCallback } from 'react';
import { ActionButton } from '../../components/ActionButton';
import { ActivityCell } from '../../components/ActivityCell';
import { PageShell } from '../../components/PageShell';
import { Section } from '../../components/Section';
import { callFunction } from '../../services/cloud';
import { usePagedList } from '../../services/usePagedList';

const PAGE_SIZE = 10;

function ActivityList() {
  const fetchPage = useCallback(
    (cursor?: string) =>
      callFunction('activity', 'list', { scope: 'upcoming', pageSize: PAGE_SIZE, cursor }, { silentError: cursor === undefined }),
    [],
  );
  const list = usePagedList(fetchPage);

  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(list.loadMore);

  return (
    <Section
      title='近期活动'
      status={list.status}
      isEmpty={list.items.length === 0}
      emptyTitle='近期没有安排活动'
      emptyDescription='支部发布新活动后会显示在这里'
      errorMessage={list.error?.message}
      onRetry={() => void list.reload()}
      skeletonRows={4}
    >
      {list.items.map((activity) => (
        <ActivityCell key={activity.id} activity={activity} />
      ))}
      <View className='ht-list-footer'>
        {list.hasMore ? (
          <ActionButton size='small' variant='plain' loading={list.loadingMore} onClick={list.loadMore}>
            加载更多
          </ActionButton>
        ) : (
          <Text className='ht-list-footer__text'>没有更多了</Text>
        )}
      </View>
    </Section>
  );
}

export default function ActivitiesPage() {
  return (
    <PageShell>
      <View className='ht-page__body'>
        <ActivityList />
      </View>
    </PageShell>
  );
}
