import type { MemberDoc } from '../../server/documents';
import { fail } from '../../server/kernel/failure';

/** Role changes, transfers and leaving apply to members on the roll only. */
export function requireActive(member: MemberDoc): void {
  if (member.status !== 'active') fail('CONFLICT', { message: '该成员不在册' });
}
