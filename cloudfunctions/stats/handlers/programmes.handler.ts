import type { ActionOutput, ParsedInput } from '../../../types/contracts';
import { decodeOffsetCursor, toPage } from '../../../server/kernel/paging';
import type { MemberContext } from '../../../server/kernel/router';
import { toProgrammeView } from '../programmeView';
import { listProgrammes } from '../programmes.repository';

/**
 * Programmes, latest start first: members and secretaries see those running now, org admins every
 * one (to plan the next and look back). DB requests: the caller, the page.
 */
export async function programmes(
  input: ParsedInput<'stats', 'programmes'>,
  ctx: MemberContext,
): Promise<ActionOutput<'stats', 'programmes'>> {
  const { db, member, now } = ctx;
  const offset = decodeOffsetCursor(input.cursor);
  const runningAt = member.role === 'org_admin' ? null : now;
  const page = toPage(await listProgrammes(db, runningAt, { offset, limit: input.pageSize + 1 }), input.pageSize, offset);
  return { items: page.items.map((programme) => toProgrammeView(programme, now)), nextCursor: page.nextCursor };
}
