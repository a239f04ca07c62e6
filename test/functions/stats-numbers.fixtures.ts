/**
 * What the statistics' tests share: one `cron` run as the timer fires it (the aggregator among its
 * jobs), and the numbers it stores for a programme — progress with its ledger, branch summaries — without
 * their stamps, sorted, so two ways of building them can be compared whole.
 */
import cloud from 'wx-server-sdk';
import { timerEvent } from '../../emulator/runner';
import { fetchAllPages } from '../../server/kernel/db';
import type { TimerReport } from '../../types/contracts/cron';
import type { Result } from '../../types/result';
import type { TestEnv } from '../support/localEnv';

/** The collections the statistics build, and nothing else does. */
export const NUMBER_COLLECTIONS = ['programme_progress', 'programme_branches'] as const;

/** Runs `cron` at `now` and answers the aggregator's counts; fails the test if the aggregator failed. */
export async function runCron(env: TestEnv, now: Date): Promise<Record<string, number>> {
  const { result } = await env.runner.invoke('cron', timerEvent(now), { openid: undefined });
  const report = (result as Result<TimerReport>).ok
    ? (result as { data: TimerReport }).data.jobs.find((job) => job.job === 'aggregateStats')
    : undefined;
  if (!report?.ok) throw new Error(`aggregateStats did not run: ${JSON.stringify(result)}`);
  return report.counts;
}

export type StoredNumbers = Record<(typeof NUMBER_COLLECTIONS)[number], Record<string, unknown>[]>;

/** The stored numbers without their stamps (`updatedAt`, which `asOf` shows): what two ways of building them must agree on. */
export async function storedNumbers(programmeId: string): Promise<StoredNumbers> {
  const db = cloud.database();
  const read = async (collection: string) =>
    (await fetchAllPages<Record<string, unknown>>(db.collection(collection).where({ programmeId }), 100_000))
      .map(({ updatedAt, ...doc }) => doc)
      .sort((a, b) => String(a._id).localeCompare(String(b._id)));
  const [progress, branches] = await Promise.all(NUMBER_COLLECTIONS.map(read));
  return { programme_progress: progress!, programme_branches: branches! };
}

/** Removes every number stored for the programme, so the next build starts from nothing. */
export async function removeNumbers(programmeId: string): Promise<void> {
  const db = cloud.database();
  for (const collection of NUMBER_COLLECTIONS) await db.collection(collection).where({ programmeId }).remove();
}
