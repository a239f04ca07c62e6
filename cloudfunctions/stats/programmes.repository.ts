/** Programmes (学习活动方案) in the database: a handful a year, read by `_id` or a page at a time by their start. */
import { currentProgramme } from '../../core/stats/rules';
import type { ProgrammeDoc } from '../../server/documents';
import { addWithShortId, fetchById, fetchList, wholeObjectWrites, type Database } from '../../server/kernel/db';

export const PROGRAMMES = 'programmes';
const PROGRAMME_ID_LENGTH = 12;
/** More programmes than overlap in any year: the current one is among the latest this many by start. */
const RECENT_PROGRAMMES = 20;

export function findProgramme(db: Database, id: string): Promise<ProgrammeDoc | null> {
  return fetchById<ProgrammeDoc>(db.collection(PROGRAMMES), id);
}

/** The current programme (core/stats/rules.ts, currentProgramme) in one read of the latest few by start (index starts_ends). */
export async function findCurrentProgramme(db: Database, now: Date): Promise<ProgrammeDoc | null> {
  const recent = await fetchList<ProgrammeDoc>(db.collection(PROGRAMMES).orderBy('startsAt', 'desc').limit(RECENT_PROGRAMMES));
  return currentProgramme(recent, now);
}

/** A page of programmes, latest start first; `runningAt` keeps only those whose window contains it (index starts_ends). */
export function listProgrammes(db: Database, runningAt: Date | null, page: { offset: number; limit: number }): Promise<ProgrammeDoc[]> {
  const _ = db.command;
  const collection = db.collection(PROGRAMMES);
  const query = runningAt === null ? collection : collection.where({ startsAt: _.lte(runningAt), endsAt: _.gt(runningAt) });
  return fetchList<ProgrammeDoc>(query.orderBy('startsAt', 'desc').skip(page.offset).limit(page.limit));
}

export function insertProgramme(db: Database, fields: Omit<ProgrammeDoc, '_id'>): Promise<ProgrammeDoc> {
  return addWithShortId(db.collection(PROGRAMMES), PROGRAMME_ID_LENGTH, fields);
}

/** Rewrites a programme's draft fields whole (items, quotas and points replace the stored ones rather than merge into them). */
export async function replaceProgramme(db: Database, id: string, fields: Omit<ProgrammeDoc, '_id' | 'createdAt'>): Promise<void> {
  await db
    .collection(PROGRAMMES)
    .doc(id)
    .update({ data: wholeObjectWrites({ ...fields }, db.command) });
}
