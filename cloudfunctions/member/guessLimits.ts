/**
 * The member function's guessable inputs, each rate-limited per caller (core/rateLimit.ts). The
 * caller of `join` usually has no member profile yet, so the guards live in `rate_limits`
 * (`<purpose>_<openid>`), read together in one request.
 */
import { afterFailure, lockedOutReason, type RateLimit, type RateLimitGuard } from '../../core/rateLimit';
import type { Database } from '../../server/kernel/db';
import { fail } from '../../server/kernel/failure';
import { callerGuardLocation, findCallerGuards, recordFailure } from '../../server/rateLimit.repository';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

interface GuessableInput {
  purpose: string;
  /** What the caller got wrong, as the refusal names it. */
  what: string;
  limit: RateLimit;
}

/** Invite codes that do not exist: 31^8 of them make guessing hopeless, and this keeps it so. */
export const INVITE_CODE: GuessableInput = {
  purpose: 'invite',
  what: '邀请码',
  limit: { maxFailures: 5, windowMs: 10 * MINUTE_MS, lockMs: 30 * MINUTE_MS },
};

/**
 * Phone tails that miss the 花名册 entry of the name given (isPhoneTailMiss). Each try costs a
 * whole application (注销 or a rejection before the next), so a person who mistypes is never
 * near the limit, while 10,000 tails stay out of reach.
 */
export const PHONE_TAIL: GuessableInput = {
  purpose: 'roster',
  what: '手机号后 4 位',
  limit: { maxFailures: 3, windowMs: 24 * HOUR_MS, lockMs: 24 * HOUR_MS },
};

/**
 * The first-admin code (member.bootstrap): 31^12 codes are out of reach anyway; the lock keeps a
 * script from trying, and is long because a legitimate caller has the code printed in front of them.
 */
export const BOOTSTRAP_CODE: GuessableInput = {
  purpose: 'bootstrap',
  what: '引导码',
  limit: { maxFailures: 5, windowMs: 10 * MINUTE_MS, lockMs: 24 * HOUR_MS },
};

/** What the caller's guards were when read; a failure is counted against the guard as read. */
export type CallerGuards = ReadonlyMap<GuessableInput, RateLimitGuard | undefined>;

/** The caller's guards for these inputs, in one read. */
export async function readCallerGuards(db: Database, openid: string, inputs: readonly GuessableInput[]): Promise<CallerGuards> {
  const found = await findCallerGuards(
    db,
    inputs.map((input) => callerGuardLocation(input.purpose, openid)),
  );
  return new Map(inputs.map((input, index) => [input, found[index]]));
}

/** RATE_LIMITED with the wait while the caller is locked out of this input, right or wrong. */
export function refuseWhileLocked(read: CallerGuards, input: GuessableInput, now: Date): void {
  const reason = lockedOutReason(input.limit, input.what, read.get(input), now);
  if (reason !== null) fail('RATE_LIMITED', { message: reason });
}

export function countWrongGuess(db: Database, openid: string, read: CallerGuards, input: GuessableInput, now: Date): Promise<void> {
  const guard = read.get(input);
  return recordFailure(db, callerGuardLocation(input.purpose, openid), guard, afterFailure(input.limit, guard, now));
}
