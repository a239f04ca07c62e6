import type { Role } from '../../../types/labels';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { requireActive } from '../memberRules';
import { toMemberView } from '../memberView';
import { changeMembership } from '../repository';

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
