import type { ActionOutput, ParsedInput } from '../../../types/contracts';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { decideReport } from '../reports.repository';

/**
 * The secretary of the member's branch (or an org admin) confirms a self-report, which then counts
 * as the item's evidence on the aggregator's next run (it reads reports by decision time), or
 * declines it with a reason, which frees the item for another report. A decision is final; it and
 * its audit record commit in one transaction. DB requests: the caller and the transaction.
 */
export async function confirmReport(
  input: ParsedInput<'stats', 'confirmReport'>,
  ctx: MemberContext,
): Promise<ActionOutput<'stats', 'confirmReport'>> {
  const { db, member, now, log } = ctx;
  const status = input.accept ? 'confirmed' : 'declined';
  const decided = await decideReport(
    db,
    input.id,
    (report) => {
      if (member.role !== 'org_admin' && member.branchId !== report.branchId) fail('FORBIDDEN', { message: '只能确认本支部党员的自报' });
      if (report.status !== 'pending') fail('CONFLICT', { message: '该自报已处理' });
      return {
        // A declined report gives up the item's slot (its own id is unique), so the member may report again.
        changes: { status, slot: input.accept ? report.slot : report._id, decidedAt: now, decidedBy: member._id, reason: input.reason },
        audit: {
          at: now,
          actorId: member._id,
          action: 'stats.confirmReport',
          targetId: report._id,
          detail: { memberId: report.memberId, item: report.item, status, reason: input.reason },
        },
      };
    },
    log,
  );
  if (decided === null) fail('NOT_FOUND', { field: 'id', message: '自报不存在' });
  return { status };
}
