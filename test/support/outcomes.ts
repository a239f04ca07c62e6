import type { Result } from '../../types/result';

/** How many of racing calls succeeded and how many failed with each error code: `{ ok: 1, DUPLICATE: 199 }`. */
export function tally(results: Result<unknown>[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const result of results) {
    const key = result.ok ? 'ok' : result.error.code;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
