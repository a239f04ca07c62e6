/**
 * Programmes (学习活动方案) as the programme actions page and write them: a handful a year. Reading one
 * by `_id` and finding the current one live in server/stats/progress.repository.ts, which `cron` shares.
 */
import type { ProgrammeDoc } from '../../server/documents';
import { addWithShortId, fetchList, wholeObjectWrites, type Database } from '../../server/kernel/db';
import { PROGRAMMES } from '../../server/stats/progress.repository';

const PROGRAMME_ID_LENGTH = 12;

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
