/**
 * A full recompute of a programme (ARCHITECTURE.md, "Statistics"): every branch rebuilt from its
 * events, in slices that fit a function's time, a few branches side by side, the branches left kept in `stats_state`
 * as each one is done, so a run cut short anywhere is carried on by the next (`cron`) without losing or redoing more
 * than the few branches under way. Then, as a phase of its own (`tallies`), every story campaign's tallies are recounted
 * from its works (server/campaignTally.ts), one campaign at a time, the campaigns left kept the same way; and last
 * (`brandUnits`) every 四红 programme's unit tallies and selected counts from its nominations (server/brandTally.ts),
 * one programme at a time, the programmes left kept the same way.
 */
import { isDeepStrictEqual } from 'node:util';
import type { ProgrammeRules } from '../../core/stats/types';
import type { ProgrammeDoc, StatsStateDoc } from '../documents';
import type { Database } from '../kernel/db';
import { inLanes } from '../kernel/lanes';
import { recountBrandProgramme } from '../brandTally';
import { listBrandProgrammeIds } from '../brandTally.repository';
import { recountCampaign } from '../campaignTally';
import { listCampaignIds } from '../campaignTally.repository';
import { listBranches } from '../orgs.repository';
import { findProgramme } from './progress.repository';
import { BRANCHES_AT_ONCE, rebuildBranch } from './rebuild';
import { findState, saveState } from './state.repository';

export const recomputeStateId = (programmeId: string) => `recompute_${programmeId}`;

/**
 * A recompute's state: the branches left (phase `branches`), then the campaigns whose tallies are left to recount
 * (phase `tallies`), then the 四红 programmes whose unit tallies are left to recount (phase `brandUnits`).
 */
export type RecomputeState = StatsStateDoc & { remainingCampaigns?: string[]; remainingBrandProgrammes?: string[] };

/** The phases a recompute is under way in, in order; `done` when all are through. */
export const RUNNING_PHASES = ['branches', 'tallies', 'brandUnits'] as const;

/** Whether an edit changed what a programme's numbers are built from (its window, items, quotas, points): then every branch's are stale. */
export function numbersRuleChanged(before: ProgrammeRules, after: ProgrammeRules): boolean {
  const rules = ({ startsAt, endsAt, items, branchQuotas, points }: ProgrammeRules) => ({ startsAt, endsAt, items, branchQuotas, points });
  return !isDeepStrictEqual(rules(before), rules(after));
}

/** Starts a recompute of every branch the first time; later calls report it, unless `restart` starts it over. */
export async function startRecompute(db: Database, programme: ProgrammeDoc, now: Date, restart: boolean): Promise<RecomputeState> {
  const existing = restart ? null : await findState(db, recomputeStateId(programme._id));
  if (existing !== null) return existing;
  const [branches, campaignIds, brandProgrammeIds] = await Promise.all([listBranches(db), listCampaignIds(db), listBrandProgrammeIds(db)]);
  const state: RecomputeState = {
    _id: recomputeStateId(programme._id),
    watermarks: {},
    phase: 'branches',
    remainingBranches: branches.map((branch) => branch._id),
    remainingCampaigns: campaignIds,
    remainingBrandProgrammes: brandProgrammeIds,
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

/** What one slice did: branches rebuilt, campaigns recounted, 四红 programmes recounted. */
export interface SliceReport {
  branches: number;
  campaigns: number;
  brandProgrammes: number;
}

/**
 * Carries a running recompute on until the slice's limits: its branches, a few at once, then its campaigns' tallies one
 * after another, then its 四红 programmes' unit tallies one after another. Each branch, campaign and programme done is saved as it finishes (the saves one after another, each with all
 * done so far), so the state only moves forward and a slice cut short redoes only what was under way.
 */
export async function continueRecompute(db: Database, state: RecomputeState, now: Date, limits: SliceLimits): Promise<SliceReport> {
  const programme = await findProgramme(db, state._id.slice('recompute_'.length));
  if (!programme) {
    const gone: RecomputeState = {
      ...state,
      phase: 'done',
      remainingBranches: [],
      remainingCampaigns: [],
      remainingBrandProgrammes: [],
      finishedAt: now,
      updatedAt: now,
    };
    await saveState(db, gone);
    return { branches: 0, campaigns: 0, brandProgrammes: 0 };
  }
  const started = performance.now();
  const timeLeft = () => performance.now() - started < limits.budgetMs;
  const branches = await continueBranches(db, programme, state, now, limits, timeLeft);
  const campaigns = await continueRecounts(db, branches.state, now, timeLeft, TALLIES);
  const brandProgrammes = await continueRecounts(db, campaigns.state, now, timeLeft, BRAND_UNITS);
  return { branches: branches.done, campaigns: campaigns.done, brandProgrammes: brandProgrammes.done };
}

/** The phase after the branches: the tallies when campaigns are left to recount, else what follows them. */
function afterBranches(state: RecomputeState, now: Date): Pick<RecomputeState, 'phase' | 'finishedAt'> {
  return (state.remainingCampaigns ?? []).length > 0 ? { phase: 'tallies', finishedAt: null } : afterTallies(state, now);
}

/** The phase after the campaigns' tallies: the 四红 unit tallies when programmes are left to recount, else done. */
function afterTallies(state: RecomputeState, now: Date): Pick<RecomputeState, 'phase' | 'finishedAt'> {
  return (state.remainingBrandProgrammes ?? []).length > 0 ? { phase: 'brandUnits', finishedAt: null } : { phase: 'done', finishedAt: now };
}

/** The branches phase: rebuilds branches, a few at once, until the slice's limits; how many it did, and the state it saved last. */
async function continueBranches(
  db: Database,
  programme: ProgrammeDoc,
  state: RecomputeState,
  now: Date,
  limits: SliceLimits,
  timeLeft: () => boolean,
): Promise<{ done: number; state: RecomputeState }> {
  if (state.phase !== 'branches') return { done: 0, state };
  const queue = [...(state.remainingBranches ?? [])];
  const finishedIds = new Set<string>();
  let saving = Promise.resolve();
  let latest: RecomputeState = state;
  const save = () => {
    const remaining = queue.filter((id) => !finishedIds.has(id));
    const snapshot: RecomputeState = {
      ...state,
      ...(remaining.length === 0 ? afterBranches(state, now) : { phase: 'branches', finishedAt: null }),
      remainingBranches: remaining,
      processed: (state.processed ?? 0) + finishedIds.size,
      updatedAt: now,
    };
    latest = snapshot;
    saving = saving.then(() => saveState(db, snapshot));
    return saving;
  };
  if (queue.length === 0) await save();
  await inLanes(
    queue,
    BRANCHES_AT_ONCE,
    async (branchId) => {
      await rebuildBranch(db, programme, branchId, now);
      finishedIds.add(branchId);
      await save();
    },
    (started) => started < limits.maxBranches && timeLeft(),
  );
  return { done: finishedIds.size, state: latest };
}

/** A phase that recounts things one after another: story campaigns' tallies, then 四红 programmes' unit tallies. */
interface RecountPhase {
  phase: 'tallies' | 'brandUnits';
  remaining: 'remainingCampaigns' | 'remainingBrandProgrammes';
  recount: (db: Database, id: string, now: Date) => Promise<unknown>;
  /** The phase that follows once nothing is left. */
  after: (state: RecomputeState, now: Date) => Pick<RecomputeState, 'phase' | 'finishedAt'>;
}

const TALLIES: RecountPhase = { phase: 'tallies', remaining: 'remainingCampaigns', recount: recountCampaign, after: afterTallies };
const BRAND_UNITS: RecountPhase = {
  phase: 'brandUnits',
  remaining: 'remainingBrandProgrammes',
  recount: recountBrandProgramme,
  after: (_state, now) => ({ phase: 'done', finishedAt: now }),
};

/**
 * A recount phase: recounts its things one after another while the slice has time (each one's reads page a thousand
 * documents a request; a recount that finds nothing wrong writes nothing), saving the ones left after each; how many it
 * did, and the state it saved last.
 */
async function continueRecounts(
  db: Database,
  state: RecomputeState,
  now: Date,
  timeLeft: () => boolean,
  phase: RecountPhase,
): Promise<{ done: number; state: RecomputeState }> {
  if (state.phase !== phase.phase) return { done: 0, state };
  const remaining = [...(state[phase.remaining] ?? [])];
  let done = 0;
  let latest = state;
  if (remaining.length === 0) {
    latest = { ...state, ...phase.after(state, now), updatedAt: now };
    await saveState(db, latest);
  }
  while (remaining.length > 0 && timeLeft()) {
    await phase.recount(db, remaining[0]!, now);
    remaining.shift();
    done += 1;
    latest = {
      ...state,
      ...(remaining.length === 0 ? phase.after(state, now) : { phase: phase.phase, finishedAt: null }),
      [phase.remaining]: [...remaining],
      updatedAt: now,
    };
    await saveState(db, latest);
  }
  return { done, state: latest };
}
