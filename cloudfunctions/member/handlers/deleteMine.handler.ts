import { findMemberByOpenid } from '../../../server/kernel/caller';
import { fail } from '../../../server/kernel/failure';
import type { RequestContext } from '../../../server/kernel/router';
import { attemptLedgerId, attemptLedgerOpenidHash } from '../../../server/attemptLedger';
import { deleteFiles } from '../../../server/files';
import type { Database } from '../../../server/kernel/db';
import {
  anonymiseBoardEntries,
  changeMembership,
  listAuthoredStories,
  listOpenContestAttempts,
  removeAuthoredStories,
  removeConsents,
  removeMatchedRosterEntries,
} from '../repository';
import { markBranchesDirty } from '../statsMarkers';

const ANONYMOUS_NAME = '已注销用户';

/**
 * The person's works (投稿) go with them: the writing, photos and videos are theirs and name them.
 * Files first, then the ratings others gave the works, then the works, so a retry after a cut-off
 * run finds what is left. Their own ratings of others' works stay, as their scores do: a number
 * under a member id that no longer names anyone.
 */
async function removeWorks(db: Database, memberId: string): Promise<void> {
  const works = await listAuthoredStories(db, memberId);
  await deleteFiles(works.flatMap((work) => [...work.imageFileIds, ...(work.video ? [work.video.fileId] : [])]));
  await removeAuthoredStories(
    db,
    memberId,
    works.map((work) => work._id),
  );
}

/**
 * 注销: the person's name, phone tail and openid go; their scores and check-ins keep counting for the
 * branch under an anonymous name, and their works are removed (removeWorks). The member record changes last, because once its openid is gone
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
  await removeWorks(db, member._id);
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
  // The works removed above leave no event the aggregator can find by time: the branch is rebuilt.
  await markBranchesDirty(db, [member.branchId], now, ctx.log);
  return { deleted: true as const };
}
