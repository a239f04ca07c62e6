import { encodeScene, INVITE_SCENE_KEY } from '../../../core/scene';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { assertManagesBranch } from '../../../server/scope';
import { storedMiniProgramCode } from '../../../server/wxacode';
import { JOIN_PAGE } from '../invite';
import { findInvite, saveInviteWxacode } from '../repository';

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

  const stored = await storedMiniProgramCode({
    storedFileId: invite.wxacodeFileId,
    page: JOIN_PAGE,
    scene: encodeScene({ [INVITE_SCENE_KEY]: invite._id }),
    cloudPath: `invites/${invite._id}`,
    remember: (fileID) => saveInviteWxacode(db, invite._id, fileID),
  });
  return { code: invite._id, ...stored };
}
