/**
 * Attempt time limits, all in server time. Nothing here reads the clock: `startedAt` and
 * `receivedAt` are the instants the `start` and `submit` handlers were given.
 */

/** An attempt ends at its own time limit or when the contest closes, whichever comes first. */
export function attemptDeadline(startedAt: Date, timeLimitSec: number, contestEndAt: Date): Date {
  if (!(timeLimitSec >= 0 && Number.isFinite(timeLimitSec))) throw new RangeError('timeLimitSec must be a non-negative number');
  return new Date(Math.min(startedAt.getTime() + timeLimitSec * 1000, contestEndAt.getTime()));
}

export interface SubmissionTimingInput {
  startedAt: Date;
  deadline: Date;
  receivedAt: Date;
  /** Slack for the request's trip from a phone on poor signal that pressed 交卷 in time. */
  graceMs: number;
}

export interface SubmissionTiming {
  /** False: the answers arrived too late and must be discarded; the attempt is scored as of the deadline. */
  onTime: boolean;
  /** The submit instant for ranking; never after the deadline, so a submit in the grace period ranks as if made at the deadline. */
  countedAt: Date;
  /** Time taken for the duration tie-break; never negative. */
  durationMs: number;
}

export function submissionTiming({ startedAt, deadline, receivedAt, graceMs }: SubmissionTimingInput): SubmissionTiming {
  if (!(graceMs >= 0 && Number.isFinite(graceMs))) throw new RangeError('graceMs must be a non-negative number');
  const received = receivedAt.getTime();
  const due = deadline.getTime();
  const onTime = received <= due + graceMs;
  const counted = onTime ? Math.min(received, due) : due;
  return { onTime, countedAt: new Date(counted), durationMs: Math.max(0, counted - startedAt.getTime()) };
}
