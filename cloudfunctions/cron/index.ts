import cloud from 'wx-server-sdk';
import { initCloud } from '../../server/kernel/dispatch';
import { handleTimer } from '../../server/kernel/timer';
import { aggregateStats } from './jobs/aggregateStats.job';
import { cleanAttemptLedgers } from './jobs/cleanAttemptLedgers.job';
import { cleanExportFiles } from './jobs/cleanExportFiles.job';
import { cleanRateLimits } from './jobs/cleanRateLimits.job';
import { continueRecomputes } from './jobs/continueRecompute.job';
import { expandEvents } from './jobs/expandEvents.job';
import { finishActivities } from './jobs/finishActivities.job';
import { queueReminders } from './jobs/queueReminders.job';
import { sendNotices } from './jobs/sendNotices.job';

initCloud(cloud);

/**
 * In this order, so one run queues a reminder, expands it and sends it; the statistics come after
 * finishing ended activities, whose no-shows they count; clean-ups last, as nothing waits on them.
 */
export const main = handleTimer(cloud, 'cron', [
  queueReminders,
  expandEvents,
  finishActivities,
  sendNotices,
  aggregateStats,
  continueRecomputes,
  cleanAttemptLedgers,
  cleanRateLimits,
  cleanExportFiles,
]);
