import { INVITE_CODE_LENGTH } from '../../../types/labels';
import { recordAudit } from '../../../server/audit';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { isDuplicateKeyError } from '../../../server/kernel/sdk-errors';
import { findOrg } from '../../../server/orgs.repository';
import { newShortId } from '../../../server/shortId';
import { assertManagesBranch } from '../../../server/scope';
import { invitePath } from '../invite';
import { insertInvite, type InviteDoc } from '../repository';

const HOUR_MS = 3_600_000;

export async function createInvite(input: { branchId?: string; maxUses: number; expiresInHours: number }, ctx: MemberContext) {
  const { db, member, now } = ctx;
  const branchId = input.branchId ?? member.branchId;
  assertManagesBranch(member, branchId);
  const branch = await findOrg(db, branchId);
  if (!branch || branch.kind !== 'branch') fail('NOT_FOUND', { field: 'branchId', message: '没有这个党支部' });

  const invite: Omit<InviteDoc, '_id'> = {
    branchId,
    createdBy: member._id,
    maxUses: input.maxUses,
    remaining: input.maxUses,
    expiresAt: new Date(now.getTime() + input.expiresInHours * HOUR_MS),
    createdAt: now,
  };
  // 31^8 codes make a clash vanishingly rare; one retry covers it without a loop that could spin.
  let code = newShortId(INVITE_CODE_LENGTH);
  try {
    await insertInvite(db, { _id: code, ...invite });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    code = newShortId(INVITE_CODE_LENGTH);
    await insertInvite(db, { _id: code, ...invite });
  }
  await recordAudit(db, { at: now, actorId: member._id, action: 'member.createInvite', targetId: code, detail: { branchId } }, ctx.log);
  return {
    code,
    branchId,
    branchName: branch.name,
    path: invitePath(code),
    expiresAt: invite.expiresAt.toISOString(),
    maxUses: invite.maxUses,
    uses: 0,
  };
}
