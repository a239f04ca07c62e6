/**
 * Cold start (ARCHITECTURE.md, "Budgets"): every function is bundled as CloudBase deploys it, then each sample is a
 * fresh `node` process (coldStartProbe.ts) that loads wx-server-sdk and the bundle, timed, and makes
 * the function's first calls. Samples of the functions alternate, so a busy moment on the machine
 * lands on all of them alike.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { transformSync } from 'esbuild';
import { buildFunctions, FUNCTIONS_DIR, functionNames } from '../../build-functions';
import { textTable } from '../report';
import { spread, type Spread } from '../stats';
import type { ColdStartSample } from './coldStartCalls';

const ROOT = resolve(__dirname, '..', '..', '..');

export interface ColdStartBudget {
  /** Median of the bundle's own load time (after wx-server-sdk), in ms. */
  maxBundleMs: number;
  source: string;
}

export interface ColdStartResult {
  function: string;
  bundleKb: number;
  samples: number;
  /** wx-server-sdk alone: the floor every function pays, outside the bundle. */
  sdkMs: Spread;
  /** The bundle after the SDK, until `main` is exported: what the project controls. */
  bundleMs: Spread;
  /** sdk + bundle, i.e. `require('cloudfunctions/<fn>/index.js')` in a fresh process. */
  loadMs: Spread;
  /** HEAVY_MODULES loaded before `main` was exported (should be none). */
  heavyAtLoad: string[];
  calls: { label: string; action: string; ms: Spread }[];
  /** load + first call, per sample. */
  coldStartMs: Spread;
  budget: ColdStartBudget;
  withinBudget: boolean;
}

function probeScript(): string {
  const source = readFileSync(join(__dirname, 'coldStartProbe.ts'), 'utf8');
  return transformSync(source, { loader: 'ts', format: 'cjs', target: 'node20' }).code;
}

function runProbe(script: string, name: string): ColdStartSample {
  const child = spawnSync(process.execPath, ['-e', script, ROOT, name], {
    encoding: 'utf8',
    env: { ...process.env, HONGTU_LOG: 'silent' },
  });
  if (child.status !== 0) throw new Error(`cold-start probe of ${name} failed (exit ${child.status}):\n${child.stderr}`);
  const lastLine = child.stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(lastLine) as ColdStartSample;
}

export function coldStartBreaches(result: ColdStartResult): string[] {
  const out: string[] = [];
  if (result.bundleMs.p50 > result.budget.maxBundleMs) {
    out.push(
      `${result.function}: bundle loads in ${result.bundleMs.p50} ms (median) > budget ${result.budget.maxBundleMs} ms (${result.budget.source})`,
    );
  }
  if (result.heavyAtLoad.length > 0) {
    out.push(`${result.function}: ${result.heavyAtLoad.join(', ')} loaded at start-up; load it inside the actions that use it`);
  }
  return out;
}

function summarizeFunction(name: string, samples: readonly ColdStartSample[], budget: ColdStartBudget): ColdStartResult {
  const loads = samples.map((s) => s.sdkMs + s.bundleMs);
  const labels = samples[0]?.calls ?? [];
  const result: ColdStartResult = {
    function: name,
    bundleKb: Math.round(statSync(join(FUNCTIONS_DIR, name, 'index.js')).size / 102.4) / 10,
    samples: samples.length,
    sdkMs: spread(samples.map((s) => s.sdkMs)),
    bundleMs: spread(samples.map((s) => s.bundleMs)),
    loadMs: spread(loads),
    heavyAtLoad: [...new Set(samples.flatMap((s) => s.heavyAtLoad))],
    calls: labels.map(({ label, action }, index) => ({ label, action, ms: spread(samples.map((s) => s.calls[index]!.ms)) })),
    coldStartMs: spread(samples.map((s, index) => loads[index]! + (s.calls[0]?.ms ?? 0))),
    budget,
    withinBudget: true,
  };
  result.withinBudget = coldStartBreaches(result).length === 0;
  return result;
}

export async function measureColdStarts(samples: number, budget: ColdStartBudget, log: (line: string) => void): Promise<ColdStartResult[]> {
  const names = functionNames();
  await buildFunctions(names);
  const script = probeScript();
  const byFunction = new Map<string, ColdStartSample[]>(names.map((name) => [name, []]));
  for (let round = 0; round < samples; round += 1) {
    for (const name of names) byFunction.get(name)!.push(runProbe(script, name));
  }
  log(`  cold start: ${samples} fresh processes per function`);
  return names.map((name) => summarizeFunction(name, byFunction.get(name)!, budget));
}

function fmt({ p50, p95 }: Spread): string {
  return `${p50.toFixed(1)} / ${p95.toFixed(1)}`;
}

export function coldStartTable(results: readonly ColdStartResult[]): string {
  const callLabels = [...new Set(results.flatMap((r) => r.calls.map((c) => c.label)))];
  const header = [
    'function',
    'KB',
    'SDK p50/p95 ms',
    'bundle p50/p95 ms',
    'load p50/p95 ms',
    ...callLabels.map((l) => `${l} p50/p95 ms`),
    'cold start p50/p95 ms',
    'budget',
  ];
  const body = results.map((r) => [
    r.function,
    r.bundleKb.toFixed(1),
    fmt(r.sdkMs),
    fmt(r.bundleMs),
    fmt(r.loadMs),
    ...callLabels.map((label) => {
      const call = r.calls.find((c) => c.label === label);
      return call ? fmt(call.ms) : '—';
    }),
    fmt(r.coldStartMs),
    `bundle ≤${r.budget.maxBundleMs} ${r.withinBudget ? 'ok' : 'FAIL'}`,
  ]);
  return textTable(header, body, 1);
}
