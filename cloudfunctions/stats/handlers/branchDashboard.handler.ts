import { monthRows } from '../../../core/stats/months';
import type { ActionOutput, ParsedInput } from '../../../types/contracts';
import { branchStatsId } from '../../../server/documents';
import type { MemberContext } from '../../../server/kernel/router';
import { findBranchStats } from '../../../server/stats/progress.repository';
import { toProgrammeView } from '../programmeView';
import { managedBranch, programmeFor, toSummary } from '../progressScope';

/**
 * A branch's summary and its months as the aggregator last built them (a secretary: their own
 * branch; an org admin: any). DB requests: the caller, the programme, the branch's document.
 */
export async function branchDashboard(
  input: ParsedInput<'stats', 'branchDashboard'>,
  ctx: MemberContext,
): Promise<ActionOutput<'stats', 'branchDashboard'>> {
  const { db, member, now } = ctx;
  const branchId = managedBranch(member, input.branchId);
  const programme = await programmeFor(db, input.programmeId, now);
  if (programme === null) return { programme: null, summary: null, months: [], asOf: null };
  const stats = await findBranchStats(db, branchStatsId(programme._id, branchId));
  return {
    programme: toProgrammeView(programme, now),
    summary: stats ? toSummary(stats) : null,
    months: stats ? monthRows(stats.months) : [],
    asOf: stats?.updatedAt.toISOString() ?? null,
  };
}
