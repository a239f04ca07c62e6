import { AppFailure } from './failure';

/**
 * Offset cursors are opaque strings to the app, so a list can move to keyset paging later
 * without a contract change.
 */
export function decodeOffsetCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  if (!/^\d{1,7}$/.test(cursor)) throw new AppFailure('INVALID_INPUT', { field: 'cursor' });
  return Number(cursor);
}

/** Callers fetch `pageSize + 1` rows; the extra one only tells whether another page exists. */
export function toPage<T>(rows: T[], pageSize: number, offset: number): { items: T[]; nextCursor: string | null } {
  const hasMore = rows.length > pageSize;
  return { items: rows.slice(0, pageSize), nextCursor: hasMore ? String(offset + pageSize) : null };
}
