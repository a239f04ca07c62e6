import type { MemberContext } from '../../../server/kernel/router';
import { requireActive } from '../memberRules';
import { changeMembership } from '../repository';

export async function leave(input: { reason?: string }, ctx: MemberContext) {
  await changeMembership(
    ctx.db,
    ctx.member._id,
    requireActive,
    {
      fields: { status: 'left', updatedAt: ctx.now },
      countDeltas: { [ctx.member.branchId]: -1 },
      audit: {
        at: ctx.now,
        actorId: ctx.member._id,
        action: 'member.leave',
        detail: input.reason === undefined ? {} : { reason: input.reason },
      },
    },
    ctx.log,
  );
  return { left: true as const };
}
