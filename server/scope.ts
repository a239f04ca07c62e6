import type { MemberDoc } from './documents';
import { fail } from './kernel/failure';

/** A secretary's powers stop at their own branch; org admins manage every branch. */
export function assertManagesBranch(caller: MemberDoc, branchId: string): void {
  if (caller.role === 'org_admin') return;
  if (caller.role === 'secretary' && caller.branchId === branchId) return;
  fail('FORBIDDEN');
}
