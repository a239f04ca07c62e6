/**
 * Month keys (YYYY-MM, Asia/Shanghai) for the dashboards' month-by-month rows. A full recompute
 * files about a million events, so this adds China's fixed offset instead of formatting each
 * instant through the time-zone database (core/time.ts): China has kept UTC+8 without summer time
 * since 1991, and test/unit/stats-months.test.ts holds the two to the same answers.
 */
import type { MonthCounts } from './types';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

export function shanghaiMonth(instant: Date): string {
  const shifted = new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
  const month = shifted.getUTCMonth() + 1;
  return `${shifted.getUTCFullYear()}-${month < 10 ? '0' : ''}${month}`;
}

export function emptyMonth(): MonthCounts {
  return { checkins: 0, submissions: 0, approvedWorks: 0, activitiesHeld: 0, itemsDone: 0, studyHours: 0 };
}

/** Adds `counts` to the month of `at`, creating it on first use. */
export function addToMonth(months: Record<string, MonthCounts>, at: Date, counts: Partial<MonthCounts>): void {
  const key = shanghaiMonth(at);
  const month = (months[key] ??= emptyMonth());
  for (const [field, value] of Object.entries(counts) as [keyof MonthCounts, number][]) month[field] += value;
}

/** Months in calendar order, each with its key, for the dashboard and the 台账. */
export function monthRows(months: Record<string, MonthCounts>): (MonthCounts & { month: string })[] {
  return Object.keys(months)
    .sort()
    .map((month) => ({ month, ...months[month]! }));
}
