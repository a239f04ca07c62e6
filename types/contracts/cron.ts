/**
 * `cron` has no actions: a timer trigger starts it with no caller and no `{ action, input }`
 * (ARCHITECTURE.md, "Notifications"). What it answers is read only by logs and local tests; a
 * client that calls it gets FORBIDDEN and nothing is done.
 */

/** Functions started by a timer trigger rather than by the app. */
export const TIMER_FUNCTIONS = ['cron'] as const;
export type TimerFunctionName = (typeof TIMER_FUNCTIONS)[number];

/** One job of one run: whether it finished, how long it took, and what it counted (sent, skipped …). */
export interface TimerJobReport {
  job: string;
  ok: boolean;
  ms: number;
  counts: Record<string, number>;
}

export interface TimerReport {
  jobs: TimerJobReport[];
}
