/** Budget checks, the stdout table and bench-results.json. */
import os from 'node:os';
import { ratio, summarize, type Summary } from './stats';
import type { Budget, CaseResult, Sample, ScenarioRun } from './types';

export interface CaseSummary {
  real: Summary;
  naive: (Summary & { description: string }) | null;
  /** naive p50 ÷ real p50 */
  ratio: number | null;
}

export interface ActionSize extends CaseSummary {
  budget: { maxRequests: number | null; hot: boolean; source: string } | null;
  withinBudget: boolean;
  /** Per case when an action is measured several ways (e.g. first and deep leaderboard pages). */
  cases?: Record<string, CaseSummary>;
}

export interface Row {
  size: number;
  action: string;
  label: string;
  summary: CaseSummary;
}

function summarizeCase(real: readonly Sample[], naive: CaseResult['naive'] | undefined): CaseSummary {
  const r = summarize(real);
  const n = naive && naive.samples.length > 0 ? { ...summarize(naive.samples), description: naive.description } : null;
  return { real: r, naive: n, ratio: ratio(r, n ?? undefined) };
}

/** The failures this summary causes under its budget (empty when within it). */
export function breaches(action: string, size: number, summary: Summary, budget: Budget | undefined): string[] {
  const out: string[] = [];
  if (!budget) return out;
  if (budget.maxRequests !== undefined && summary.dbRequests.max > budget.maxRequests) {
    out.push(`${action} @ ${size}: ${summary.dbRequests.max} DB requests in one call > budget ${budget.maxRequests} (${budget.source})`);
  }
  if (budget.hot && !summary.indexed) {
    out.push(`${action} @ ${size}: request(s) not covered by a declared index: ${summary.unindexed.join('; ')}`);
  }
  return out;
}

export function collect(runs: readonly ScenarioRun[], budgets: Record<string, Budget>) {
  const rows: Row[] = [];
  const results: Record<string, Record<string, ActionSize>> = {};
  const failures: string[] = [];
  for (const run of runs) {
    const byAction = new Map<string, CaseResult[]>();
    for (const c of run.cases) {
      rows.push({ size: run.size, action: c.action, label: c.label, summary: summarizeCase(c.real, c.naive) });
      byAction.set(c.action, [...(byAction.get(c.action) ?? []), c]);
    }
    for (const [action, cases] of byAction) {
      const naiveSamples = cases.flatMap((c) => c.naive?.samples ?? []);
      const descriptions = [...new Set(cases.flatMap((c) => (c.naive ? [c.naive.description] : [])))];
      const whole = summarizeCase(
        cases.flatMap((c) => c.real),
        naiveSamples.length > 0 ? { description: descriptions.join(' / '), samples: naiveSamples } : undefined,
      );
      const budget = budgets[action];
      const found = breaches(action, run.size, whole.real, budget);
      failures.push(...found);
      const entry: ActionSize = {
        ...whole,
        budget: budget ? { maxRequests: budget.maxRequests ?? null, hot: budget.hot, source: budget.source } : null,
        withinBudget: found.length === 0,
      };
      if (cases.length > 1) entry.cases = Object.fromEntries(cases.map((c) => [c.label, summarizeCase(c.real, c.naive)]));
      (results[action] ??= {})[String(run.size)] = entry;
    }
  }
  const measured = new Set(Object.keys(results));
  const notMeasured = Object.keys(budgets).filter((action) => !measured.has(action));
  return { rows, results, failures, notMeasured };
}

export function machineInfo() {
  const cpus = os.cpus();
  return {
    os: `${os.type()} ${os.release()} (${os.platform()}/${os.arch()})`,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    availableParallelism: typeof os.availableParallelism === 'function' ? os.availableParallelism() : cpus.length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  };
}

function fmt(value: number): string {
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function pad(cells: string[], widths: number[]): string {
  return cells.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
}

/** Plain-text table; widths are computed so it stays aligned whatever the numbers. */
export function table(rows: readonly Row[], budgets: Record<string, Budget>): string {
  const header = ['size', 'action', 'case', 'DB req med/max', 'docs med/max', 'indexed', 'p50 ms', 'p95 ms', 'naive req', 'naive docs', 'naive p50/p95 ms', 'ratio', 'budget'];
  const body = rows.map(({ size, action, label, summary: { real, naive, ratio: r } }) => {
    const budget = budgets[action];
    const within = breaches(action, size, real, budget).length === 0;
    return [
      size.toLocaleString('en-US'),
      action,
      label,
      `${real.dbRequests.median}/${real.dbRequests.max}`,
      `${real.docsReturned.median}/${real.docsReturned.max}`,
      real.indexed ? 'yes' : 'NO',
      fmt(real.latencyMs.p50),
      fmt(real.latencyMs.p95),
      naive ? `${naive.dbRequests.median}` : '—',
      naive ? `${naive.docsReturned.median}` : '—',
      naive ? `${fmt(naive.latencyMs.p50)}/${fmt(naive.latencyMs.p95)}` : '—',
      r === null ? '—' : `${r}×`,
      budget ? `${budget.maxRequests === undefined ? 'idx' : `≤${budget.maxRequests}`} ${within ? 'ok' : 'FAIL'}` : '—',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = widths.map((w) => '-'.repeat(w)).join('  ');
  return [pad(header, widths), line, ...body.map((row) => pad(row, widths))].join('\n');
}
