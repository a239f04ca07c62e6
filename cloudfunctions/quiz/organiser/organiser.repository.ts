/** The organiser's reads and writes of contests and their attempts. Every read is by `_id` or an index prefix. */
import { PENDING_SORT_KEY, type AttemptDoc, type ContestDoc, type ContestEntryDoc } from '../../../server/documents';
import { fetchAllPages, fetchList, MAX_DOCS_PER_GET, type Database } from '../../../server/kernel/db';

/** The workbench lists this many contests, latest ending first: years of contests at a few a month. */
const ADMIN_CONTESTS = 100;

export function listContestsForAdmin(db: Database): Promise<ContestDoc[]> {
  return fetchList<ContestDoc>(
    db
      .collection('contests')
      .where({ status: db.command.in(['draft', 'published']) })
      .orderBy('endAt', 'desc')
      .limit(ADMIN_CONTESTS),
  );
}

export interface ContestTotalsRow {
  _id: string;
  participants: number;
  scoreSum: number;
}

/** Participants and score sum per contest over their boards, one aggregate (index contest_sortkey). */
export async function aggregateContestTotals(db: Database, contestIds: string[]): Promise<ContestTotalsRow[]> {
  if (contestIds.length === 0) return [];
  const $ = db.command.aggregate;
  const reply = (await db
    .collection('contest_entries')
    .aggregate()
    .match({ contestId: db.command.in(contestIds), sortKey: db.command.lt(PENDING_SORT_KEY) })
    .group({ _id: '$contestId', participants: $.sum(1), scoreSum: $.sum('$score') })
    .limit(MAX_DOCS_PER_GET)
    .end()) as { list: ContestTotalsRow[] };
  return reply.list;
}

/** Writes `fields` only while the contest is as `expected` says; false when it changed meanwhile. */
export async function updateContestIf(
  db: Database,
  contestId: string,
  expected: Record<string, unknown>,
  fields: Partial<ContestDoc>,
): Promise<boolean> {
  const reply = (await db
    .collection('contests')
    .where({ _id: contestId, ...expected })
    .update({ data: fields })) as { stats: { updated: number } };
  return reply.stats.updated === 1;
}

/** Writes `fields` only while the contest has not opened: still a draft, or published with its start ahead. */
export function updateUnopenedContest(
  db: Database,
  contestId: string,
  status: ContestDoc['status'],
  now: Date,
  fields: Partial<ContestDoc>,
): Promise<boolean> {
  return updateContestIf(db, contestId, status === 'draft' ? { status } : { status, startAt: db.command.gt(now) }, fields);
}

/** Ends an open contest now; false when it was not open any more. */
export function closeContestNow(db: Database, contestId: string, now: Date): Promise<boolean> {
  const _ = db.command;
  return updateContestIf(
    db,
    contestId,
    { status: 'published', startAt: _.lte(now), endAt: _.gt(now) },
    { endAt: now, closedEarly: true, updatedAt: now },
  );
}

/** Running attempts end when the contest is closed early (none is extended: only later deadlines move). */
export async function cutOpenAttempts(db: Database, contestId: string, at: Date): Promise<void> {
  await db
    .collection('attempts')
    .where({ contestId, status: 'open', deadline: db.command.gt(at) })
    .update({ data: { deadline: at, questionDeadline: at } });
}

/** One page of a contest's attempts, newest first (index contest_started). */
export function listContestAttemptsPage(db: Database, contestId: string, offset: number, limit: number): Promise<AttemptDoc[]> {
  return fetchList<AttemptDoc>(db.collection('attempts').where({ contestId }).orderBy('startedAt', 'desc').skip(offset).limit(limit));
}

/**
 * Answer signatures two or more members of the contest share: identical answer sequences. One
 * aggregate over the contest's attempts (index prefix contestId), run when an organiser asks.
 */
export async function findSharedSignatures(db: Database, contestId: string): Promise<Set<string>> {
  const $ = db.command.aggregate;
  const reply = (await db
    .collection('attempts')
    .aggregate()
    .match({ contestId })
    .group({ _id: '$answerSignature', members: $.addToSet('$memberId') })
    .project({ memberCount: $.size('$members') })
    .match({ memberCount: db.command.gt(1) })
    .limit(MAX_DOCS_PER_GET)
    .end()) as { list: { _id: string | null }[] };
  return new Set(reply.list.flatMap((row) => (typeof row._id === 'string' ? [row._id] : [])));
}

export interface MemberAttemptsRow {
  _id: string;
  attempts: number;
  switches: number;
  flags: string[][];
  signatures: string[];
}

/** Per member of a contest: attempts, 切屏 in all of them, their flags and answer signatures. */
export async function aggregateMemberAttempts(db: Database, contestId: string): Promise<MemberAttemptsRow[]> {
  const $ = db.command.aggregate;
  const reply = (await db
    .collection('attempts')
    .aggregate()
    .match({ contestId })
    .group({
      _id: '$memberId',
      attempts: $.sum(1),
      switches: $.sum('$switchCount'),
      flags: $.push('$flags'),
      signatures: $.addToSet('$answerSignature'),
    })
    .limit(MAX_EXPORT_MEMBERS)
    .end()) as { list: MemberAttemptsRow[] };
  return reply.list;
}

/** An export lists at most this many members; more is reported as truncated. */
export const MAX_EXPORT_MEMBERS = 10_000;

/** The contest's board entries in board order (members who never submitted last), up to `max`. */
export function listContestEntries(db: Database, contestId: string, max: number): Promise<ContestEntryDoc[]> {
  return fetchAllPages<ContestEntryDoc>(db.collection('contest_entries').where({ contestId }).orderBy('sortKey', 'asc'), max);
}

export interface QuestionTallyRow {
  _id: string;
  asked: number;
  correct: number;
}

/** Per question: how often it was in a submitted attempt and answered right (attempts store correctIds). */
export async function tallyQuestions(db: Database, contestId: string): Promise<{ attempts: number; rows: QuestionTallyRow[] }> {
  const $ = db.command.aggregate;
  const [counted, tallied] = await Promise.all([
    db.collection('attempts').where({ contestId, status: 'submitted' }).count() as Promise<{ total: number }>,
    db
      .collection('attempts')
      .aggregate()
      .match({ contestId, status: 'submitted' })
      .project({ ids: '$key.id', correctIds: $.ifNull(['$correctIds', []]) })
      .unwind('$ids')
      .group({ _id: '$ids', asked: $.sum(1), correct: $.sum($.cond([$.in(['$ids', '$correctIds']), 1, 0])) })
      .limit(MAX_DOCS_PER_GET)
      .end() as Promise<{ list: QuestionTallyRow[] }>,
  ]);
  return { attempts: counted.total, rows: tallied.list };
}
