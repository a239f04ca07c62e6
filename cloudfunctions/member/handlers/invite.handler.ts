import { randomInt } from 'node:crypto';
import { encodeScene, INVITE_SCENE_KEY } from '../../../core/scene';
import { INVITE_CODE_ALPHABET, INVITE_CODE_LENGTH } from '../../../types/labels';
import { recordAudit } from '../../../server/audit';
import { temporaryUrl, uploadFile } from '../../../server/files';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { isDuplicateKeyError } from '../../../server/kernel/sdk-errors';
import { findOrg } from '../../../server/orgs.repository';
import { assertManagesBranch } from '../../../server/scope';
import { createMiniProgramCode } from '../../../server/wxacode';
import { findInvite, insertInvite, saveInviteWxacode, type InviteDoc } from '../repository';

const HOUR_MS = 3_600_000;

function newInviteCode(): string {
  return Array.from({ length: INVITE_CODE_LENGTH }, () => INVITE_CODE_ALPHABET[randomInt(INVITE_CODE_ALPHABET.length)]).join('');
}

const JOIN_PAGE = 'pages/join/index';

export function invitePath(code: string): string {
  return `${JOIN_PAGE}?code=${code}`;
}

export async function createInvite(
  input: { branchId?: string; maxUses: number; expiresInHours: number },
  ctx: MemberContext,
) {
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
  let code = newInviteCode();
  try {
    await insertInvite(db, { _id: code, ...invite });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    code = newInviteCode();
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

/**
 * The invite as a 小程序码 for printing or showing on a screen: made once, kept in cloud storage and
 * reused (reads the invite; writes it once, the first time). Only while the invite can still be used.
 */
export async function inviteQrCode(input: { code: string }, ctx: MemberContext) {
  const { db, member, now } = ctx;
  const invite = await findInvite(db, input.code);
  if (!invite) fail('NOT_FOUND', { field: 'code', message: '没有这个邀请' });
  assertManagesBranch(member, invite.branchId);
  if (invite.expiresAt.getTime() <= now.getTime()) fail('EXPIRED', { field: 'code', message: '邀请已过期，请重新生成' });
  if (invite.remaining <= 0) fail('FULL', { field: 'code', message: '邀请名额已用完，请重新生成' });

  let fileID = invite.wxacodeFileId;
  if (fileID === undefined) {
    const image = await createMiniProgramCode({ page: JOIN_PAGE, scene: encodeScene({ [INVITE_SCENE_KEY]: invite._id }) });
    fileID = await uploadFile(`invites/${invite._id}.${image.extension}`, image.content);
    await saveInviteWxacode(db, invite._id, fileID);
  }
  return { code: invite._id, fileID, url: await temporaryUrl(fileID) };
}
