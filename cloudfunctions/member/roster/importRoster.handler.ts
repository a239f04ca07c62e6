import type { MemberContext } from '../../../server/kernel/router';

export async function importRoster(_input: { mode: 'template' }, _ctx: MemberContext) {
  return {};
}
