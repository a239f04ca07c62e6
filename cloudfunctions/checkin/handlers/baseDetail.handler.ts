import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { toBaseDetail } from '../baseView';
import { findBase } from '../bases.repository';

/** DB requests: caller, base = 2. */
export async function baseDetail(input: { id: string }, ctx: MemberContext) {
  const doc = await findBase(ctx.db, input.id);
  if (!doc) fail('NOT_FOUND', { field: 'id', message: '基地不存在' });
  return { base: await toBaseDetail(doc) };
}
