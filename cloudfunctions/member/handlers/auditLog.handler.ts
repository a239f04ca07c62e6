import type { PageInput } from '../../../types/common';
import { decodeOffsetCursor, toPage } from '../../../server/kernel/paging';
import type { MemberContext } from '../../../server/kernel/router';
import { listAuditPage, listMembersByIds } from '../repository';

/** Org admins read who did what, newest first. */
export async function auditLog(input: PageInput, ctx: MemberContext) {
  const offset = decodeOffsetCursor(input.cursor);
  const rows = await listAuditPage(ctx.db, offset, input.pageSize + 1);
  const actors = await listMembersByIds(ctx.db, [...new Set(rows.map((row) => row.actorId))]);
  const names = new Map(actors.map((actor) => [actor._id, actor.name]));
  const items = rows.map((row) => ({
    id: row._id,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorName: names.get(row.actorId) ?? '',
    action: row.action,
    targetId: row.targetId,
    detail: row.detail,
  }));
  return toPage(items, input.pageSize, offset);
}
