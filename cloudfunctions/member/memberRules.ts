import type { MemberDoc } from '../../server/documents';
import { fail } from '../../server/kernel/failure';
import { assertManagesBranch } from '../../server/scope';

/** Role changes, transfers and leaving apply to members on the roll only. */
export function requireActive(member: MemberDoc): void {
  if (member.status !== 'active') fail('CONFLICT', { message: '该成员不在册' });
}

/**
 * A secretary acts on the members of their own branch, except the org admins who belong to it:
 * only an org admin acts on an org admin, so a branch can never move or demote those above it.
 */
export function assertManagesMember(caller: MemberDoc, target: MemberDoc): void {
  assertManagesBranch(caller, target.branchId);
  if (target.role === 'org_admin' && caller.role !== 'org_admin') {
    fail('FORBIDDEN', { message: '支部书记不能办理组织部管理员的组织关系，请联系组织部' });
  }
}
