import type { ActivitySummary } from '../../../types/contracts/activity';
import type { PageInput } from '../../../types/common';
import type { ActivityDoc } from '../../../server/documents';
import { decodeOffsetCursor, toPage } from '../../../server/kernel/paging';
import type { MemberContext } from '../../../server/kernel/router';
import { listUpcomingForBranch } from '../repository';

export async function list(input: PageInput & { scope: 'upcoming' }, ctx: MemberContext) {
  const offset = decodeOffsetCursor(input.cursor);
  const rows = await listUpcomingForBranch(ctx.db, ctx.member.branchId, ctx.now, {
    offset,
    limit: input.pageSize + 1,
  });
  return toPage(rows.map(toActivitySummary), input.pageSize, offset);
}

function toActivitySummary(doc: ActivityDoc): ActivitySummary {
  return {
    id: doc._id,
    kind: doc.kind,
    title: doc.title,
    branchId: doc.branchId,
    place: doc.place,
    startAt: doc.startAt.toISOString(),
    endAt: doc.endAt.toISOString(),
    capacity: doc.capacity,
    signedUpCount: doc.signedUpCount,
  };
}
