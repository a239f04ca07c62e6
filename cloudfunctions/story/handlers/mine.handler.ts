import type { StoryStatus } from '../../../types/labels';
import { decodeOffsetCursor, toPage } from '../../../server/kernel/paging';
import type { MemberContext } from '../../../server/kernel/router';
import { campaignTitles } from '../campaigns.repository';
import { listAuthorStories } from '../stories.repository';
import { toStoryCards } from '../storyView';

/**
 * The caller's own works, every status or those asked for, newest change first, each with the note
 * its author needs (why it came back). DB requests: caller, one page
 * (index author_updated or author_status_updated), the page's campaign titles when it has campaign
 * works = 3.
 */
export async function mine(input: { cursor?: string; pageSize: number; statuses?: StoryStatus[] }, ctx: MemberContext) {
  const { db, member } = ctx;
  const offset = decodeOffsetCursor(input.cursor);
  const rows = await listAuthorStories(db, member._id, input.statuses, offset, input.pageSize + 1);
  const page = toPage(rows, input.pageSize, offset);
  const titles = await campaignTitles(
    db,
    page.items.map((story) => story.campaignId),
  );
  return { items: await toStoryCards(page.items, titles, { forAuthor: true }), nextCursor: page.nextCursor };
}
