import type { ActionOutput, ParsedInput } from '../../../types/contracts';
import { decodeOffsetCursor, toPage } from '../../../server/kernel/paging';
import type { MemberContext } from '../../../server/kernel/router';
import { listMemberLedger } from '../../../server/stats/progress.repository';
import { programmeFor } from '../progressScope';

/** The entries behind the member's points in the programme, newest first. DB requests: the caller, the programme, the page. */
export async function pointsLedger(
  input: ParsedInput<'stats', 'pointsLedger'>,
  ctx: MemberContext,
): Promise<ActionOutput<'stats', 'pointsLedger'>> {
  const { db, member, now } = ctx;
  const offset = decodeOffsetCursor(input.cursor);
  const programme = await programmeFor(db, input.programmeId, now);
  if (programme === null) return { items: [], nextCursor: null };
  const entries = await listMemberLedger(db, programme._id, member._id, offset, input.pageSize + 1);
  const rows = entries.map((entry) => ({ rule: entry.rule, points: entry.points, label: entry.label, at: entry.at.toISOString() }));
  return toPage(rows, input.pageSize, offset);
}
