import { findMemberByOpenid } from '../../../server/kernel/caller';
import { fail } from '../../../server/kernel/failure';
import type { RequestContext } from '../../../server/kernel/router';
import { attemptLedgerId, attemptLedgerOpenidHash } from '../../../server/attemptLedger';
import {
  anonymiseBoardEntries,
  changeMembership,
  listOpenContestAttempts,
  removeConsents,
  removeMatchedRosterEntries,
} from '../repository';

const ANONYMOUS_NAME = '已注销用户';

/**
 * 注销: the person's name, phone tail and openid go; their scores and check-ins keep counting for the
 * branch under an anonymous name. The member record changes last, because once its openid is gone
 * the caller can no longer retry. In the same transaction, the attempts used in contests still open
 * go to the attempt ledger (server/attemptLedger.ts), so joining again buys no fresh attempts: the
 * ledger and the openid's removal commit together or not at all, and a retry counts afresh.
 */
export async function deleteMine(_input: { confirm: '注销' }, ctx: RequestContext) {
  const { db, openid, now } = ctx;
  const member = await findMemberByOpenid(db, openid);
  if (!member) {
    await removeConsents(db, openid);
    return { deleted: true as const };
  }
  const openAttempts = await listOpenContestAttempts(db, member._id, now);
  const openidHash = attemptLedgerOpenidHash(openid);
  const attemptLedgers = openAttempts.map(({ contestId, endAt, attempts }) => ({
    _id: attemptLedgerId(contestId, openid),
    contestId,
    openidHash,
    attemptsUsed: attempts,
    expiresAt: endAt,
  }));
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
      attemptLedgers,
    },
    ctx.log,
  );
  return { deleted: true as const };
}
