import { findMemberByOpenid } from '../../../server/kernel/caller';
import { fail } from '../../../server/kernel/failure';
import type { RequestContext } from '../../../server/kernel/router';
import {
  anonymiseBoardEntries,
  changeMembership,
  collectMemberRecords,
  findConsent,
  removeConsents,
  removeMatchedRosterEntries,
} from '../repository';
import { PRIVACY_VERSION } from '../../../types/contracts/member';

const ANONYMOUS_NAME = '已注销用户';
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

/**
 * 注销: the person's name, phone tail and openid go; their scores and check-ins keep counting for the
 * branch under an anonymous name. The member record changes last, because once its openid is gone
 * the caller can no longer retry.
 */
export async function deleteMine(_input: { confirm: '注销' }, ctx: RequestContext) {
  const { db, openid, now } = ctx;
  const member = await findMemberByOpenid(db, openid);
  if (!member) {
    await removeConsents(db, openid);
    return { deleted: true as const };
  }
  await anonymiseBoardEntries(db, member._id, ANONYMOUS_NAME);
  await removeConsents(db, openid);
  await removeMatchedRosterEntries(db, member._id);
  await changeMembership(
    db,
    member._id,
    (current) => {
      if (current.openid !== openid) fail('CONFLICT');
    },
    {
      fields: { name: ANONYMOUS_NAME, openid: `deleted-${member._id}`, phoneTail: '', status: 'left', updatedAt: now },
      countDeltas: { [member.branchId]: member.status === 'active' ? -1 : 0 },
      audit: { at: now, actorId: member._id, action: 'member.deleteMine', detail: {} },
    },
    ctx.log,
  );
  return { deleted: true as const };
}
