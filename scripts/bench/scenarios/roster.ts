/**
 * 花名册 import at the sizes an org admin sends (5,000 people) and the most one import accepts
 * (10,000): the file goes to cloud storage as the app uploads it, then `member.importRoster` by
 * fileID — validate, import into an empty roster (every entry new), and the same file again
 * (every entry refreshed). A fresh demo store per sample, so each import starts from the same state.
 */
import { seedStore } from '../../../emulator/seed';
import { bigRoster, rosterXlsx } from '../../../test/support/rosterSheet';
import { createBenchEnv, slowSamples } from '../env';
import type { BenchOptions, Sample, Scenario, ScenarioRun } from '../types';

const ADMIN = 'demo-admin';

function expectCount(what: string, actual: unknown, expected: number): void {
  if (actual !== expected) throw new Error(`member.importRoster ${what}: expected ${expected}, got ${String(actual)}`);
}

async function run(rows: number, options: BenchOptions): Promise<ScenarioRun> {
  const setupStarted = performance.now();
  const file = await rosterXlsx(bigRoster(rows));
  const setupMs = performance.now() - setupStarted;
  options.log(`  roster @ ${rows} rows: ${(file.length / 1024).toFixed(0)} KB xlsx`);

  const validate: Sample[] = [];
  const created: Sample[] = [];
  const updated: Sample[] = [];
  for (let sample = 0; sample < slowSamples(options); sample += 1) {
    const env = createBenchEnv();
    seedStore(env.store, new Date());
    const fileID = env.files.put(`roster/bench-${rows}.xlsx`, file, { side: 'client', openid: ADMIN });
    const checked = await env.call(ADMIN, 'member', 'importRoster', { mode: 'validate', fileID });
    expectCount('validate: rows without errors', checked.data.errors.length === 0 ? checked.data.rows : -1, rows);
    validate.push(checked);
    const first = await env.call(ADMIN, 'member', 'importRoster', { mode: 'import', fileID });
    expectCount('first import: created', first.data.created, rows);
    created.push(first);
    const again = await env.call(ADMIN, 'member', 'importRoster', { mode: 'import', fileID });
    expectCount('second import: updated', again.data.updated, rows);
    updated.push(again);
    env.store.close();
  }
  return {
    size: rows,
    unit: 'rows',
    setupMs,
    cases: [
      { action: 'member.importRoster', label: 'validate (fileID)', real: validate },
      { action: 'member.importRoster', label: 'import, all new', real: created },
      { action: 'member.importRoster', label: 'import again, all refreshed', real: updated },
    ],
  };
}

export const rosterScenario: Scenario = { name: 'roster', fixedSizes: [5_000, 10_000], run };
