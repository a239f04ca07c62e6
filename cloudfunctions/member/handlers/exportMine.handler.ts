import { findMemberByOpenid } from '../../../server/kernel/caller';
import type { RequestContext } from '../../../server/kernel/router';
import { collectMemberRecords, findConsent } from '../repository';
import { PRIVACY_VERSION } from '../../../types/contracts/member';

/** Answer keys and option orders are exam material, not personal data; they stay out of exports. */
const EXAM_FIELDS = ['key', 'orders'];

/** 个人信息导出 (PIPL art. 45): everything stored about the caller. */
export async function exportMine(_input: Record<string, never>, ctx: RequestContext) {
  const member = await findMemberByOpenid(ctx.db, ctx.openid);
  if (!member) {
    const consent = await findConsent(ctx.db, ctx.openid, PRIVACY_VERSION);
    return { exportedAt: ctx.now.toISOString(), data: { member: null, consents: consent ? [consent] : [] } };
  }
  const records = await collectMemberRecords(ctx.db, member);
  const attempts = (records.attempts ?? []).map((attempt) =>
    Object.fromEntries(Object.entries(attempt as Record<string, unknown>).filter(([field]) => !EXAM_FIELDS.includes(field))),
  );
  return { exportedAt: ctx.now.toISOString(), data: { member, ...records, attempts } };
}
