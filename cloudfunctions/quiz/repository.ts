import {
  PENDING_SORT_KEY,
  type AttemptDoc,
  type BranchBoardDoc,
  type ContestDoc,
  type ContestDrawRule,
  type ContestEntryDoc,
  type QuestionDoc,
} from '../../server/documents';
import type { PoolQuestion } from '../../core/quiz';
import { ATTEMPT_LEDGER_COLLECTION, type AttemptLedgerDoc } from '../../server/attemptLedger';
import { QUESTION_CATEGORIES } from '../../types/question';
import { countOf, fetchById, fetchList, fetchOne, MAX_DOCS_PER_GET, type Database } from '../../server/kernel/db';

/** Few contests run at once, so one page of the soonest-ending covers every open and upcoming one. */
const CONTESTS_PER_LIST = 50;

export function listContestsEndingAfter(db: Database, now: Date): Promise<ContestDoc[]> {
  return fetchList<ContestDoc>(
    db
      .collection('contests')
      .where({ status: 'published', endAt: db.command.gt(now) })
      .orderBy('endAt', 'asc')
      .limit(CONTESTS_PER_LIST),
  );
}

export function listContestsEndedBy(db: Database, now: Date): Promise<ContestDoc[]> {
  return fetchList<ContestDoc>(
    db
      .collection('contests')
      .where({ status: 'published', endAt: db.command.lte(now) })
      .orderBy('endAt', 'desc')
      .limit(CONTESTS_PER_LIST),
  );
}

export function findContest(db: Database, contestId: string): Promise<ContestDoc | null> {
  return fetchById<ContestDoc>(db.collection('contests'), contestId);
}

/**
 * Fixes the pool of a contest stored before pools existed, unless a concurrent start fixed one
 * first (false: read the contest again and use that one).
 */
export async function fixContestPool(db: Database, contestId: string, pool: PoolQuestion[]): Promise<boolean> {
  const reply = (await db.collection('contests').where({ _id: contestId, pool: null }).update({ data: { pool } })) as {
    stats: { updated: number };
  };
  return reply.stats.updated === 1;
}

/** Attempts the caller used under member records they deleted (server/attemptLedger.ts). */
export function findAttemptLedger(db: Database, ledgerId: string): Promise<AttemptLedgerDoc | null> {
  return fetchById<AttemptLedgerDoc>(db.collection(ATTEMPT_LEDGER_COLLECTION), ledgerId);
}

export function listAttemptLedgers(db: Database, ledgerIds: string[]): Promise<AttemptLedgerDoc[]> {
  return fetchList<AttemptLedgerDoc>(
    db
      .collection(ATTEMPT_LEDGER_COLLECTION)
      .where({ _id: db.command.in(ledgerIds) })
      .limit(MAX_DOCS_PER_GET),
  );
}

export function listQuestionsByIds(db: Database, ids: string[]): Promise<QuestionDoc[]> {
  return fetchList<QuestionDoc>(
    db
      .collection('questions')
      .where({ _id: db.command.in(ids) })
      .limit(MAX_DOCS_PER_GET),
  );
}

export function findLatestAttempt(db: Database, contestId: string, memberId: string): Promise<AttemptDoc | null> {
  return fetchOne<AttemptDoc>(db.collection('attempts').where({ contestId, memberId }).orderBy('attemptNo', 'desc'));
}

export function findAttempt(db: Database, attemptId: string): Promise<AttemptDoc | null> {
  return fetchById<AttemptDoc>(db.collection('attempts'), attemptId);
}

/** Inserts a new attempt; the unique (contestId, memberId, attemptNo) index refuses a concurrent twin. */
export async function insertAttempt(db: Database, attempt: Omit<AttemptDoc, '_id'>): Promise<string> {
  const added = (await db.collection('attempts').add({ data: attempt })) as { _id: string };
  return added._id;
}

/**
 * Updates an open attempt (closing it, or recording a 逐题限时 answer) only while it is open and in
 * the state `onlyIf` names; false when another request changed it first.
 */
export async function closeOpenAttempt(
  db: Database,
  attemptId: string,
  fields: Partial<AttemptDoc> | Record<string, unknown>,
  onlyIf: Partial<Pick<AttemptDoc, 'released'>> = {},
): Promise<boolean> {
  const reply = (await db
    .collection('attempts')
    .where({ _id: attemptId, status: 'open', ...onlyIf })
    .update({ data: fields })) as {
    stats: { updated: number };
  };
  return reply.stats.updated === 1;
}

/**
 * Counts one 切屏 on an open attempt with an atomic inc, only while the count is still `seen`, so
 * the caller knows the exact count it made; false when another report (or the hand-in) came first.
 */
export async function countSwitch(db: Database, attemptId: string, seen: number): Promise<boolean> {
  const reply = (await db
    .collection('attempts')
    .where({ _id: attemptId, status: 'open', switchCount: seen })
    .update({ data: { switchCount: db.command.inc(1) } })) as { stats: { updated: number } };
  return reply.stats.updated === 1;
}

/** Claims the one feed of an attempt's wrong answers into the 错题本; false when it was fed already. */
export async function markMistakesFed(db: Database, attemptId: string): Promise<boolean> {
  const reply = (await db
    .collection('attempts')
    .where({ _id: attemptId, mistakesFed: null })
    .update({ data: { mistakesFed: true } })) as {
    stats: { updated: number };
  };
  return reply.stats.updated === 1;
}

export async function createPendingEntry(db: Database, entry: ContestEntryDoc): Promise<void> {
  const { _id, ...fields } = entry;
  await db.collection('contest_entries').doc(_id).set({ data: fields });
}

type Standing = Pick<ContestEntryDoc, 'sortKey' | 'score' | 'durationMs' | 'submittedAt' | 'attemptId'>;

/**
 * Puts an attempt on the board in one conditional write: with `best`, only if it beats what stands
 * (a smaller key); with `latest`, only if it was submitted later. Safe to repeat.
 */
export async function applyToEntry(
  db: Database,
  id: string,
  standing: Standing & { submittedAt: Date },
  counts: 'best' | 'latest',
): Promise<void> {
  const _ = db.command;
  const condition =
    counts === 'best'
      ? { _id: id, sortKey: _.gt(standing.sortKey) }
      : _.or([
          { _id: id, submittedAt: null },
          { _id: id, submittedAt: _.lt(standing.submittedAt) },
        ]);
  await db.collection('contest_entries').where(condition).update({ data: standing });
}

export function findEntry(db: Database, id: string): Promise<ContestEntryDoc | null> {
  return fetchById<ContestEntryDoc>(db.collection('contest_entries'), id);
}

/** One page of the board in order (index contest_sortkey), strictly after `afterKey`. */
export function listBoardPage(db: Database, contestId: string, afterKey: string | null, limit: number): Promise<ContestEntryDoc[]> {
  const _ = db.command;
  const sortKey = afterKey === null ? _.lt(PENDING_SORT_KEY) : _.and(_.gt(afterKey), _.lt(PENDING_SORT_KEY));
  return fetchList<ContestEntryDoc>(db.collection('contest_entries').where({ contestId, sortKey }).orderBy('sortKey', 'asc').limit(limit));
}

/** How many stand strictly ahead of `sortKey`: rank − 1, with one indexed count. */
export function countAhead(db: Database, contestId: string, sortKey: string): Promise<number> {
  return countOf(db.collection('contest_entries').where({ contestId, sortKey: db.command.lt(sortKey) }));
}

/** The caller's attempts in the listed contests, one indexed read (contest_member_no_unique, $in on the prefix). */
export function listMemberAttempts(db: Database, memberId: string, contestIds: string[]): Promise<AttemptDoc[]> {
  return fetchList<AttemptDoc>(
    db
      .collection('attempts')
      .where({ contestId: db.command.in(contestIds), memberId })
      .limit(MAX_DOCS_PER_GET),
  );
}

export function listEntriesByIds(db: Database, ids: string[]): Promise<ContestEntryDoc[]> {
  return fetchList<ContestEntryDoc>(
    db
      .collection('contest_entries')
      .where({ _id: db.command.in(ids) })
      .limit(MAX_DOCS_PER_GET),
  );
}

/** A bank this size is far beyond any real one; `$sample` of this many is a random order of every candidate. */
const MAX_BANK_QUESTIONS = 20_000;
/** Signatures are a function of (category, difficulty), so there are never more groups than these pairs. */
const MAX_DRAW_CLASSES = QUESTION_CATEGORIES.length * 3;

/** The questions one rule can use: one equality prefix of index category_difficulty (a rule without a category lists them all). */
function ruleFilter(db: Database, rule: ContestDrawRule): Record<string, unknown> {
  return {
    category: rule.category ?? db.command.in([...QUESTION_CATEGORIES]),
    ...(rule.difficulty === undefined ? {} : { difficulty: rule.difficulty }),
  };
}

/** The same test as a pipeline expression, for grouping by signature (core's ruleSignature). */
function ruleExpression(db: Database, rule: ContestDrawRule): unknown {
  const $ = db.command.aggregate;
  const category = rule.category === undefined ? $.in(['$category', [...QUESTION_CATEGORIES]]) : $.eq(['$category', rule.category]);
  return rule.difficulty === undefined ? category : $.and([category, $.eq(['$difficulty', rule.difficulty])]);
}

/** What a draw hands on of each question: what `start` snapshots and 每日一练 stores with the day. */
export type DrawnQuestion = Pick<QuestionDoc, '_id' | 'type' | 'stem' | 'options' | 'answer' | 'explanation' | 'category' | 'difficulty'>;

export interface DrawClassRow {
  /** `r<index>`: whether rule <index> can use the group's questions. */
  _id: Record<string, boolean>;
  size: number;
  questions: DrawnQuestion[];
}

/**
 * A fair draw's one request, however large the bank: the questions some rule can use (an indexed
 * match per rule), put in random order by `$sample`, grouped by which rules each can serve, and
 * each group cut to the most a draw could take from it (the counts of the rules it serves) —
 * with every group's full size, which the draw needs to weigh the groups (core's drawFromSample).
 */
export async function sampleDrawClasses(db: Database, rules: readonly ContestDrawRule[]): Promise<DrawClassRow[]> {
  const _ = db.command;
  const $ = _.aggregate;
  const filters = [...new Map(rules.map((rule) => ruleFilter(db, rule)).map((filter) => [JSON.stringify(filter), filter])).values()];
  const signature = Object.fromEntries(rules.map((rule, index) => [`r${index}`, ruleExpression(db, rule)]));
  const cap = $.add(rules.map((rule, index) => $.cond([`$_id.r${index}`, rule.count, 0])));
  const reply = (await db
    .collection('questions')
    .aggregate()
    .match(filters.length === 1 ? filters[0]! : _.or(filters))
    .sample({ size: MAX_BANK_QUESTIONS })
    .group({
      _id: signature,
      size: $.sum(1),
      questions: $.push({
        _id: '$_id',
        type: '$type',
        stem: '$stem',
        options: '$options',
        answer: '$answer',
        explanation: '$explanation',
        category: '$category',
        difficulty: '$difficulty',
      }),
    })
    .project({ size: 1, questions: $.slice(['$questions', cap]) })
    .limit(MAX_DRAW_CLASSES)
    .end()) as { list: DrawClassRow[] };
  return reply.list;
}

export async function insertContest(db: Database, contest: Omit<ContestDoc, '_id'>): Promise<string> {
  const added = (await db.collection('contests').add({ data: contest })) as { _id: string };
  return added._id;
}

export function listBankPage(db: Database, category: string | undefined, offset: number, limit: number): Promise<QuestionDoc[]> {
  // stemKey is unique, so the order is total and pages never overlap (index stem_unique / category_stem).
  const query = category === undefined ? db.collection('questions') : db.collection('questions').where({ category });
  return fetchList<QuestionDoc>(query.orderBy('stemKey', 'asc').skip(offset).limit(limit));
}

/** A get's `$in` list stays well inside the server's per-request limits. */
const IN_CHUNK = 500;
const INSERT_CHUNK = 100;

export async function findExistingStemKeys(db: Database, stemKeys: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let start = 0; start < stemKeys.length; start += IN_CHUNK) {
    const chunk = stemKeys.slice(start, start + IN_CHUNK);
    const rows = await fetchList<Pick<QuestionDoc, 'stemKey'>>(
      db
        .collection('questions')
        .where({ stemKey: db.command.in(chunk) })
        .field({ stemKey: true })
        .limit(MAX_DOCS_PER_GET),
    );
    rows.forEach((row) => found.add(row.stemKey));
  }
  return found;
}

type ImportedQuestion = Omit<QuestionDoc, '_id'> & { importId: string };

/**
 * Inserts in batches; if any batch fails, removes what this import already wrote, so an import
 * lands whole or not at all.
 */
export async function insertQuestionsAtomically(db: Database, questions: ImportedQuestion[], importId: string): Promise<void> {
  try {
    for (let start = 0; start < questions.length; start += INSERT_CHUNK) {
      await db.collection('questions').add({ data: questions.slice(start, start + INSERT_CHUNK) });
    }
  } catch (error) {
    await db.collection('questions').where({ importId }).remove();
    throw error;
  }
}

export interface BranchTotalsRow {
  _id: string;
  participants: number;
  scoreSum: number;
}

/** Participants and score sum per branch over the contest's board — the one O(participants) read, run at most once a minute. */
export async function aggregateBranchTotals(db: Database, contestId: string): Promise<BranchTotalsRow[]> {
  const $ = db.command.aggregate;
  const reply = (await db
    .collection('contest_entries')
    .aggregate()
    .match({ contestId, sortKey: db.command.lt(PENDING_SORT_KEY) })
    .group({ _id: '$branchId', participants: $.sum(1), scoreSum: $.sum('$score') })
    .limit(MAX_DOCS_PER_GET)
    .end()) as { list: BranchTotalsRow[] };
  return reply.list;
}

export function findBranchBoard(db: Database, contestId: string): Promise<BranchBoardDoc | null> {
  return fetchById<BranchBoardDoc>(db.collection('contest_branch_boards'), contestId);
}

export async function saveBranchBoard(db: Database, board: BranchBoardDoc): Promise<void> {
  const { _id, ...fields } = board;
  await db.collection('contest_branch_boards').doc(_id).set({ data: fields });
}
