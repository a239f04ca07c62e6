/** Budget checks, the stdout table and bench-results.json. */
import os from 'node:os';
import { ratio, summarize, type Summary } from './stats';
import type { ColdStartResult } from './scenarios/coldStart';
import type { Budget, CaseResult, Sample, ScenarioRun } from './types';

export interface CaseSummary {
  real: Summary;
  naive: (Summary & { description: string }) | null;
  /** naive p50 ÷ real p50 */
  ratio: number | null;
}

export interface ActionSize extends CaseSummary {
  budget: { maxRequests: number | null; maxMs: number | null; hot: boolean; source: string } | null;
  withinBudget: boolean;
  /** Per case when an action is measured several ways (e.g. first and deep leaderboard pages). */
  cases?: Record<string, CaseSummary>;
}

export interface Row {
  size: number;
  unit: string | undefined;
  action: string;
  label: string;
  summary: CaseSummary;
  /** CaseResult.outsideTimeoutCheck: left out of the function's timeout check. */
  outsideTimeoutCheck?: string;
}

function summarizeCase(real: readonly Sample[], naive: CaseResult['naive'] | undefined): CaseSummary {
  const r = summarize(real);
  const n = naive && naive.samples.length > 0 ? { ...summarize(naive.samples), description: naive.description } : null;
  return { real: r, naive: n, ratio: ratio(r, n ?? undefined) };
}

/** `1000` for members, `5000 rows` otherwise: the key in bench-results.json. */
function sizeLabel(size: number, unit: string | undefined): string {
  return unit === undefined ? String(size) : `${size} ${unit}`;
}

/** The failures this summary causes under its budget (empty when within it). */
export function breaches(action: string, size: number, summary: Summary, budget: Budget | undefined): string[] {
  const out: string[] = [];
  if (!budget) return out;
  if (budget.maxRequests !== undefined && summary.dbRequests.max > budget.maxRequests) {
    out.push(`${action} @ ${size}: ${summary.dbRequests.max} DB requests in one call > budget ${budget.maxRequests} (${budget.source})`);
  }
  if (budget.maxMs !== undefined && summary.latencyMs.max > budget.maxMs) {
    out.push(`${action} @ ${size}: ${Math.round(summary.latencyMs.max)} ms > budget ${budget.maxMs} ms (${budget.source})`);
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
      rows.push({
        size: run.size,
        unit: run.unit,
        action: c.action,
        label: c.label,
        summary: summarizeCase(c.real, c.naive),
        outsideTimeoutCheck: c.outsideTimeoutCheck,
      });
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
        budget: budget
          ? { maxRequests: budget.maxRequests ?? null, maxMs: budget.maxMs ?? null, hot: budget.hot, source: budget.source }
          : null,
        withinBudget: found.length === 0,
      };
      if (cases.length > 1) entry.cases = Object.fromEntries(cases.map((c) => [c.label, summarizeCase(c.real, c.naive)]));
      (results[action] ??= {})[sizeLabel(run.size, run.unit)] = entry;
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

/** Plain-text table; widths are computed so it stays aligned whatever the numbers. */
export function textTable(header: string[], body: string[][], leftAlignedColumns: number): string {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const pad = (cells: string[]) =>
    cells.map((cell, i) => (i < leftAlignedColumns ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [pad(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(pad)].join('\n');
}

/** `≤3`, `≤10 s`, both, or `idx` when only index coverage is budgeted. */
function budgetLabel(budget: Budget): string {
  const parts = [
    ...(budget.maxRequests === undefined ? [] : [`≤${budget.maxRequests}`]),
    ...(budget.maxMs === undefined ? [] : [`≤${budget.maxMs / 1000} s`]),
  ];
  return parts.length === 0 ? 'idx' : parts.join(' ');
}

/** The scenarios' table: one row per case per size. */
export function table(rows: readonly Row[], budgets: Record<string, Budget>): string {
  const header = [
    'size',
    'action',
    'case',
    'DB req med/max',
    'docs med/max',
    'indexed',
    'p50 ms',
    'p95 ms',
    'naive req',
    'naive docs',
    'naive p50/p95 ms',
    'ratio',
    'budget',
  ];
  const body = rows.map(({ size, unit, action, label, summary: { real, naive, ratio: r } }) => {
    const budget = budgets[action];
    const within = breaches(action, size, real, budget).length === 0;
    return [
      unit === undefined ? size.toLocaleString('en-US') : `${size.toLocaleString('en-US')} ${unit}`,
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
      budget ? `${budgetLabel(budget)} ${within ? 'ok' : 'FAIL'}` : '—',
    ];
  });
  return textTable(header, body, 3);
}

export interface TimeoutPolicy {
  /** Factor over the estimated production time of the slowest call. */
  headroom: number;
  /** Allowance per DB request for the network round trip the in-memory emulator does not have. */
  dbRequestMs: number;
  /** CloudBase's timeout when config.json sets none; the floor. */
  platformDefaultSeconds: number;
  maxSeconds: number;
  source: string;
}

export interface FunctionTimeout {
  function: string;
  configuredSeconds: number | null;
  /** The measured case with the largest estimated production time. */
  slowest: { action: string; case: string; size: string; p95Ms: number; dbRequests: number; dbChain: number } | null;
  /** Load p95 plus the slowest first call's p95 (e.g. the one that loads exceljs). */
  coldMs: number;
  neededSeconds: number;
  ok: boolean;
}

/**
 * Checks each function's config.json timeout against the slowest action this run measured
 * (ARCHITECTURE.md, "Budgets"): only what was measured counts, so a --quick or --only run checks less.
 */
export function checkTimeouts(
  rows: readonly Row[],
  coldStarts: readonly ColdStartResult[],
  configured: Record<string, number | null>,
  policy: TimeoutPolicy,
): FunctionTimeout[] {
  const estimate = (row: Row) => row.summary.real.latencyMs.p95 + row.summary.real.dbChain * policy.dbRequestMs;
  return Object.entries(configured).map(([name, configuredSeconds]) => {
    const own = rows.filter((row) => row.action.startsWith(`${name}.`) && row.outsideTimeoutCheck === undefined);
    const slowest = own.reduce<Row | null>((worst, row) => (worst === null || estimate(row) > estimate(worst) ? row : worst), null);
    const cold = coldStarts.find((c) => c.function === name);
    const coldMs = cold ? cold.loadMs.p95 + Math.max(0, ...cold.calls.map((call) => call.ms.p95)) : 0;
    const neededMs = policy.headroom * (coldMs + (slowest ? estimate(slowest) : 0));
    const neededSeconds = Math.max(policy.platformDefaultSeconds, Math.ceil(neededMs / 1000));
    return {
      function: name,
      configuredSeconds,
      slowest: slowest && {
        action: slowest.action,
        case: slowest.label,
        size: sizeLabel(slowest.size, slowest.unit),
        p95Ms: slowest.summary.real.latencyMs.p95,
        dbRequests: slowest.summary.real.dbRequests.max,
        dbChain: slowest.summary.real.dbChain,
      },
      coldMs: Math.round(coldMs),
      neededSeconds,
      ok: (configuredSeconds ?? policy.platformDefaultSeconds) >= neededSeconds && (configuredSeconds ?? 0) <= policy.maxSeconds,
    };
  });
}

export function timeoutBreaches(timeouts: readonly FunctionTimeout[], policy: TimeoutPolicy): string[] {
  return timeouts
    .filter((t) => !t.ok)
    .map((t) => {
      const configured =
        t.configuredSeconds === null ? `no timeout (default ${policy.platformDefaultSeconds} s)` : `timeout ${t.configuredSeconds} s`;
      return `${t.function}: config.json ${configured}, needs ${t.neededSeconds}–${policy.maxSeconds} s (${policy.source})`;
    });
}

export function timeoutTable(timeouts: readonly FunctionTimeout[]): string {
  const header = ['function', 'slowest measured case', 'p95 ms', 'DB req', 'cold ms', 'needs s', 'config.json s', ''];
  const body = timeouts.map((t) => [
    t.function,
    t.slowest ? `${t.slowest.action} ${t.slowest.case} @ ${t.slowest.size}` : '—',
    t.slowest ? fmt(t.slowest.p95Ms) : '—',
    t.slowest ? `${t.slowest.dbRequests}${t.slowest.dbChain < t.slowest.dbRequests ? ` (${t.slowest.dbChain} in a row)` : ''}` : '—',
    String(t.coldMs),
    String(t.neededSeconds),
    t.configuredSeconds === null ? 'default' : String(t.configuredSeconds),
    t.ok ? 'ok' : 'FAIL',
  ]);
  return textTable(header, body, 2);
}
