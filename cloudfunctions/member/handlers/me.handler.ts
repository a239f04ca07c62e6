import { PRIVACY_VERSION } from '../../../types/contracts/member';
import { findMemberByOpenid } from '../../../server/kernel/caller';
import type { RequestContext } from '../../../server/kernel/router';
import { toMemberView } from '../memberView';
import { findConsent } from '../repository';

export async function me(_input: Record<string, never>, ctx: RequestContext) {
  const [consent, member] = await Promise.all([findConsent(ctx.db, ctx.openid, PRIVACY_VERSION), findMemberByOpenid(ctx.db, ctx.openid)]);
  return {
    privacyAccepted: consent !== null,
    privacyVersion: PRIVACY_VERSION,
    member: member ? await toMemberView(ctx.db, member) : null,
  };
}
