/** 台账 exports' progress (`export_jobs`, `_id` = the app's job id), read by exportStatus while exportLedger builds. */
import type { ExportJobDoc } from '../../server/documents';
import { fetchById, type Database } from '../../server/kernel/db';
import { isDuplicateKeyError } from '../../server/kernel/sdk-errors';

const EXPORT_JOBS = 'export_jobs';

/** Adds the job; false when the id is taken (the same export asked for twice). */
export async function startJob(db: Database, job: ExportJobDoc): Promise<boolean> {
  try {
    await db.collection(EXPORT_JOBS).add({ data: { ...job } });
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}

export async function updateJob(db: Database, id: string, changes: Partial<Omit<ExportJobDoc, '_id'>>): Promise<void> {
  await db
    .collection(EXPORT_JOBS)
    .doc(id)
    .update({ data: { ...changes } });
}

export function findJob(db: Database, id: string): Promise<ExportJobDoc | null> {
  return fetchById<ExportJobDoc>(db.collection(EXPORT_JOBS), id);
}
