import type { MemberDoc } from '../../../server/documents';
import { recordAudit } from '../../../server/audit';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { assertManagesBranch } from '../../../server/scope';
import { toMemberView } from '../memberView';
import { adjustActiveMemberCount, findMember, transitionMember } from '../repository';

type Decision = 'approve' | 'reject';

/**
 * Approval and rejection move a pending member exactly once: the status change is conditional on
 * 'pending', so of two secretaries tapping at the same moment only one counts (and bumps the count).
 */
async function decide(decision: Decision, input: { memberId: string; reason?: string }, ctx: MemberContext) {
  const { db, member: caller, now } = ctx;
  const target = await findMember(db, input.memberId);
  if (!target) fail('NOT_FOUND');
  assertManagesBranch(caller, target.branchId);

  const status = decision === 'approve' ? 'active' : 'rejected';
  const fields: Partial<MemberDoc> & { status: typeof status } =
    decision === 'approve' ? { status, joinedAt: now, updatedAt: now } : { status, updatedAt: now };
  const moved = await transitionMember(db, target._id, 'pending', fields);
  if (!moved) {
    // Already decided the same way: a repeated tap is not an error. A different decision is.
    if (target.status === status) return { member: await toMemberView(db, target) };
    fail('CONFLICT', { message: '该申请已被处理' });
  }
  if (decision === 'approve') await adjustActiveMemberCount(db, target.branchId, 1);
  await recordAudit(db, {
    at: now,
    actorId: caller._id,
    action: decision === 'approve' ? 'member.approveJoin' : 'member.rejectJoin',
    targetId: target._id,
    detail: input.reason === undefined ? { branchId: target.branchId } : { branchId: target.branchId, reason: input.reason },
  });
  return { member: await toMemberView(db, { ...target, ...fields }) };
}

export const approveJoin = (input: { memberId: string }, ctx: MemberContext) => decide('approve', input, ctx);
export const rejectJoin = (input: { memberId: string; reason?: string }, ctx: MemberContext) => decide('reject', input, ctx);
