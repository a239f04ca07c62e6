import { useCallback, useEffect, useState } from 'react';
import type { AppError, Result } from '../../types/result';

/**
 * One record found by id in a list action that has no single-record read (the list, newest first, is
 * short): `readPage` reads the page at a cursor; null when no page holds it.
 */
export async function findInPages<T extends { id: string }>(
  readPage: (cursor: string | undefined) => Promise<Result<{ items: T[]; nextCursor: string | null }>>,
  id: string,
): Promise<Result<T | null>> {
  let cursor: string | undefined;
  do {
    const page = await readPage(cursor);
    if (!page.ok) return page;
    const found = page.data.items.find((item) => item.id === id);
    if (found) return { ok: true, data: found };
    cursor = page.data.nextCursor ?? undefined;
  } while (cursor);
  return { ok: true, data: null };
}

export type Loading<T> = { status: 'loading' } | { status: 'error'; error: AppError } | { status: 'ready'; data: T };

const MISSING: AppError = { code: 'NOT_FOUND', message: '方案不存在或已删除' };

/**
 * One record a page is built on, read by `load` (null: gone); `reload` reads it again quietly when
 * it is already on screen, so a change made on the page does not flash the skeleton.
 */
export function useRecord<T>(load: () => Promise<Result<T | null>>, key: string, missing: AppError = MISSING) {
  const [state, setState] = useState<Loading<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let cancelled = false;
    setState((previous) => (previous.status === 'ready' ? previous : { status: 'loading' }));
    void load().then((result) => {
      if (cancelled) return;
      if (!result.ok) setState({ status: 'error', error: result.error });
      else if (result.data === null) setState({ status: 'error', error: missing });
      else setState({ status: 'ready', data: result.data });
    });
    return () => {
      cancelled = true;
    };
    // `key` names what `load` reads; the function itself is a new closure on every render.
  }, [key, attempt]);
  const reload = useCallback(() => setAttempt((count) => count + 1), []);
  return { state, reload };
}
