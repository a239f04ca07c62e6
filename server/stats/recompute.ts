/**
 * A full recompute of a programme (ARCHITECTURE.md, "Statistics"): every branch rebuilt from its
 * events, in slices that fit a function's time, the branches left kept in `stats_state` after each
 * one, so a run cut short anywhere is carried on by the next (`cron`) without losing or redoing
 * more than the branch it was in.
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
  /** Wall time for the slice; the branch under way when it runs out is finished first. */
  budgetMs: number;
}

/** Rebuilds branches of a running recompute until the slice's limits; how many it did. */
export async function continueRecompute(db: Database, state: StatsStateDoc, now: Date, limits: SliceLimits): Promise<number> {
  const programme = await findProgramme(db, state._id.slice('recompute_'.length));
  if (!programme) {
    await saveState(db, { ...state, phase: 'done', remainingBranches: [], finishedAt: now, updatedAt: now });
    return 0;
  }
  const started = performance.now();
  let remaining = [...(state.remainingBranches ?? [])];
  let processed = state.processed ?? 0;
  let done = 0;
  while (remaining.length > 0 && done < limits.maxBranches && performance.now() - started < limits.budgetMs) {
    await rebuildBranch(db, programme, remaining[0]!, now);
    remaining = remaining.slice(1);
    processed += 1;
    done += 1;
    const finished = remaining.length === 0;
    await saveState(db, {
      ...state,
      phase: finished ? 'done' : 'branches',
      remainingBranches: remaining,
      processed,
      finishedAt: finished ? now : null,
      updatedAt: now,
    });
  }
  return done;
}
