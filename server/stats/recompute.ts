/**
 * A full recompute of a programme (ARCHITECTURE.md, "Statistics"): every branch rebuilt from its
 * events, in slices that fit a function's time, a few branches side by side, the branches left kept in `stats_state`
 * as each one is done, so a run cut short anywhere is carried on by the next (`cron`) without losing or redoing more
 * than the few branches under way.
 */
import { isDeepStrictEqual } from 'node:util';
import type { ProgrammeRules } from '../../core/stats/types';
import type { ProgrammeDoc, StatsStateDoc } from '../documents';
import type { Database } from '../kernel/db';
import { listBranches } from '../orgs.repository';
import { findProgramme } from './progress.repository';
import { rebuildBranch } from './rebuild';
import { findState, saveState } from './state.repository';

export const recomputeStateId = (programmeId: string) => `recompute_${programmeId}`;

/** Whether an edit changed what a programme's numbers are built from (its window, items, quotas, points): then every branch's are stale. */
export function numbersRuleChanged(before: ProgrammeRules, after: ProgrammeRules): boolean {
  const rules = ({ startsAt, endsAt, items, branchQuotas, points }: ProgrammeRules) => ({ startsAt, endsAt, items, branchQuotas, points });
  return !isDeepStrictEqual(rules(before), rules(after));
}

/** Starts a recompute of every branch the first time; later calls report it, unless `restart` starts it over. */
export async function startRecompute(db: Database, programme: ProgrammeDoc, now: Date, restart: boolean): Promise<StatsStateDoc> {
  const existing = restart ? null : await findState(db, recomputeStateId(programme._id));
  if (existing !== null) return existing;
  const branches = await listBranches(db);
  const state: StatsStateDoc = {
    _id: recomputeStateId(programme._id),
    watermarks: {},
    phase: 'branches',
    remainingBranches: branches.map((branch) => branch._id),
    processed: 0,
    startedAt: now,
    finishedAt: null,
    updatedAt: now,
  };
  await saveState(db, state);
  return state;
}

export interface SliceLimits {
  maxBranches: number;
  /** Wall time for the slice; the branches under way when it runs out are finished first. */
  budgetMs: number;
}

/**
 * Branches rebuilt side by side: each rebuild is a chain of a few round trips (its reads, then its writes), so a few at once
 * take about the time of one; few enough that a slice cut short redoes little.
 */
export const BRANCHES_AT_ONCE = 4;

/**
 * Rebuilds branches of a running recompute, a few at once, until the slice's limits; how many it did. Each branch done is
 * saved as it finishes (the saves one after another, each with every branch done so far), so the state only moves forward.
 */
export async function continueRecompute(db: Database, state: StatsStateDoc, now: Date, limits: SliceLimits): Promise<number> {
  const programme = await findProgramme(db, state._id.slice('recompute_'.length));
  if (!programme) {
    await saveState(db, { ...state, phase: 'done', remainingBranches: [], finishedAt: now, updatedAt: now });
    return 0;
  }
  const started = performance.now();
  const queue = [...(state.remainingBranches ?? [])];
  const finishedIds = new Set<string>();
  let next = 0;
  let saving = Promise.resolve();
  const save = () => {
    const remaining = queue.filter((id) => !finishedIds.has(id));
    const finished = remaining.length === 0;
    const snapshot: StatsStateDoc = {
      ...state,
      phase: finished ? 'done' : 'branches',
      remainingBranches: remaining,
      processed: (state.processed ?? 0) + finishedIds.size,
      finishedAt: finished ? now : null,
      updatedAt: now,
    };
    saving = saving.then(() => saveState(db, snapshot));
    return saving;
  };
  let failed = false;
  const lane = async () => {
    while (!failed && next < queue.length && next < limits.maxBranches && performance.now() - started < limits.budgetMs) {
      const branchId = queue[next]!;
      next += 1;
      try {
        await rebuildBranch(db, programme, branchId, now);
        finishedIds.add(branchId);
        await save();
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const outcomes = await Promise.allSettled(Array.from({ length: BRANCHES_AT_ONCE }, lane));
  const failure = outcomes.find((outcome) => outcome.status === 'rejected');
  if (failure) throw failure.reason;
  return finishedIds.size;
}
