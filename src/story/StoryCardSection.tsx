import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import type { ReactNode } from 'react';
import type { StoryCard } from '../../types/contracts/story';
import type { Result } from '../../types/result';
import { PagedSection } from '../components/PagedSection';
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

/** The loaded works, each as its card, with the list's loading, empty and error states and its footer. */
export function StoryCardSection({ renderCard = (card) => <StoryCardCell card={card} />, ...section }: StoryCardSectionProps) {
  return <PagedSection {...section} skeletonRows={4} itemKey={(card) => card.id} renderItem={renderCard} />;
}
