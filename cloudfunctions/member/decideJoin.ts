import type { MemberDoc } from '../../server/documents';
import { fail } from '../../server/kernel/failure';
import type { MemberContext } from '../../server/kernel/router';
import { assertManagesBranch } from '../../server/scope';
import { toMemberView } from './memberView';
import { changeMembership, findMember } from './repository';

type Decision = 'approve' | 'reject';

/**
 * Approval and rejection (one handler each) move a pending member exactly once: the status and the
 * audit record change in one transaction that first re-reads the member, so of two secretaries
 * tapping at the same moment only one counts, and only that one moves the head count. A repeated
 * tap of the same decision is not an error.
 */
export async function decide(decision: Decision, input: { memberId: string; reason?: string }, ctx: MemberContext) {
  const { db, member: caller, now } = ctx;
  const target = await findMember(db, input.memberId);
  if (!target) fail('NOT_FOUND');
  assertManagesBranch(caller, target.branchId);

  const status = decision === 'approve' ? 'active' : 'rejected';
  const fields: Partial<MemberDoc> & { status: typeof status } =
    decision === 'approve' ? { status, joinedAt: now, updatedAt: now } : { status, updatedAt: now };
  const decided = await changeMembership(
    db,
    target._id,
    (current) => {
      if (current.status === status) return false;
      if (current.status !== 'pending' || current.branchId !== target.branchId) fail('CONFLICT', { message: '该申请已被处理' });
      return true;
    },
    {
      fields,
      countDeltas: decision === 'approve' ? { [target.branchId]: 1 } : {},
      audit: {
        at: now,
        actorId: caller._id,
        action: decision === 'approve' ? 'member.approveJoin' : 'member.rejectJoin',
        detail: input.reason === undefined ? { branchId: target.branchId } : { branchId: target.branchId, reason: input.reason },
      },
    },
    ctx.log,
  );
  return { member: await toMemberView(db, decided) };
}
