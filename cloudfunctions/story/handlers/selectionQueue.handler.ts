import type { ActionOutput, ParsedInput } from '../../../types/contracts';
import { decodeOffsetCursor, toPage } from '../../../server/kernel/paging';
import type { MemberContext } from '../../../server/kernel/router';
import { campaignTitles } from '../campaigns.repository';
import { listRecommended } from '../lists.repository';
import { toStoryCards } from '../storyView';

/**
 * Works the branches recommended that the org has not selected yet, oldest recommendation first,
 * of one campaign or all. DB requests: the caller, the page, the page's campaign titles (when any).
 */
export async function selectionQueue(
  input: ParsedInput<'story', 'selectionQueue'>,
  ctx: MemberContext,
): Promise<ActionOutput<'story', 'selectionQueue'>> {
  const offset = decodeOffsetCursor(input.cursor);
  const rows = await listRecommended(ctx.db, input.campaignId ?? null, { offset, limit: input.pageSize + 1 });
  const page = toPage(rows, input.pageSize, offset);
  const titles = await campaignTitles(
    ctx.db,
    page.items.map((work) => work.campaignId),
  );
  return { items: await toStoryCards(page.items, titles), nextCursor: page.nextCursor };
}
