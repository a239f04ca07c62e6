/**
 * Members' self-reports (自报, `self_reports`): one per member per item at a time, held by the unique
 * `slot` (server/documents.ts, SelfReportDoc); the secretary's decision in a transaction with its audit record.
 */
import type { AuditDoc } from '../../server/audit';
import type { SelfReportDoc } from '../../server/documents';
import { fetchList, type Database } from '../../server/kernel/db';
import type { Logger } from '../../server/kernel/log';
import { isDuplicateKeyError } from '../../server/kernel/sdk-errors';
import { inTransaction } from '../../server/kernel/transaction';

export const SELF_REPORTS = 'self_reports';

/** Adds the report; false when the member already holds the item's slot (a report pending or confirmed). */
export async function insertReport(db: Database, report: SelfReportDoc): Promise<boolean> {
  try {
    await db.collection(SELF_REPORTS).add({ data: { ...report } });
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}

/** Pending reports, oldest first: one branch's (index status_branch_reported) or every branch's (status_reported). */
export function listPendingReports(
  db: Database,
  branchId: string | null,
  page: { offset: number; limit: number },
): Promise<SelfReportDoc[]> {
  const filter = branchId === null ? { status: 'pending' } : { status: 'pending', branchId };
  return fetchList<SelfReportDoc>(
    db.collection(SELF_REPORTS).where(filter).orderBy('reportedAt', 'asc').skip(page.offset).limit(page.limit),
  );
}

export interface ReportDecision {
  changes: Pick<SelfReportDoc, 'status' | 'slot' | 'decidedAt' | 'decidedBy' | 'reason'>;
  audit: Omit<AuditDoc, '_id'>;
}

/**
 * Settles a report against the report as it stands: `decide` sees it and may refuse (it throws),
 * so of two secretaries deciding at once one decision stands and the other is refused. The change
 * and its audit record commit together. Null when there is no such report.
 */
export function decideReport(
  db: Database,
  id: string,
  decide: (report: SelfReportDoc) => ReportDecision,
  log: Logger,
): Promise<SelfReportDoc | null> {
  return inTransaction(
    db,
    async (session) => {
      const report = await session.get<SelfReportDoc>(SELF_REPORTS, id);
      if (report === null) return null;
      const { changes, audit } = decide(report);
      await session.update(SELF_REPORTS, id, { ...changes });
      await session.add('audit_logs', { ...audit });
      return { ...report, ...changes };
    },
    { log },
  );
}
