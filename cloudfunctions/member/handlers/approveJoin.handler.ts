import type { MemberContext } from '../../../server/kernel/router';
import { decide } from '../decideJoin';

export const approveJoin = (input: { memberId: string }, ctx: MemberContext) => decide('approve', input, ctx);
