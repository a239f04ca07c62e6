/**
 * `npm run bench` (ARCHITECTURE.md, "Budgets"): synthetic data at several sizes written straight into the
 * in-memory emulator, then real function calls through the runner, reporting per action the DB
 * requests and docs returned per call, index coverage and latency beside a naive implementation.
 * Prints a table, writes bench-results.json (git-ignored) keyed by action name, and exits 1 when a
 * budget is exceeded or a hot query is not covered by a declared index.
 *
 * First, cold start: every function is bundled and loaded in fresh processes (size, load time,
 * first calls). Scenarios with fixed sizes (imports, exports) run at those sizes in every run. Last,
 * each function's config.json timeout is checked against the slowest action measured.
 *
 * Options (CLI or env, `--name=value` or `--name value`): --sizes=1000,10000 (BENCH_SIZES; 300k is 300000),
 * --size=300k (one size, e.g. `--size 300k --only=stats`), --samples=200 (BENCH_SAMPLES),
 * --naive-samples=200 (BENCH_NAIVE_SAMPLES; scaled down with size), --cold-samples=15
 * (BENCH_COLD_SAMPLES), --only=quiz,coldStart (BENCH_ONLY; scenario names and `coldStart`),
 * --out=bench-results.json (BENCH_OUT). `--quick` = --sizes=1000 --samples=50. Without sizes, each
 * scenario runs at its own default sizes (Scenario.defaultSizes) or DEFAULT_SIZES.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { resolve } from 'node:path';
import { configuredTimeout, functionNames } from './build-functions';
import {
  BUDGETS,
  COLD_START_BUDGET,
  DEFAULT_COLD_SAMPLES,
  DEFAULT_NAIVE_SAMPLES,
  DEFAULT_SAMPLES,
  DEFAULT_SIZES,
  SCENARIOS,
  TIMEOUT_POLICY,
} from './bench/registry';
import { checkTimeouts, collect, machineInfo, table, timeoutBreaches, timeoutTable } from './bench/report';
import { coldStartBreaches, coldStartTable, measureColdStarts } from './bench/scenarios/coldStart';
import type { BenchOptions, ScenarioRun } from './bench/types';

function option(name: string, env: string): string | undefined {
  const args = process.argv.slice(2);
  const prefix = `--${name}=`;
  const joined = args.find((a) => a.startsWith(prefix));
  if (joined) return joined.slice(prefix.length);
  const at = args.indexOf(`--${name}`);
  return at >= 0 && at + 1 < args.length ? args[at + 1] : process.env[env];
}

function positiveInts(text: string, what: string): number[] {
  const values = text.split(',').map((part) => Number(part.trim().replace(/_/g, '').replace(/k$/i, '000')));
  if (values.length === 0 || values.some((v) => !Number.isInteger(v) || v <= 0))
    throw new Error(`${what}: expected positive integers, got ${text}`);
  return values;
}

function parseOptions() {
  const quick = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
  const sizesText = option('sizes', 'BENCH_SIZES') ?? option('size', 'BENCH_SIZE');
  const samplesText = option('samples', 'BENCH_SAMPLES');
  const naiveText = option('naive-samples', 'BENCH_NAIVE_SAMPLES');
  const coldText = option('cold-samples', 'BENCH_COLD_SAMPLES');
  const only = option('only', 'BENCH_ONLY')?.split(',');
  return {
    /** null: each scenario's default sizes. */
    sizes: sizesText ? positiveInts(sizesText, '--sizes') : quick ? [1_000] : null,
    samples: samplesText ? positiveInts(samplesText, '--samples')[0]! : quick ? 50 : DEFAULT_SAMPLES,
    naiveSamples: naiveText ? positiveInts(naiveText, '--naive-samples')[0]! : quick ? 50 : DEFAULT_NAIVE_SAMPLES,
    coldSamples: coldText ? positiveInts(coldText, '--cold-samples')[0]! : DEFAULT_COLD_SAMPLES,
    coldStart: !only || only.includes('coldStart'),
    scenarios: only ? SCENARIOS.filter((s) => only.includes(s.name)) : SCENARIOS,
    out: resolve(option('out', 'BENCH_OUT') ?? resolve(__dirname, '..', 'bench-results.json')),
  };
}

async function main(): Promise<number> {
  const options = parseOptions();
  if (options.scenarios.length === 0 && !options.coldStart) throw new Error('--only matched no scenario');
  const started = performance.now();
  const benchOptions: BenchOptions = {
    samples: options.samples,
    naiveSamples: options.naiveSamples,
    log: (line) => console.log(line),
  };
  console.log(
    `bench: scenarios ${options.scenarios.map((s) => s.name).join(', ')}; sizes ${options.sizes?.join(', ') ?? 'each scenario’s defaults'}; ${options.samples} calls per case per size`,
  );
  const coldStarts = options.coldStart ? await measureColdStarts(options.coldSamples, COLD_START_BUDGET, benchOptions.log) : [];
  const runs: ScenarioRun[] = [];
  const setupMs: Record<string, number> = {};
  for (const scenario of options.scenarios) {
    for (const size of scenario.fixedSizes ?? options.sizes ?? scenario.defaultSizes ?? DEFAULT_SIZES) {
      const sizeStarted = performance.now();
      const run = await scenario.run(size, benchOptions);
      runs.push(run);
      setupMs[`${scenario.name} @ ${size}`] = Math.round(run.setupMs);
      console.log(`  ${scenario.name} @ ${size}: ${((performance.now() - sizeStarted) / 1000).toFixed(1)} s`);
      // Let the previous store go before the next (larger) one is built.
      (globalThis as { gc?: () => void }).gc?.();
    }
  }
  const totalMs = performance.now() - started;
  const { rows, results, failures, notMeasured } = collect(runs, BUDGETS);
  const timeouts = checkTimeouts(
    rows,
    coldStarts,
    Object.fromEntries(functionNames().map((name) => [name, configuredTimeout(name)])),
    TIMEOUT_POLICY,
  );
  failures.push(...coldStarts.flatMap(coldStartBreaches), ...timeoutBreaches(timeouts, TIMEOUT_POLICY));

  if (coldStarts.length > 0) {
    console.log('');
    console.log(coldStartTable(coldStarts));
    console.log(
      `load = wx-server-sdk + bundle in a fresh node process; cold start = load + first call; ${options.coldSamples} samples each`,
    );
  }
  if (rows.length > 0) {
    console.log('');
    console.log(table(rows, BUDGETS));
    console.log('');
    const naive = [...new Set(rows.flatMap((r) => (r.summary.naive ? [`${r.action}: ${r.summary.naive.description}`] : [])))];
    if (naive.length > 0) console.log(`naive = ${naive.join('; ')}`);
    console.log('ratio = naive p50 ÷ real p50; docs = documents returned to the function per call');
  }
  console.log('');
  console.log(timeoutTable(timeouts));
  console.log(
    `needs = ${TIMEOUT_POLICY.headroom} × (cold ms + p95 + ${TIMEOUT_POLICY.dbRequestMs} ms per DB request made one after another), at least ${TIMEOUT_POLICY.platformDefaultSeconds} s`,
  );
  if (notMeasured.length > 0) console.log(`budgets declared but not measured yet: ${notMeasured.join(', ')}`);
  console.log(`total ${(totalMs / 1000).toFixed(1)} s`);

  const report = {
    date: new Date().toISOString(),
    machine: machineInfo(),
    run: {
      sizes: options.sizes ?? DEFAULT_SIZES,
      samples: options.samples,
      naiveSamples: options.naiveSamples,
      scenarios: options.scenarios.map((s) => s.name),
      coldSamples: options.coldStart ? options.coldSamples : 0,
      loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100),
      totalMs: Math.round(totalMs),
      setupMs,
      ok: failures.length === 0,
      failures,
      notMeasured,
    },
    coldStart: coldStarts,
    timeouts: { policy: TIMEOUT_POLICY, functions: timeouts },
    ...results,
  };
  writeFileSync(options.out, JSON.stringify(report, null, 2) + '\n');
  console.log(`wrote ${options.out}`);

  if (failures.length > 0) {
    console.error('\nBUDGET FAILURES:');
    for (const failure of failures) console.error(`  ✗ ${failure}`);
    return 1;
  }
  console.log('all budgets met; every hot query index-covered');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(2);
  },
);
