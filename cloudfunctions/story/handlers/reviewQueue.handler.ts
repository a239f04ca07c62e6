import type { ActionOutput, ParsedInput } from '../../../types/contracts';
import { decodeOffsetCursor, toPage } from '../../../server/kernel/paging';
import type { MemberContext } from '../../../server/kernel/router';
import { campaignTitles } from '../campaigns.repository';
import { listPendingReview } from '../lists.repository';
import { toStoryCards } from '../storyView';

/**
 * Works awaiting 审核, oldest submission first: a secretary's own branch, an org admin's every
 * branch (core/story/access.ts, reviewsBranch). A queue is short and shrinks as it is worked, so it
 * pages by offset. DB requests: the caller, the page, the page's campaign titles (when any).
 */
export async function reviewQueue(
  input: ParsedInput<'story', 'reviewQueue'>,
  ctx: MemberContext,
): Promise<ActionOutput<'story', 'reviewQueue'>> {
  const offset = decodeOffsetCursor(input.cursor);
  const branchId = ctx.member.role === 'org_admin' ? null : ctx.member.branchId;
  const rows = await listPendingReview(ctx.db, branchId, { offset, limit: input.pageSize + 1 });
  const page = toPage(rows, input.pageSize, offset);
  const titles = await campaignTitles(
    ctx.db,
    page.items.map((work) => work.campaignId),
  );
  return { items: await toStoryCards(page.items, titles), nextCursor: page.nextCursor };
}
