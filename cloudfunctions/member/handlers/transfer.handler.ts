import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { findOrg } from '../../../server/orgs.repository';
import { assertManagesMember, requireActive } from '../memberRules';
import { toMemberView } from '../memberView';
import { changeMembership, findMember } from '../repository';
import { markBranchesDirty } from '../statsMarkers';

/** 组织关系转接: the member moves, both head counts follow, the move is kept as history and both branches' statistics are rebuilt. */
export async function transfer(input: { memberId: string; toBranchId: string; reason: string }, ctx: MemberContext) {
  const { db, member: caller, now } = ctx;
  const [target, destination] = await Promise.all([findMember(db, input.memberId), findOrg(db, input.toBranchId)]);
  if (!target) fail('NOT_FOUND');
  assertManagesMember(caller, target);
  if (!destination || destination.kind !== 'branch') fail('NOT_FOUND', { field: 'toBranchId', message: '没有这个党支部' });
  if (destination._id === target.branchId) fail('CONFLICT', { message: '已在该党支部' });

  const fromBranchId = target.branchId;
  const updated = await changeMembership(
    db,
    target._id,
    (current) => {
      requireActive(current);
      if (current.branchId !== fromBranchId) fail('CONFLICT');
      // Made an org admin since it was read: still not a secretary's to move.
      assertManagesMember(caller, current);
    },
    {
      // A secretary moving to another branch stops being that branch's secretary.
      fields: { branchId: destination._id, updatedAt: now, ...(target.role === 'secretary' ? { role: 'member' as const } : {}) },
      countDeltas: { [fromBranchId]: -1, [destination._id]: 1 },
      transfer: { memberId: target._id, fromBranchId, toBranchId: destination._id, reason: input.reason, by: caller._id, at: now },
      audit: {
        at: now,
        actorId: caller._id,
        action: 'member.transfer',
        detail: { fromBranchId, toBranchId: destination._id, reason: input.reason },
      },
    },
    ctx.log,
  );
  // The member's events now count for the destination: both branches' statistics are rebuilt.
  await markBranchesDirty(db, [fromBranchId, destination._id], now, ctx.log);
  return { member: await toMemberView(db, updated) };
}
