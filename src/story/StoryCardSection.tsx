import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Fragment, type ReactNode } from 'react';
import type { StoryCard } from '../../types/contracts/story';
import type { Result } from '../../types/result';
import { ListFooter } from '../components/ListFooter';
import { Section } from '../components/Section';
import { usePagedList, type Page, type PagedListState } from '../services/usePagedList';
import { useReloadOnShow } from '../services/useReloadOnShow';
import { StoryCardCell } from './StoryCardCell';

/**
 * A list of works a page at a time (the feed, a review queue, my works), the next page loaded at the
 * bottom. It reloads when the page is shown again, since a work opened from it may have moved on
 * (approved, selected, submitted), and on pull-down where the page enables it.
 */
export function useStoryCardPages(fetchPage: (cursor?: string) => Promise<Result<Page<StoryCard>>>): PagedListState<StoryCard> {
  const list = usePagedList(fetchPage);
  useReloadOnShow(() => void list.reload());
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(list.loadMore);
  return list;
}

interface StoryCardSectionProps {
  list: PagedListState<StoryCard>;
  title: string;
  emptyTitle?: string;
  emptyDescription?: string;
  /** How one work shows: its card, opening the work's page, unless the list adds to it. */
  renderCard?: (card: StoryCard) => ReactNode;
}

/** The loaded works with the list's loading, empty and error states and its more-to-come footer. */
export function StoryCardSection({
  list,
  title,
  emptyTitle,
  emptyDescription,
  renderCard = (card) => <StoryCardCell card={card} />,
}: StoryCardSectionProps) {
  return (
    <Section
      title={title}
      status={list.status}
      isEmpty={list.items.length === 0}
      emptyTitle={emptyTitle}
      emptyDescription={emptyDescription}
      errorMessage={list.error?.message}
      onRetry={() => void list.reload()}
      skeletonRows={4}
    >
      {list.items.map((card) => (
        <Fragment key={card.id}>{renderCard(card)}</Fragment>
      ))}
      <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} loadMore={list.loadMore} />
    </Section>
  );
}
