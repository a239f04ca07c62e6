/**
 * Issuing rotating codes, and reading a scanned one for the caller with the lockout
 * (CHECKIN_CODE_LIMIT, core/rateLimit.ts): the lock is checked before the code, so a locked caller
 * is refused even with a right code, and every wrong or expired code counts on the caller's guard.
 */
import { CHECKIN_CODE_LIMIT, checkinLockedOutReason, MAX_QUEUED_SCAN_AGE_MS } from '../../core/checkin/rules';
import { afterFailure } from '../../core/rateLimit';
import { signCode, slotAt, slotStartMs, verifyCode, type CodeFields, type CodePurpose } from '../../core/checkin/token';
import { checkinHmac, newCheckinNonce } from '../../server/checkinSecret';
import { fail } from '../../server/kernel/failure';
import type { MemberContext } from '../../server/kernel/router';
import { recordFailure } from '../../server/rateLimit.repository';
import { checkinGuardLocation } from './checkins.repository';

/** A code of the current slot, the instant it stops being accepted, and when the screen should ask for the next. */
export function issueCode(purpose: CodePurpose, subject: string, now: Date): { code: string; validUntil: string; refreshInMs: number } {
  const slot = slotAt(now.getTime());
  return {
    code: signCode({ purpose, subject, slot, nonce: newCheckinNonce() }, checkinHmac),
    validUntil: new Date(slotStartMs(slot + 2)).toISOString(),
    refreshInMs: slotStartMs(slot + 1) - now.getTime(),
  };
}

/**
 * The verified fields of `code`, which must be of one of `purposes`; `queued` for a scan sent from
 * the phone's offline queue, which a code of the last 24 h satisfies (its slot dates the scan).
 * Costs a DB request only when it refuses a wrong or expired code (the guard's update).
 */
export async function readCode(
  ctx: MemberContext,
  code: string,
  purposes: readonly CodePurpose[],
  options: { queued: boolean; wrongKind: string },
): Promise<CodeFields> {
  const { db, member, now } = ctx;
  const guard = member.checkinGuard;
  const lockedOut = checkinLockedOutReason(guard, now);
  if (lockedOut !== null) fail('RATE_LIMITED', { message: lockedOut });

  const verified = verifyCode(code, { now, hmac: checkinHmac, ...(options.queued ? { queuedUpToMs: MAX_QUEUED_SCAN_AGE_MS } : {}) });
  if (verified.kind === 'ok') {
    const fields: CodeFields = { purpose: verified.purpose, subject: verified.subject, slot: verified.slot, nonce: verified.nonce };
    // A genuine code of another kind (a personal code held to the activity scanner) is a mix-up, not a guess: not counted.
    if (!purposes.includes(fields.purpose)) fail('INVALID_INPUT', { field: 'code', message: options.wrongKind });
    return fields;
  }
  await recordFailure(db, checkinGuardLocation(member._id), guard, afterFailure(CHECKIN_CODE_LIMIT, guard, now));
  if (verified.kind !== 'expired') fail('INVALID_INPUT', { field: 'code', message: '签到码无效' });
  fail('EXPIRED', {
    field: 'code',
    message: options.queued ? '离线记录已超过 24 小时，无法补传，请联系组织者补录' : '签到码已过期，请扫描屏幕上最新的签到码',
  });
}
