/**
 * 台账 exports' progress (`export_jobs`, `_id` = the app's job id), read by exportStatus while
 * exportLedger builds; and the members' progress the 台账 lists, only the fields its sheets show.
 */
import type { ExportJobDoc, ProgressDoc } from '../../server/documents';
import { fetchAllPages, fetchById, type Database } from '../../server/kernel/db';
import { isDuplicateKeyError } from '../../server/kernel/sdk-errors';

const EXPORT_JOBS = 'export_jobs';
/** As server/stats/progress.repository.ts reads a branch: no branch holds more. */
const MAX_BRANCH_DOCS = 200_000;

/** What a branch sheet shows of a member's progress (ledgerSheets.ts memberRow). */
export const LEDGER_MEMBER_FIELDS = [
  'name',
  'items',
  'doneCount',
  'studyHours',
  'points',
  'checkins',
  'approvedWorks',
  'awards',
  'noShows',
  'quizBest',
] as const satisfies readonly (keyof ProgressDoc)[];
export type LedgerMember = Pick<ProgressDoc, (typeof LEDGER_MEMBER_FIELDS)[number]>;

/**
 * A branch's members' progress for its sheet (index programme_branch_done), without what the sheet
 * does not show (the points ledger, pending reports): far fewer bytes to read and copy at 300,000 members.
 */
export function listLedgerMembers(db: Database, programmeId: string, branchId: string): Promise<LedgerMember[]> {
  return fetchAllPages<LedgerMember>(
    db
      .collection('programme_progress')
      .where({ programmeId, branchId })
      .field(Object.fromEntries(LEDGER_MEMBER_FIELDS.map((name) => [name, true]))),
    MAX_BRANCH_DOCS,
  );
}

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
