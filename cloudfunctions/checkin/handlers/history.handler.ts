import type { PageInput } from '../../../types/common';
import { decodeOffsetCursor, toPage } from '../../../server/kernel/paging';
import type { MemberContext } from '../../../server/kernel/router';
import { listMemberCheckins, listMemberCheckinTotals, type CheckinTotalsRow } from '../checkins.repository';
import { toCheckinView } from '../checkinView';

/** Count, distinct bases visited and 学时, from the member's latest check-ins (a bounded read). */
function summarise(rows: CheckinTotalsRow[]) {
  const bases = new Set(rows.flatMap((row) => (row.kind === 'base' && row.baseId !== null ? [row.baseId] : [])));
  const studyHours = rows.reduce((sum, row) => sum + (row.studyHours ?? 0), 0);
  return { checkins: rows.length, bases: bases.size, studyHours };
}

/** The caller's own footprint, newest first, with its totals. DB requests: caller, page, totals = 3. */
export async function history(input: PageInput, ctx: MemberContext) {
  const { db, member } = ctx;
  const offset = decodeOffsetCursor(input.cursor);
  const [rows, totals] = await Promise.all([
    listMemberCheckins(db, member._id, { offset, limit: input.pageSize + 1 }),
    listMemberCheckinTotals(db, member._id),
  ]);
  return { ...toPage(rows.map(toCheckinView), input.pageSize, offset), summary: summarise(totals) };
}
