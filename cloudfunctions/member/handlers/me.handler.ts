import type { MemberView } from '../../../types/contracts/member';
import { PRIVACY_VERSION } from '../../../types/contracts/member';
import type { MemberDoc } from '../../../server/documents';
import { findMemberByOpenid } from '../../../server/kernel/caller';
import type { RequestContext } from '../../../server/kernel/router';
import { findOrg } from '../../../server/orgs';
import { findConsent } from '../repository';

export async function me(_input: Record<string, never>, ctx: RequestContext) {
  const [consent, member] = await Promise.all([
    findConsent(ctx.db, ctx.openid, PRIVACY_VERSION),
    findMemberByOpenid(ctx.db, ctx.openid),
  ]);
  return {
    privacyAccepted: consent !== null,
    privacyVersion: PRIVACY_VERSION,
    member: member ? await toMemberView(ctx, member) : null,
  };
}

async function toMemberView(ctx: RequestContext, member: MemberDoc): Promise<MemberView> {
  const branch = await findOrg(ctx.db, member.branchId);
  return {
    id: member._id,
    name: member.name,
    branchId: member.branchId,
    branchName: branch?.name ?? '',
    role: member.role,
    partyStatus: member.partyStatus,
    status: member.status,
    joinedAt: member.joinedAt.toISOString(),
  };
}
