/** Numbers as the statistics pages say them. */
import { formatClockToday } from '../utils/format';

/** 0.456 → `46%`; a rate is never shown above 100 % or below 0 %. */
export function percent(rate: number): string {
  return `${Math.round(Math.min(Math.max(rate, 0), 1) * 100)}%`;
}

/** A part of a whole as a rate, 0 when there is no whole (a branch without members). */
export function rateOf(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}

/** 学时 in half hours: `12`, `12.5`. */
export function hours(value: number): string {
  return String(Math.round(value * 2) / 2);
}

/** 「数据更新于 14:03」: the numbers are as fresh as the aggregator's last run, and the page says when that was. */
export function asOfText(asOf: string | null, nowMs: number): string {
  return asOf ? `数据更新于 ${formatClockToday(asOf, nowMs)}` : '数据尚未统计';
}
