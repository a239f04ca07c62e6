import type { MemberContext } from '../../../server/kernel/router';
import { decide } from '../decideJoin';

export const rejectJoin = (input: { memberId: string; reason?: string }, ctx: MemberContext) => decide('reject', input, ctx);
