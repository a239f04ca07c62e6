import { fail } from '../../../server/kernel/failure';
import type { RequestContext } from '../../../server/kernel/router';
import { findOrgName } from '../../../server/orgs.repository';
import { countWrongGuess, INVITE_CODE, readCallerGuards, refuseWhileLocked } from '../guessLimits';
import { findInvite, findMember } from '../repository';

/**
 * What an invite landing checks before it asks for anything: the branch and who invited, or why
 * the code cannot be used. A code is a guessable input, so a code that does not exist counts
 * against the same per-caller limit as join's, and a locked caller is refused before the lookup.
 */
export async function inviteInfo(input: { code: string }, ctx: RequestContext) {
  const { db, openid, now } = ctx;
  const [guards, invite] = await Promise.all([readCallerGuards(db, openid, [INVITE_CODE]), findInvite(db, input.code)]);
  refuseWhileLocked(guards, INVITE_CODE, now);
  if (!invite) {
    await countWrongGuess(db, openid, guards, INVITE_CODE, now);
    fail('NOT_FOUND', { field: 'code', message: '邀请码不存在，请向支部书记确认' });
  }
  if (invite.expiresAt <= now) fail('EXPIRED', { message: '邀请已过期，请向支部书记索取新的邀请' });
  if (invite.remaining <= 0) fail('FULL', { message: '邀请名额已用完，请向支部书记索取新的邀请' });
  const [branchName, inviter] = await Promise.all([findOrgName(db, invite.branchId), findMember(db, invite.createdBy)]);
  return {
    code: invite._id,
    branchName,
    invitedBy: { name: inviter?.name ?? '支部书记', role: inviter?.role ?? 'secretary' },
    expiresAt: invite.expiresAt.toISOString(),
  };
}
