import { findMemberByOpenid } from '../../../server/kernel/caller';
import type { RequestContext } from '../../../server/kernel/router';
import { collectMemberRecords, findConsent } from '../repository';
import { PRIVACY_VERSION } from '../../../types/contracts/member';

/** Answer keys and option orders are exam material, not personal data; they stay out of exports. */
const EXAM_FIELDS = ['key', 'orders'];
/** A work's image-check trace ids are between the server and WeChat (story/mediaCheckPush.ts), not the author's data. */
const STORY_INTERNAL_FIELDS = ['mediaChecks'];

function without(records: unknown[] | undefined, fields: readonly string[]): Record<string, unknown>[] {
  return (records ?? []).map((record) =>
    Object.fromEntries(Object.entries(record as Record<string, unknown>).filter(([field]) => !fields.includes(field))),
  );
}

/** 个人信息导出 (PIPL art. 45): everything stored about the caller, their works (投稿) included. */
export async function exportMine(_input: Record<string, never>, ctx: RequestContext) {
  const member = await findMemberByOpenid(ctx.db, ctx.openid);
  if (!member) {
    const consent = await findConsent(ctx.db, ctx.openid, PRIVACY_VERSION);
    return { exportedAt: ctx.now.toISOString(), data: { member: null, consents: consent ? [consent] : [] } };
  }
  const records = await collectMemberRecords(ctx.db, member);
  const attempts = without(records.attempts, EXAM_FIELDS);
  const stories = without(records.stories, STORY_INTERNAL_FIELDS);
  return { exportedAt: ctx.now.toISOString(), data: { member, ...records, attempts, stories } };
}
