/**
 * The attempt ledger (issue 11): deleting one's data must not buy fresh attempts in a contest that
 * is still open. `member.deleteMine` leaves one ledger per contest the person has used attempts in
 * and that has not closed; `quiz.start` counts it against the limit for a caller with no attempts
 * of their own there (a new member record after joining again). It names the person only by a
 * salted hash of their openid, and lives until the contest ends (`expiresAt`, indexed for cleanup).
 */
import { createHash } from 'node:crypto';

export const ATTEMPT_LEDGER_COLLECTION = 'contest_attempt_ledgers';

/** Versioned, so a change of scheme can never match an old ledger by accident. */
const OPENID_HASH_PREFIX = 'hongtu.attempts.v1|';

/** Hex SHA-256 of the prefixed openid: the same person finds their ledger again, the ledger alone names nobody. */
export function attemptLedgerOpenidHash(openid: string): string {
  return createHash('sha256')
    .update(OPENID_HASH_PREFIX + openid, 'utf8')
    .digest('hex');
}

export function attemptLedgerId(contestId: string, openid: string): string {
  return `${contestId}_${attemptLedgerOpenidHash(openid)}`;
}

export interface AttemptLedgerDoc {
  /** attemptLedgerId(contestId, openid). */
  _id: string;
  contestId: string;
  openidHash: string;
  /** Attempts the person has used in the contest under every member record they deleted. */
  attemptsUsed: number;
  /** The contest's end: the ledger is useless after it. */
  expiresAt: Date;
}
