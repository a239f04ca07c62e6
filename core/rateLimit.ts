/**
 * One rule for every guessable input (check-in codes, invite codes, the roster's phone tails):
 * `maxFailures` failures within `windowMs` lock the caller out for `lockMs`. A lock is checked
 * before the input, so a right answer during the lock is refused too. Pure: times are arguments;
 * the functions keep the guard (server/rateLimit.repository.ts) and refuse with RATE_LIMITED.
 */

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

export interface RateLimit {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

/** A caller's recent failures: `failures` since `windowStart`, and the lock the last one set. */
export interface RateLimitGuard {
  windowStart: Date;
  failures: number;
  lockedUntil: Date | null;
}

/**
 * How a failure changes the stored guard: replaced by a new window, or one more failure counted
 * atomically. A new window says when it is spent (`spentAt`): from then on it neither locks nor
 * counts, so removing it changes nothing.
 */
export type GuardChange = { kind: 'restart'; guard: RateLimitGuard; spentAt: Date } | { kind: 'increment'; lockUntil: Date | null };

/**
 * When the caller may try again, or null when they may now. The count is checked as well as the
 * lock: failures that raced each other all read a count below the limit and none set the lock, but
 * their atomic increments still add up. Such a count locks for as long as the earliest failure that
 * could have reached the limit would have (the window's start plus the lock), and never less than
 * the window, so racing buys no shorter lock than trying one by one.
 */
export function lockedUntil(limit: RateLimit, guard: RateLimitGuard | undefined, now: Date): Date | null {
  if (guard === undefined) return null;
  const lockEnds = guard.lockedUntil?.getTime() ?? Number.NEGATIVE_INFINITY;
  const countEnds =
    guard.failures >= limit.maxFailures ? guard.windowStart.getTime() + Math.max(limit.windowMs, limit.lockMs) : Number.NEGATIVE_INFINITY;
  const until = Math.max(lockEnds, countEnds);
  return until > now.getTime() ? new Date(until) : null;
}

/**
 * What one more failure does to the guard: a new window when the last has passed, otherwise one
 * more failure (an atomic increment), with the lock set by the failure that reaches the limit.
 * A new window keeps a lock that has not run out: a failure, however it came to be counted, never
 * shortens a lock.
 */
export function afterFailure(limit: RateLimit, guard: RateLimitGuard | undefined, now: Date): GuardChange {
  if (guard === undefined || now.getTime() - guard.windowStart.getTime() >= limit.windowMs) {
    const carriedLock = lockedUntil(limit, guard, now);
    // Every lock this window can set ends by its start plus the window plus the lock (the last failure
    // in the window locks for lockMs); a lock carried over from the last window may end later.
    const windowSpent = now.getTime() + limit.windowMs + limit.lockMs;
    const spentAt = new Date(Math.max(windowSpent, carriedLock?.getTime() ?? 0));
    return { kind: 'restart', guard: { windowStart: now, failures: 1, lockedUntil: carriedLock }, spentAt };
  }
  const reachesLimit = guard.failures + 1 >= limit.maxFailures;
  return { kind: 'increment', lockUntil: reachesLimit ? new Date(now.getTime() + limit.lockMs) : null };
}

/** The refusal in the caller's words: what they got wrong too often, and the wait rounded up (hours beyond one hour). */
function lockedOutMessage(what: string, until: Date, now: Date): string {
  const waitMs = until.getTime() - now.getTime();
  const wait = waitMs > HOUR_MS ? `${Math.ceil(waitMs / HOUR_MS)} 小时` : `${Math.max(1, Math.ceil(waitMs / MINUTE_MS))} 分钟`;
  return `${what}错误次数过多，请 ${wait}后再试`;
}

/** Why the caller is refused now, in their words (`what` they got wrong too often); null when they may try. */
export function lockedOutReason(limit: RateLimit, what: string, guard: RateLimitGuard | undefined, now: Date): string | null {
  const until = lockedUntil(limit, guard, now);
  return until === null ? null : lockedOutMessage(what, until, now);
}
