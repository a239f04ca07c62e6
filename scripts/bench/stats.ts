/** Per-case summaries: what the table prints and bench-results.json stores. */
import type { Sample } from './types';

export interface Spread {
  p50: number;
  p95: number;
}

export interface Summary {
  calls: number;
  dbRequests: { median: number; max: number };
  /** The most DB requests one call made one after another (Sample.chain). */
  dbChain: number;
  docsReturned: { median: number; max: number };
  /** Every request of every call covered by a declared index (or an _id lookup). */
  indexed: boolean;
  /** The distinct requests that were not covered, `action collection`, for the report. */
  unindexed: string[];
  latencyMs: Spread & { max: number };
}

/** Nearest-rank percentile of an unsorted list (0 for an empty one). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Median and 95th percentile of timings, rounded for the report. */
export function spread(ms: readonly number[]): Spread {
  return { p50: round(percentile(ms, 50)), p95: round(percentile(ms, 95)) };
}

export function summarize(samples: readonly Sample[]): Summary {
  const requests = samples.map((s) => s.requests.length);
  const returned = samples.map((s) => s.requests.reduce((sum, r) => sum + r.returned, 0));
  const ms = samples.map((s) => s.ms);
  const unindexed = new Set<string>();
  for (const s of samples) for (const r of s.requests) if (!r.indexed) unindexed.add(`${r.action} ${r.collection}`.trim());
  return {
    calls: samples.length,
    dbRequests: { median: percentile(requests, 50), max: Math.max(0, ...requests) },
    dbChain: Math.max(0, ...samples.map((s) => s.chain ?? s.requests.length)),
    docsReturned: { median: percentile(returned, 50), max: Math.max(0, ...returned) },
    indexed: unindexed.size === 0,
    unindexed: [...unindexed],
    latencyMs: { ...spread(ms), max: round(Math.max(0, ...ms)) },
  };
}

/** naive p50 ÷ real p50: how many times slower the naive implementation is. */
export function ratio(real: Summary, naive: Summary | undefined): number | null {
  if (!naive || real.latencyMs.p50 <= 0) return null;
  return round(naive.latencyMs.p50 / real.latencyMs.p50, 1);
}
