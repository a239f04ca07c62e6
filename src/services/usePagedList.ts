import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError, Result } from '../../types/result';
import type { LoadStatus } from './useCloud';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PagedListState<T> {
  status: LoadStatus;
  items: T[];
  error: AppError | undefined;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  reload: () => Promise<void>;
}

/**
 * Cursor paging for list pages. The first page's failure is shown in place (section error state);
 * a later page's failure keeps what is on screen, so `fetchPage` should toast only when given a cursor.
 */
export function usePagedList<T>(fetchPage: (cursor?: string) => Promise<Result<Page<T>>>): PagedListState<T> {
  const [status, setStatus] = useState<LoadStatus>('loading');
  const [items, setItems] = useState<T[]>([]);
  const [error, setError] = useState<AppError>();
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  // The newest request wins: a reload must not be overwritten by an older page arriving late.
  const generation = useRef(0);
  const fetchPageRef = useRef(fetchPage);
  fetchPageRef.current = fetchPage;

  const reload = useCallback(async () => {
    const current = ++generation.current;
    setStatus('loading');
    setError(undefined);
    const result = await fetchPageRef.current();
    if (current !== generation.current) return;
    if (result.ok) {
      setItems(result.data.items);
      setNextCursor(result.data.nextCursor);
      setStatus('ready');
    } else {
      setError(result.error);
      setStatus('error');
    }
  }, []);

  const loadMore = useCallback(() => {
    if (!nextCursor || loadingMore) return;
    const current = generation.current;
    setLoadingMore(true);
    void fetchPageRef.current(nextCursor).then((result) => {
      setLoadingMore(false);
      if (current !== generation.current || !result.ok) return;
      setItems((previous) => [...previous, ...result.data.items]);
      setNextCursor(result.data.nextCursor);
    });
  }, [nextCursor, loadingMore]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { status, items, error, hasMore: nextCursor !== null, loadingMore, loadMore, reload };
}
