import { ATTEMPT_LEDGER_COLLECTION, attemptLedgerOpenidHash, type AttemptLedgerDoc } from '../../server/attemptLedger';
import type { AttemptDoc, ConsentDoc, ContestDoc, MemberDoc, MemberStatus, StoryDoc } from '../../server/documents';
import type { AuditDoc } from '../../server/audit';
import { countOf, fetchAllPages, fetchById, fetchList, fetchOne, MAX_DOCS_PER_GET, type Database } from '../../server/kernel/db';
import { fail } from '../../server/kernel/failure';
import type { Logger } from '../../server/kernel/log';
import { inTransaction } from '../../server/kernel/transaction';

/** Whether the person behind `openid` left an attempt ledger in a contest that has not ended. */
export async function hasOpenAttemptLedger(db: Database, openid: string, now: Date): Promise<boolean> {
  const _ = db.command;
  const query = db.collection(ATTEMPT_LEDGER_COLLECTION).where({ openidHash: attemptLedgerOpenidHash(openid), expiresAt: _.gt(now) });
  return (await fetchOne<AttemptLedgerDoc>(query)) !== null;
}

export function findConsent(db: Database, openid: string, version: string): Promise<ConsentDoc | null> {
  return fetchOne<ConsentDoc>(db.collection('consents').where({ openid, version }));
}

export async function saveConsent(db: Database, consent: ConsentDoc): Promise<void> {
  const { _id, ...fields } = consent;
  // set() on a deterministic id makes a repeated or concurrent consent a harmless overwrite.
  await db.collection('consents').doc(_id).set({ data: fields });
}

export interface InviteDoc {
  _id: string;
  branchId: string;
  createdBy: string;
  maxUses: number;
  /** Counted down atomically on each join, so the use limit holds under concurrency. */
  remaining: number;
  expiresAt: Date;
  createdAt: Date;
  /** The stored 小程序码 image, made on first request (the openapi call is rate limited). */
  wxacodeFileId?: string;
}

export async function insertInvite(db: Database, invite: InviteDoc): Promise<void> {
  const { _id, ...fields } = invite;
  await db.collection('invites').add({ data: { _id, ...fields } });
}

export function findInvite(db: Database, code: string): Promise<InviteDoc | null> {
  return fetchById<InviteDoc>(db.collection('invites'), code);
}

export async function saveInviteWxacode(db: Database, code: string, fileID: string): Promise<void> {
  await db
    .collection('invites')
    .doc(code)
    .update({ data: { wxacodeFileId: fileID } });
}

/** Takes one use of a live invite; false when it is used up or expired (a concurrent join may have taken the last). */
export async function claimInviteUse(db: Database, code: string, now: Date): Promise<boolean> {
  const _ = db.command;
  const reply = (await db
    .collection('invites')
    .where({ _id: code, remaining: _.gt(0), expiresAt: _.gt(now) })
    .update({ data: { remaining: _.inc(-1) } })) as { stats: { updated: number } };
  return reply.stats.updated === 1;
}

/** Gives a use back when the join it was claimed for could not be written. */
export async function releaseInviteUse(db: Database, code: string): Promise<void> {
  await db
    .collection('invites')
    .doc(code)
    .update({ data: { remaining: db.command.inc(1) } });
}

export async function insertMember(db: Database, member: Omit<MemberDoc, '_id'>): Promise<string> {
  const added = (await db.collection('members').add({ data: member })) as { _id: string };
  return added._id;
}

export async function updateMember(db: Database, id: string, fields: Partial<MemberDoc>): Promise<void> {
  await db.collection('members').doc(id).update({ data: fields });
}

export function findMember(db: Database, id: string): Promise<MemberDoc | null> {
  return fetchById<MemberDoc>(db.collection('members'), id);
}

export interface TransferDoc {
  _id: string;
  memberId: string;
  fromBranchId: string;
  toBranchId: string;
  reason: string;
  by: string;
  at: Date;
}

/** Names sort in code-point order; a prefix search is a range on the same index, not a regex scan. */
export function listMembersPage(
  db: Database,
  filter: { branchId?: string; status: MemberStatus; search?: string },
  page: { offset: number; limit: number },
): Promise<MemberDoc[]> {
  const _ = db.command;
  const where: Record<string, unknown> = { status: filter.status };
  if (filter.branchId !== undefined) where.branchId = filter.branchId;
  if (filter.search !== undefined) where.name = _.and(_.gte(filter.search), _.lt(`${filter.search}\uffff`));
  return fetchList<MemberDoc>(db.collection('members').where(where).orderBy('name', 'asc').skip(page.offset).limit(page.limit));
}

export function countPending(db: Database, branchId: string | undefined): Promise<number> {
  return countOf(db.collection('members').where(branchId === undefined ? { status: 'pending' } : { branchId, status: 'pending' }));
}

/**
 * Applies a membership change and its audit record in one transaction, then moves the branch head
 * counts. `check` sees the member as the transaction does; returning false means "already so,
 * write nothing" (a repeated tap).
 *
 * The head counts stay out of the transaction on purpose: every join, approval and transfer of a
 * branch touches its org document, and transactions that share one document conflict with each
 * other (200 simultaneous approvals left 160 in CONFLICT after six jittered retries). An atomic
 * `inc` after the commit never conflicts. If it fails, the change still stands and the miss is
 * logged for the recount (ARCHITECTURE.md, "Hot documents").
 */
export async function changeMembership(
  db: Database,
  memberId: string,
  check: (member: MemberDoc) => boolean | void,
  change: {
    fields: Partial<MemberDoc>;
    countDeltas: Record<string, number>;
    transfer?: Omit<TransferDoc, '_id'>;
    audit: Omit<AuditDoc, '_id' | 'targetId'>;
    /** Attempts to add to the person's ledgers (member.deleteMine), in the same transaction. */
    attemptLedgers?: AttemptLedgerDoc[];
  },
  log: Logger,
): Promise<MemberDoc> {
  const outcome = await inTransaction(
    db,
    async (session) => {
      const current = await session.get<MemberDoc>('members', memberId);
      if (!current) fail('NOT_FOUND');
      if (check(current) === false) return { member: current, changed: false };
      await session.update('members', memberId, change.fields);
      if (change.transfer) await session.set('member_transfers', `${memberId}_${change.transfer.at.getTime()}`, change.transfer);
      for (const credit of change.attemptLedgers ?? []) {
        // Added to what an earlier deletion left, so deleting twice cannot reset the count.
        const earlier = await session.get<AttemptLedgerDoc>(ATTEMPT_LEDGER_COLLECTION, credit._id);
        const { _id, ...fields } = credit;
        await session.set(ATTEMPT_LEDGER_COLLECTION, _id, { ...fields, attemptsUsed: (earlier?.attemptsUsed ?? 0) + credit.attemptsUsed });
      }
      await session.add('audit_logs', { ...change.audit, targetId: memberId });
      return { member: { ...current, ...change.fields }, changed: true };
    },
    { log },
  );
  if (outcome.changed) await adjustHeadCounts(db, change.countDeltas, log);
  return outcome.member;
}

/** Atomic increments of branch head counts after the membership change they follow has committed. */
export async function adjustHeadCounts(db: Database, deltas: Record<string, number>, log: Logger): Promise<void> {
  const _ = db.command;
  for (const [branchId, delta] of Object.entries(deltas)) {
    if (delta === 0) continue;
    try {
      await db
        .collection('orgs')
        .doc(branchId)
        .update({ data: { activeMemberCount: _.inc(delta) } });
    } catch (error) {
      log.error('head_count_not_applied', { branchId, delta, message: error instanceof Error ? error.message : String(error) });
    }
  }
}

export function listAuditPage(db: Database, offset: number, limit: number): Promise<AuditDoc[]> {
  return fetchList<AuditDoc>(db.collection('audit_logs').orderBy('at', 'desc').skip(offset).limit(limit));
}

export function listMembersByIds(db: Database, ids: string[]): Promise<MemberDoc[]> {
  return fetchList<MemberDoc>(
    db
      .collection('members')
      .where({ _id: db.command.in(ids) })
      .limit(MAX_DOCS_PER_GET),
  );
}

/** Everything keyed to one member, for 个人信息导出. Bounded: a person's own records are few. */
export async function collectMemberRecords(db: Database, member: MemberDoc): Promise<Record<string, unknown[]>> {
  const byMember = (collection: string) =>
    fetchList<Record<string, unknown>>(db.collection(collection).where({ memberId: member._id }).limit(MAX_DOCS_PER_GET));
  const [consents, attempts, entries, transfers, stories] = await Promise.all([
    fetchList<Record<string, unknown>>(db.collection('consents').where({ openid: member.openid }).limit(MAX_DOCS_PER_GET)),
    byMember('attempts'),
    byMember('contest_entries'),
    byMember('member_transfers'),
    fetchList<Record<string, unknown>>(db.collection('stories').where({ authorId: member._id }).limit(MAX_DOCS_PER_GET)),
  ]);
  return { consents, attempts, contestEntries: entries, transfers, stories };
}

export async function anonymiseBoardEntries(db: Database, memberId: string, name: string): Promise<void> {
  await db.collection('contest_entries').where({ memberId }).update({ data: { name } });
}

export async function removeConsents(db: Database, openid: string): Promise<void> {
  await db.collection('consents').where({ openid }).remove();
}

/** The roster line that matched a member names them too; it goes with their other personal data. */
export async function removeMatchedRosterEntries(db: Database, memberId: string): Promise<void> {
  await db.collection('roster_entries').where({ matchedMemberId: memberId }).remove();
}

/** More contests open at once than any organisation runs; the cap keeps the read to one request. */
const MAX_OPEN_CONTESTS = 100;

/**
 * The contests still open (published, not yet ended) in which the member has attempts, with how
 * many: what deleteMine must keep in the attempt ledger. Two indexed reads (contests by status and
 * end, then the member's attempts in those), whatever the member's history.
 */
export async function listOpenContestAttempts(
  db: Database,
  memberId: string,
  now: Date,
): Promise<{ contestId: string; endAt: Date; attempts: number }[]> {
  const _ = db.command;
  const open = await fetchList<Pick<ContestDoc, '_id' | 'endAt'>>(
    db
      .collection('contests')
      .where({ status: 'published', endAt: _.gt(now) })
      .field({ _id: true, endAt: true })
      .limit(MAX_OPEN_CONTESTS),
  );
  if (open.length === 0) return [];
  const attempts = await fetchList<Pick<AttemptDoc, 'contestId'>>(
    db
      .collection('attempts')
      .where({ memberId, contestId: _.in(open.map((contest) => contest._id)) })
      .field({ contestId: true })
      .limit(MAX_DOCS_PER_GET),
  );
  const perContest = new Map<string, number>();
  for (const { contestId } of attempts) perContest.set(contestId, (perContest.get(contestId) ?? 0) + 1);
  return open
    .filter((contest) => perContest.has(contest._id))
    .map((contest) => ({
      contestId: contest._id,
      endAt: contest.endAt,
      attempts: perContest.get(contest._id) ?? 0,
    }));
}

/** More works than one person writes; the cap keeps a mistake from becoming an unbounded read. */
const MAX_AUTHORED_STORIES = 5000;

export type AuthoredStory = Pick<StoryDoc, '_id' | 'imageFileIds' | 'video'>;

/** The member's works with the files they hold (index author_updated). */
export function listAuthoredStories(db: Database, memberId: string): Promise<AuthoredStory[]> {
  return fetchAllPages<AuthoredStory>(
    db.collection('stories').where({ authorId: memberId }).field({ _id: true, imageFileIds: true, video: true }),
    MAX_AUTHORED_STORIES,
  );
}

/**
 * Removes the member's works and the ratings others gave them (index story on story_ratings), the
 * ratings first: a run cut short in between leaves works a retry still finds.
 */
export async function removeAuthoredStories(db: Database, memberId: string, storyIds: readonly string[]): Promise<void> {
  for (let at = 0; at < storyIds.length; at += MAX_DOCS_PER_GET) {
    const ids = storyIds.slice(at, at + MAX_DOCS_PER_GET);
    await db
      .collection('story_ratings')
      .where({ storyId: db.command.in(ids) })
      .remove();
  }
  if (storyIds.length > 0) await db.collection('stories').where({ authorId: memberId }).remove();
}
