import type { MemberContext } from '../../../server/kernel/router';

export async function practice(_input: { op: 'today' }, _ctx: MemberContext) {
  return {};
}
