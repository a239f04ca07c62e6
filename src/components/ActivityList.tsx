import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useCallback } from 'react';
import type { ProgrammeItemKey } from '../../types/labels';
import { activityDetailUrl } from '../activity/routes';
import { callFunction } from '../services/cloud';
import { usePagedList } from '../services/usePagedList';
import { useReloadOnShow } from '../services/useReloadOnShow';
import { ActivityCell } from './ActivityCell';
import { PagedSection } from './PagedSection';

const PAGE_SIZE = 10;

export type ActivityScope = 'upcoming' | 'mine' | 'past' | 'managed';

export interface ActivityListProps {
  scope: ActivityScope;
  title: string;
  emptyTitle: string;
  emptyDescription: string;
  /** Only activities whose attendance counts for this 六个一 item (upcoming and past only; activity.list). */
  countsFor?: ProgrammeItemKey;
}

/** One scope of `activity.list`, paged: pull to refresh, more at the bottom, each row opening the activity. */
export function ActivityList({ scope, title, emptyTitle, emptyDescription, countsFor }: ActivityListProps) {
  const fetchPage = useCallback(
    (cursor?: string) =>
      callFunction(
        'activity',
        'list',
        { scope, pageSize: PAGE_SIZE, cursor, ...(countsFor === undefined ? {} : { countsFor }) },
        { silentError: cursor === undefined },
      ),
    [scope, countsFor],
  );
  const list = usePagedList(fetchPage);
  useReloadOnShow(() => void list.reload());

  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(list.loadMore);

  return (
    <PagedSection
      list={list}
      title={title}
      emptyTitle={emptyTitle}
      emptyDescription={emptyDescription}
      skeletonRows={4}
      itemKey={(activity) => activity.id}
      renderItem={(activity) => (
        <ActivityCell activity={activity} onClick={() => void Taro.navigateTo({ url: activityDetailUrl(activity.id) })} />
      )}
    />
  );
}
