/**
 * The entry of a function a timer trigger starts (cron). A timer event carries no OPENID and no
 * `{ action, input }`; the function's jobs run one after another with `{ db, now, log }`. Whatever a
 * job throws is logged and the next job still runs: nothing is thrown to the platform, which would
 * only log it again. A mini-program caller can reach any function by name, so a call with an
 * OPENID is refused before anything is done.
 */
import { randomUUID } from 'node:crypto';
import { ERROR_MESSAGES } from '../../types/errors';
import type { TimerFunctionName, TimerJobReport, TimerReport } from '../../types/contracts/cron';
import type { Result } from '../../types/result';
import type { CloudSdk, Database } from './db';
import { healthReport, isHealthProbe, type HealthReport } from './health';
import { createLogger, type Logger } from './log';

export interface TimerContext {
  db: Database;
  /** Read once per run by the kernel; jobs never read the clock themselves. */
  now: Date;
  log: Logger;
}

export interface TimerJob {
  name: string;
  /** Does a bounded amount of work (what is left waits for the next run) and returns what it counted, for the log. */
  run(ctx: TimerContext): Promise<Record<string, number>>;
}

export function handleTimer(cloud: CloudSdk, fn: TimerFunctionName, jobs: readonly TimerJob[]) {
  return async (event: unknown, context?: unknown): Promise<Result<TimerReport | HealthReport>> => {
    const platformRequestId = (context as { request_id?: unknown } | undefined)?.request_id;
    const requestId = typeof platformRequestId === 'string' ? platformRequestId : randomUUID();
    const log = createLogger({ fn, requestId });
    const { OPENID, SOURCE } = cloud.getWXContext();
    if (isHealthProbe(event, OPENID)) return healthReport(fn);
    if (OPENID) {
      log.warn('timer_refused', { source: SOURCE, reason: 'called by a mini-program user' });
      return { ok: false, error: { code: 'FORBIDDEN', message: ERROR_MESSAGES.FORBIDDEN } };
    }
    const trigger = (event as { TriggerName?: unknown } | null)?.TriggerName;
    const ctx: TimerContext = { db: cloud.database(), now: new Date(), log };
    const reports: TimerJobReport[] = [];
    for (const job of jobs) {
      const started = Date.now();
      try {
        const counts = await job.run(ctx);
        reports.push({ job: job.name, ok: true, ms: Date.now() - started, counts });
        log.info('timer_job', { trigger, job: job.name, ok: true, ms: Date.now() - started, ...counts });
      } catch (error) {
        const detail = error instanceof Error ? { message: error.message, stack: error.stack } : { thrown: String(error) };
        reports.push({ job: job.name, ok: false, ms: Date.now() - started, counts: {} });
        log.error('timer_job_failed', { trigger, job: job.name, ms: Date.now() - started, ...detail });
      }
    }
    return { ok: true, data: { jobs: reports } };
  };
}
