/** What the progress actions share: which programme a call is about, and which branch a manager may look at. */
import type { BranchStatsDoc, MemberDoc, ProgrammeDoc } from '../../server/documents';
import type { BranchSummary } from '../../types/contracts/stats';
import type { Database } from '../../server/kernel/db';
import { fail } from '../../server/kernel/failure';
import { assertManagesBranch } from '../../server/scope';
import { findCurrentProgramme, findProgramme } from '../../server/stats/progress.repository';

/** The programme asked for (NOT_FOUND if there is none), else the current one (null before any): one read either way. */
export async function programmeFor(db: Database, programmeId: string | undefined, now: Date): Promise<ProgrammeDoc | null> {
  if (programmeId === undefined) return findCurrentProgramme(db, now);
  const programme = await findProgramme(db, programmeId);
  if (programme === null) fail('NOT_FOUND', { field: 'programmeId', message: '方案不存在' });
  return programme;
}

/** The caller's own branch unless another is named; a secretary reaches only their own. */
export function managedBranch(caller: MemberDoc, branchId: string | undefined): string {
  const branch = branchId ?? caller.branchId;
  assertManagesBranch(caller, branch);
  return branch;
}

/** A stored branch summary as the contract shows it, without its storage fields. */
export function toSummary(doc: BranchStatsDoc): BranchSummary {
  const { _id, programmeId, months, updatedAt, ...summary } = doc;
  return summary;
}
