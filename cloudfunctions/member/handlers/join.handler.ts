import { PRIVACY_VERSION } from '../../../types/contracts/member';
import type { PartyStatus } from '../../../types/labels';
import { findMemberByOpenid } from '../../../server/kernel/caller';
import { AppFailure, fail } from '../../../server/kernel/failure';
import type { RequestContext } from '../../../server/kernel/router';
import { isDuplicateKeyError } from '../../../server/kernel/sdk-errors';
import { toMemberView } from '../memberView';
import { claimInviteUse, findConsent, findInvite, hasOpenAttemptLedger, insertMember, releaseInviteUse, updateMember } from '../repository';
import { activateFromRoster, findRosterCandidates } from '../roster/roster.repository';
import { isPhoneTailMiss, pickRosterEntry, rosterName } from '../roster/rosterSheet';
import { countWrongGuess, INVITE_CODE, PHONE_TAIL, readCallerGuards, refuseWhileLocked } from '../guessLimits';

/** Activation that kept losing to concurrent joins: the application stands, pending, for the secretary. */
function stayPendingOnConflict(ctx: RequestContext) {
  return (error: unknown): null => {
    if (!(error instanceof AppFailure) || error.code !== 'CONFLICT') throw error;
    ctx.log.warn('roster_activation_deferred', { reason: 'conflict' });
    return null;
  };
}

interface JoinInput {
  code: string;
  name: string;
  partyStatus: PartyStatus;
  phoneTail?: string;
}

/**
 * Joining through an invite lands the person as pending for their branch's secretary to approve —
 * unless the branch's 花名册 lists them (same name, and the same phone tail when the roster has
 * one): then they are activated at once, with the roster's 政治面貌. The invite's use is claimed
 * atomically first and given back if the member cannot be written. Both guessable inputs, the
 * code and the phone tail, are rate-limited per caller (guessLimits.ts): a locked caller is
 * refused before either is looked at.
 */
export async function join(input: JoinInput, ctx: RequestContext) {
  const { db, openid, now } = ctx;
  const [consent, existing, invite, guards, hasAttemptLedger] = await Promise.all([
    findConsent(db, openid, PRIVACY_VERSION),
    findMemberByOpenid(db, openid),
    findInvite(db, input.code),
    readCallerGuards(db, openid, [INVITE_CODE, PHONE_TAIL]),
    hasOpenAttemptLedger(db, openid, now),
  ]);
  // Consent comes before any personal field is stored.
  if (!consent) fail('FORBIDDEN', { message: '请先阅读并同意隐私保护指引' });
  if (existing && (existing.status === 'active' || existing.status === 'pending')) {
    fail('DUPLICATE', { message: existing.status === 'active' ? '你已加入党支部' : '已提交申请，请等待支部书记审核' });
  }
  refuseWhileLocked(guards, INVITE_CODE, now);
  refuseWhileLocked(guards, PHONE_TAIL, now);
  if (!invite) {
    await countWrongGuess(db, openid, guards, INVITE_CODE, now);
    fail('NOT_FOUND', { field: 'code', message: '邀请码不存在，请向支部书记确认' });
  }
  if (invite.expiresAt <= now) fail('EXPIRED', { message: '邀请已过期，请向支部书记索取新的邀请' });
  const [claimed, candidates] = await Promise.all([
    claimInviteUse(db, invite._id, now),
    findRosterCandidates(db, invite.branchId, rosterName(input.name)),
  ]);
  if (!claimed) fail('FULL', { message: '邀请名额已用完，请向支部书记索取新的邀请' });

  const fields = {
    openid,
    name: input.name,
    branchId: invite.branchId,
    role: 'member' as const,
    partyStatus: input.partyStatus,
    status: 'pending' as const,
    ...(input.phoneTail === undefined ? {} : { phoneTail: input.phoneTail }),
    joinedAt: now,
    updatedAt: now,
    // Tells quiz.start to count the attempts used before a deletion (server/attemptLedger.ts).
    ...(hasAttemptLedger ? { hasAttemptLedger: true as const } : {}),
  };
  const entry = pickRosterEntry(candidates, input.phoneTail);
  let id: string;
  try {
    // Counted before anything is written, so a miss that cannot be counted leaves no application either.
    if (isPhoneTailMiss(candidates, input.phoneTail)) await countWrongGuess(db, openid, guards, PHONE_TAIL, now);
    // Someone who left or was turned down re-applies on their old record (openid is unique).
    if (existing) await updateMember(db, existing._id, fields);
    id = existing?._id ?? (await insertMember(db, { ...fields, createdAt: now }));
  } catch (error) {
    await releaseInviteUse(db, invite._id);
    if (isDuplicateKeyError(error)) fail('DUPLICATE', { message: '已提交申请，请等待支部书记审核' });
    throw error;
  }
  const pending = { ...fields, _id: id, createdAt: existing?.createdAt ?? now };
  // On the roster: pending → active, head count and the entry's match in one transaction. If it
  // cannot happen (the entry was matched a moment ago), the application simply stays pending.
  const activated = entry ? await activateFromRoster(db, entry._id, id, now, ctx.log).catch(stayPendingOnConflict(ctx)) : null;
  return { member: await toMemberView(db, activated ?? pending) };
}
