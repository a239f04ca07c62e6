/**
 * The aggregator (ARCHITECTURE.md, "Statistics"), run by `cron` every minute: finds the branches
 * whose events moved since its watermarks, plus the branches marked dirty, and rebuilds each of
 * them for the current programme. A stream read to its end settles its watermark two minutes behind
 * now (an event may become visible a moment after a later one), so the latest events are read twice
 * and then never again; rebuilding a branch twice is harmless.
 */
import { MAX_DOCS_PER_GET, type Database } from '../kernel/db';
import { markBranchDirty } from '../statsDirty.repository';
import { findCurrentProgramme } from './progress.repository';
import { inLanes } from '../kernel/lanes';
import { BRANCHES_AT_ONCE, rebuildBranch } from './rebuild';
import { branchesSignedUpFor, clearDirty, findState, listDirty, readStream, saveState, type EventStream } from './state.repository';

export const AGGREGATOR_STATE_ID = 'aggregator';

/** Each with an index on its time field alone (config/database.json). */
export const EVENT_STREAMS: readonly EventStream[] = [
  { name: 'checkins', collection: 'checkins', timeField: 'receivedAt' },
  { name: 'stories', collection: 'stories', timeField: 'updatedAt' },
  { name: 'attempts', collection: 'attempts', timeField: 'receivedAt' },
  // A day's set counts once handed in, and `submittedAt` is the server's time of that write (a set drawn but not handed in earns nothing).
  { name: 'practiceDays', collection: 'practice_days', timeField: 'submittedAt' },
  { name: 'reportsMade', collection: 'self_reports', timeField: 'reportedAt' },
  { name: 'reportsDecided', collection: 'self_reports', timeField: 'decidedAt' },
  { name: 'signUps', collection: 'sign_ups', timeField: 'updatedAt' },
  { name: 'members', collection: 'members', timeField: 'updatedAt' },
  { name: 'activities', collection: 'activities', timeField: 'updatedAt', alsoRead: ['endAt'] },
];

/** How far behind each watermark a run starts reading: more than a request's time in flight between two instances. */
export const STREAM_OVERLAP_MS = 2 * 60_000;
/** Pages of a thousand per stream per run; a backlog beyond that waits for the next minute. */
const MAX_PAGES_PER_STREAM = 20;
/** At most this many branches rebuilt per run, whatever the time left; the rest are marked dirty so the next run takes them. */
export const MAX_BRANCHES_PER_RUN = 150;

export interface AggregateReport extends Record<string, number> {
  events: number;
  branches: number;
  deferred: number;
  progressWritten: number;
}

async function touchedBranches(
  db: Database,
  stream: EventStream,
  watermark: Date | undefined,
  now: Date,
  into: Set<string>,
): Promise<{ events: number; readUpTo: Date | undefined }> {
  let since = watermark ?? new Date(0);
  let events = 0;
  for (let page = 0; page < MAX_PAGES_PER_STREAM; page += 1) {
    const rows = await readStream(db, stream, since);
    events += rows.length;
    for (const row of rows) {
      if (row.branchId) into.add(row.branchId);
      // An ended activity's signed places without a check-in become no-shows in their members' branches.
      const ended = stream.collection === 'activities' && (row.fields.endAt as Date) <= now;
      if (ended) for (const branchId of await branchesSignedUpFor(db, row._id)) into.add(branchId);
    }
    if (rows.length < MAX_DOCS_PER_GET) {
      // Read to the end: every event up to now − overlap is surely visible and has been seen, so the
      // watermark settles there (never backwards); the last two minutes are read once more next run.
      const settled = new Date(now.getTime() - STREAM_OVERLAP_MS);
      return { events, readUpTo: watermark && watermark > settled ? watermark : settled };
    }
    // The next page starts a millisecond back, so events sharing the page's last instant are not skipped.
    since = new Date(rows[rows.length - 1]!.at.getTime() - 1);
  }
  // A backlog beyond this run's pages: the next run goes on from where this one stopped.
  return { events, readUpTo: since };
}

/**
 * The aggregator's share of a `cron` run's 60 s timeout: the recompute slice has its own 20 s
 * (continueRecompute.job.ts) and the outbox and clean-ups the rest at their bounds.
 */
export const AGGREGATE_BUDGET_MS = 20_000;

export async function runAggregator(db: Database, now: Date, budgetMs = AGGREGATE_BUDGET_MS): Promise<AggregateReport> {
  const report: AggregateReport = { events: 0, branches: 0, deferred: 0, progressWritten: 0 };
  const programme = await findCurrentProgramme(db, now);
  if (!programme) return report;
  const state = (await findState(db, AGGREGATOR_STATE_ID)) ?? { _id: AGGREGATOR_STATE_ID, watermarks: {}, updatedAt: now };
  const branches = new Set<string>();
  const watermarks = { ...state.watermarks };
  for (const stream of EVENT_STREAMS) {
    const { events, readUpTo } = await touchedBranches(db, stream, state.watermarks[stream.name], now, branches);
    report.events += events;
    if (readUpTo) watermarks[stream.name] = readUpTo;
  }
  const dirty = await listDirty(db, now);
  for (const marker of dirty) branches.add(marker._id);

  // Branches are rebuilt a few at once, as the recompute does, until the run's wall-time share is spent (or
  // MAX_BRANCHES_PER_RUN); the rest are marked for the next run.
  const started = performance.now();
  const waiting = [...branches];
  const rebuilt = await inLanes(
    waiting,
    BRANCHES_AT_ONCE,
    (branchId) => rebuildBranch(db, programme, branchId, now),
    (count) => count < MAX_BRANCHES_PER_RUN && performance.now() - started < budgetMs,
  );
  for (const branch of rebuilt) report.progressWritten += branch.progressWritten;
  const rebuildNow = waiting.slice(0, rebuilt.length);
  const deferred = waiting.slice(rebuilt.length);
  for (const branchId of deferred) await markBranchDirty(db, branchId, now);
  const rebuiltIds = new Set(rebuildNow);
  for (const marker of dirty) if (rebuiltIds.has(marker._id)) await clearDirty(db, marker);
  // Saved last: a run cut short leaves the watermarks where they were, and the next run reads the same events again.
  await saveState(db, { ...state, watermarks, updatedAt: now });
  report.branches = rebuildNow.length;
  report.deferred = deferred.length;
  return report;
}
