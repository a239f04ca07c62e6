import type { TimerJob } from '../../../server/kernel/timer';
import { continueRecompute } from '../../../server/stats/recompute';
import { listRunningRecomputes } from '../../../server/stats/state.repository';

/**
 * The run's share of the 60 s timeout for full recomputes: what the other jobs leave at their bounds
 * (ARCHITECTURE.md, "Notifications" and "Statistics"); the rest of a recompute waits a minute.
 */
const RECOMPUTE_BUDGET_MS = 20_000;
const MAX_BRANCHES_PER_RUN = 1000;

/** Carries every running full recompute on by one slice (server/stats/recompute.ts): branches, then campaigns' tallies, then 四红 unit tallies. */
export const continueRecomputes: TimerJob = {
  name: 'continueRecompute',
  async run({ db, now }) {
    let branches = 0;
    let campaigns = 0;
    let brandProgrammes = 0;
    const started = performance.now();
    for (const state of await listRunningRecomputes(db)) {
      const budgetMs = RECOMPUTE_BUDGET_MS - (performance.now() - started);
      if (budgetMs <= 0) break;
      const slice = await continueRecompute(db, state, now, { maxBranches: MAX_BRANCHES_PER_RUN, budgetMs });
      branches += slice.branches;
      campaigns += slice.campaigns;
      brandProgrammes += slice.brandProgrammes;
    }
    return { branches, campaigns, brandProgrammes };
  },
};
