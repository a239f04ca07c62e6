import type { TimerJob } from '../../../server/kernel/timer';
import { runAggregator } from '../../../server/stats/aggregate';

/** Brings the statistics up to date with the events since the last run (server/stats/aggregate.ts). */
export const aggregateStats: TimerJob = {
  name: 'aggregateStats',
  run: ({ db, now }) => runAggregator(db, now),
};
