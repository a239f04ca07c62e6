import {
  practiceDayId,
  type PracticeDayDoc,
  type PracticeMemberDoc,
  type PracticeMistakeEntry,
  type QuestionDoc,
} from '../../../server/documents';
import { fetchById, fetchList, type Database } from '../../../server/kernel/db';
import { isDuplicateKeyError } from '../../../server/kernel/sdk-errors';

/** The only code of 每日一练 that touches the database. Every read is by `_id` or an index prefix. */

export function findPracticeDay(db: Database, memberId: string, day: string): Promise<PracticeDayDoc | null> {
  return fetchById<PracticeDayDoc>(db.collection('practice_days'), practiceDayId(memberId, day));
}

export function findPracticeMember(db: Database, memberId: string): Promise<PracticeMemberDoc | null> {
  return fetchById<PracticeMemberDoc>(db.collection('practice_members'), memberId);
}

export function listQuestionsByIds(db: Database, ids: readonly string[]): Promise<QuestionDoc[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return fetchList<QuestionDoc>(
    db
      .collection('questions')
      .where({ _id: db.command.in([...ids]) })
      .limit(ids.length),
  );
}

/** Inserts the day's set under its fixed id; false when a concurrent `today` already stored one. */
export async function insertPracticeDay(db: Database, doc: PracticeDayDoc): Promise<boolean> {
  const { _id, ...fields } = doc;
  try {
    await db.collection('practice_days').add({ data: { _id, ...fields } });
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}

/** Moves today's open set to submitted; false when another submit got there first. */
export async function closePracticeDay(db: Database, id: string, fields: Partial<PracticeDayDoc>): Promise<boolean> {
  const reply = (await db.collection('practice_days').where({ _id: id, status: 'open' }).update({ data: fields })) as {
    stats: { updated: number };
  };
  return reply.stats.updated === 1;
}

/** Creates the member's practice document; false when it already exists. */
export async function insertPracticeMember(db: Database, doc: PracticeMemberDoc): Promise<boolean> {
  const { _id, ...fields } = doc;
  try {
    await db.collection('practice_members').add({ data: { _id, ...fields } });
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}

/** A day's effect on the notebook: its wrong answers (re)entered, and the entries pushed over the cap. */
export interface NotebookChange {
  wrongIds: readonly string[];
  wrongAt: Date;
  droppedIds: readonly string[];
}

/**
 * Compare-and-set on `lastDay`: applies a day's counted result (standing fields and notebook
 * change) only if no other day was counted since the document was read. False means it was (or
 * this very day was, by an earlier try). Ids must be path-safe: they become field paths.
 */
export async function recordCountedDay(
  db: Database,
  memberId: string,
  expectedLastDay: string,
  counted: Partial<PracticeMemberDoc>,
  notebook: NotebookChange,
): Promise<boolean> {
  const data = { ...counted, ...notebookUpdate(db, notebook, 'practice') };
  const reply = (await db.collection('practice_members').where({ _id: memberId, lastDay: expectedLastDay }).update({ data })) as {
    stats: { updated: number };
  };
  return reply.stats.updated === 1;
}

/** The field updates of a notebook change: wrong answers (re)entered by field path, overflow removed. */
function notebookUpdate(db: Database, notebook: NotebookChange, source: PracticeMistakeEntry['source']): Record<string, unknown> {
  const _ = db.command;
  const data: Record<string, unknown> = {};
  for (const id of notebook.wrongIds) {
    data[`mistakes.${id}.wrongCount`] = _.inc(1);
    data[`mistakes.${id}.lastWrongAt`] = notebook.wrongAt;
    data[`mistakes.${id}.source`] = source;
  }
  for (const id of notebook.droppedIds) data[`mistakes.${id}`] = _.remove();
  return data;
}

/** A contest's wrong answers into an existing member document; atomic per entry, so no guard is needed. */
export async function recordContestMistakes(db: Database, memberId: string, notebook: NotebookChange, at: Date): Promise<void> {
  await db
    .collection('practice_members')
    .doc(memberId)
    .update({ data: { ...notebookUpdate(db, notebook, 'contest'), updatedAt: at } });
}

/** Updates one notebook entry only while it is still open; false when it was resolved meanwhile. */
async function updateOpenMistake(db: Database, memberId: string, questionId: string, data: Record<string, unknown>): Promise<boolean> {
  const reply = (await db
    .collection('practice_members')
    .where({ _id: memberId, [`mistakes.${questionId}.wrongCount`]: db.command.gte(1) })
    .update({ data })) as { stats: { updated: number } };
  return reply.stats.updated === 1;
}

/** Takes a notebook entry out as resolved; false when a concurrent retry already did. */
export function resolveMistake(db: Database, memberId: string, questionId: string): Promise<boolean> {
  const _ = db.command;
  return updateOpenMistake(db, memberId, questionId, { [`mistakes.${questionId}`]: _.remove(), resolvedCount: _.inc(1) });
}

/** Counts one more wrong answer on an open notebook entry; false when it was resolved meanwhile. */
export function recordMistakeMiss(db: Database, memberId: string, questionId: string, at: Date): Promise<boolean> {
  return updateOpenMistake(db, memberId, questionId, {
    [`mistakes.${questionId}.wrongCount`]: db.command.inc(1),
    [`mistakes.${questionId}.lastWrongAt`]: at,
  });
}
