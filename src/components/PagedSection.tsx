import { Fragment, type ReactNode } from 'react';
import type { PagedListState } from '../services/usePagedList';
import { ListFooter } from './ListFooter';
import { Section } from './Section';

interface PagedSectionProps<T> {
  list: PagedListState<T>;
  title: string;
  emptyTitle?: string;
  emptyDescription?: string;
  skeletonRows?: number;
  /** The item's React key; `index` for rows with no identity of their own. */
  itemKey: (item: T, index: number) => string;
  renderItem: (item: T) => ReactNode;
}

/** A paged list's items in a section that shows its loading, empty and error states, with the more-to-come footer. */
export function PagedSection<T>({ list, title, emptyTitle, emptyDescription, skeletonRows, itemKey, renderItem }: PagedSectionProps<T>) {
  return (
    <Section
      title={title}
      status={list.status}
      isEmpty={list.items.length === 0}
      emptyTitle={emptyTitle}
      emptyDescription={emptyDescription}
      errorMessage={list.error?.message}
      onRetry={() => void list.reload()}
      skeletonRows={skeletonRows}
    >
      {list.items.map((item, index) => (
        <Fragment key={itemKey(item, index)}>{renderItem(item)}</Fragment>
      ))}
      <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} loadMore={list.loadMore} />
    </Section>
  );
}
