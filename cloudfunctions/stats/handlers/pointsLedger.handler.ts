import type { ActionOutput, ParsedInput } from '../../../types/contracts';
import { progressId } from '../../../server/documents';
import { decodeOffsetCursor, toPage } from '../../../server/kernel/paging';
import type { MemberContext } from '../../../server/kernel/router';
import { findLedger } from '../../../server/stats/progress.repository';
import { programmeFor } from '../progressScope';

/**
 * The entries behind the member's points in the programme, newest first: the ledger kept in their
 * progress document (ARCHITECTURE.md, "Statistics"), paged here. DB requests: the caller, the programme, the ledger.
 */
export async function pointsLedger(
  input: ParsedInput<'stats', 'pointsLedger'>,
  ctx: MemberContext,
): Promise<ActionOutput<'stats', 'pointsLedger'>> {
  const { db, member, now } = ctx;
  const offset = decodeOffsetCursor(input.cursor);
  const programme = await programmeFor(db, input.programmeId, now);
  if (programme === null) return { items: [], nextCursor: null };
  const ledger = (await findLedger(db, progressId(programme._id, member._id))) ?? [];
  const rows = ledger
    .slice(offset, offset + input.pageSize + 1)
    .map((entry) => ({ rule: entry.rule, points: entry.points, label: entry.label, at: entry.at.toISOString() }));
  return toPage(rows, input.pageSize, offset);
}
