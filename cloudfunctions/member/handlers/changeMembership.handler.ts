import type { Role } from '../../../types/labels';
import type { MemberDoc } from '../../../server/documents';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { findOrg } from '../../../server/orgs.repository';
import { assertManagesBranch } from '../../../server/scope';
import { toMemberView } from '../memberView';
import { changeMembership, findMember } from '../repository';

function requireActive(member: MemberDoc): void {
  if (member.status !== 'active') fail('CONFLICT', { message: '该成员不在册' });
}

/** Org admins only (router). Nobody changes their own role, so an org can never lock itself out. */
export async function setRole(input: { memberId: string; role: Role }, ctx: MemberContext) {
  if (input.memberId === ctx.member._id) fail('FORBIDDEN', { message: '不能修改自己的角色' });
  const updated = await changeMembership(
    ctx.db,
    input.memberId,
    requireActive,
    {
      fields: { role: input.role, updatedAt: ctx.now },
      countDeltas: {},
      audit: { at: ctx.now, actorId: ctx.member._id, action: 'member.setRole', detail: { role: input.role } },
    },
    ctx.log,
  );
  return { member: await toMemberView(ctx.db, updated) };
}

/** 组织关系转接: the member moves, both head counts follow, and the move is kept as history. */
export async function transfer(input: { memberId: string; toBranchId: string; reason: string }, ctx: MemberContext) {
  const { db, member: caller, now } = ctx;
  const [target, destination] = await Promise.all([findMember(db, input.memberId), findOrg(db, input.toBranchId)]);
  if (!target) fail('NOT_FOUND');
  assertManagesBranch(caller, target.branchId);
  if (!destination || destination.kind !== 'branch') fail('NOT_FOUND', { field: 'toBranchId', message: '没有这个党支部' });
  if (destination._id === target.branchId) fail('CONFLICT', { message: '已在该党支部' });

  const fromBranchId = target.branchId;
  const updated = await changeMembership(
    db,
    target._id,
    (current) => {
      requireActive(current);
      if (current.branchId !== fromBranchId) fail('CONFLICT');
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
  return { member: await toMemberView(db, updated) };
}

export async function leave(input: { reason?: string }, ctx: MemberContext) {
  await changeMembership(
    ctx.db,
    ctx.member._id,
    requireActive,
    {
      fields: { status: 'left', updatedAt: ctx.now },
      countDeltas: { [ctx.member.branchId]: -1 },
      audit: { at: ctx.now, actorId: ctx.member._id, action: 'member.leave', detail: input.reason === undefined ? {} : { reason: input.reason } },
    },
    ctx.log,
  );
  return { left: true as const };
}
