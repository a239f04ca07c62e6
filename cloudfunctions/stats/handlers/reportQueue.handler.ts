import type { ActionOutput, ParsedInput } from '../../../types/contracts';
import { temporaryUrls } from '../../../server/files';
import { decodeOffsetCursor, toPage } from '../../../server/kernel/paging';
import type { MemberContext } from '../../../server/kernel/router';
import { listPendingReports } from '../reports.repository';

/**
 * Self-reports awaiting confirmation, oldest first: a secretary's own branch, an org admin's every
 * branch. A queue shrinks as it is worked, so it pages by offset. A photo gone from storage shows
 * as none. DB requests: the caller, the page.
 */
export async function reportQueue(
  input: ParsedInput<'stats', 'reportQueue'>,
  ctx: MemberContext,
): Promise<ActionOutput<'stats', 'reportQueue'>> {
  const { db, member } = ctx;
  const offset = decodeOffsetCursor(input.cursor);
  const branchId = member.role === 'org_admin' ? null : member.branchId;
  const page = toPage(await listPendingReports(db, branchId, { offset, limit: input.pageSize + 1 }), input.pageSize, offset);
  const photoUrls = await temporaryUrls(page.items.map((report) => report.photoFileId));
  return {
    items: page.items.map((report, index) => ({
      id: report._id,
      memberName: report.memberName,
      item: report.item,
      title: report.title,
      note: report.note,
      photoUrl: photoUrls[index] ?? null,
      reportedAt: report.reportedAt.toISOString(),
    })),
    nextCursor: page.nextCursor,
  };
}
