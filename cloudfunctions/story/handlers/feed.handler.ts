import type { ActionOutput, ParsedInput } from '../../../types/contracts';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { campaignTitles } from '../campaigns.repository';
import { listFeed, type FeedFilter } from '../lists.repository';
import { toStoryCards } from '../storyView';

/** A cursor is the last card's feedKey (server/documents.ts, storyFeedKey). */
const FEED_CURSOR = /^\d{13}_[A-Za-z0-9_-]{1,64}$/;

function filterOf(input: ParsedInput<'story', 'feed'>): FeedFilter {
  const narrowing = (['campaignId', 'branchId', 'baseId'] as const).filter((field) => input[field] !== undefined);
  if (narrowing.length > 1) fail('INVALID_INPUT', { field: narrowing[1], message: '只能按征集、支部或基地中的一项筛选' });
  const [field] = narrowing;
  return {
    ...(input.kind === undefined ? {} : { kind: input.kind }),
    ...(field === undefined ? {} : { [field]: input[field] }),
  };
}

/**
 * Approved works, newest approval first, every member's to read; narrowed by a kind and/or one of
 * campaign, branch and base, each combination by its own index. Keyset paging: the cursor is the
 * last work's feed key, so a page deep down costs what the first does and works approved while
 * someone scrolls neither repeat nor push others past them. DB requests: the caller, the page, and
 * the page's campaign titles when it has campaign works — at most 3.
 */
export async function feed(input: ParsedInput<'story', 'feed'>, ctx: MemberContext): Promise<ActionOutput<'story', 'feed'>> {
  const filter = filterOf(input);
  if (input.cursor !== undefined && !FEED_CURSOR.test(input.cursor)) fail('INVALID_INPUT', { field: 'cursor' });
  const rows = await listFeed(ctx.db, filter, input.cursor ?? null, input.pageSize + 1);
  const page = rows.slice(0, input.pageSize);
  const titles = await campaignTitles(
    ctx.db,
    page.map((work) => work.campaignId),
  );
  const last = page[page.length - 1];
  return {
    items: await toStoryCards(page, titles),
    nextCursor: rows.length > input.pageSize && last?.feedKey !== undefined ? last.feedKey : null,
  };
}
