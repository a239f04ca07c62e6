/**
 * Expands activity events into one notice per member (ARCHITECTURE.md, "Notifications"): a page of
 * a thousand sign-ups at a time, the cursor saved after each page, so a run that ends early (its
 * page budget, a timeout, a crash) is resumed by the next. Notices have deterministic `_id`s and
 * are only ever added, so a page expanded twice queues nothing twice.
 */
import type { ActivityEventDoc } from '../../../server/documents';
import { noticeFromEvent } from '../../../server/notices';
import { queueNotices } from '../../../server/outbox.repository';
import type { TimerContext, TimerJob } from '../../../server/kernel/timer';
import { findOpenids, listHoldersPage, listPendingEvents, markEventDone, saveEventCursor, type Holder } from '../events.repository';

/** Pages of sign-ups one run expands, over every event: 10,000 notices per run at most. */
export const MAX_PAGES_PER_RUN = 10;
const EVENTS_PER_READ = 20;

/**
 * Where the next page starts. A page that reaches past one instant restarts at its last instant
 * from the beginning (those few are read again and find their notices there), so a sign-up leaving
 * that instant meanwhile cannot make a skip jump over someone. Only a page that is one instant
 * throughout (a thousand sign-ups in one millisecond) has to count on by `skip`.
 */
export function nextCursor(cursor: ActivityEventDoc['cursor'], page: readonly Holder[]): NonNullable<ActivityEventDoc['cursor']> {
  const first = page[0]!.signedUpAt;
  const last = page[page.length - 1]!.signedUpAt;
  if (first.getTime() !== last.getTime()) return { signedUpAt: last, skip: 0 };
  const done = cursor !== null && cursor.signedUpAt.getTime() === last.getTime() ? cursor.skip : 0;
  return { signedUpAt: last, skip: done + page.length };
}

/** Expands one event for at most `pages` pages; returns the pages used and the notices written. */
async function expand(
  ctx: TimerContext,
  event: ActivityEventDoc,
  pages: number,
): Promise<{ pages: number; queued: number; done: boolean }> {
  const { db, now } = ctx;
  let cursor = event.cursor;
  let queued = 0;
  for (let used = 0; used < pages; used += 1) {
    const page = await listHoldersPage(db, { ...event, cursor });
    if (page.length === 0) {
      await markEventDone(db, event._id, now);
      return { pages: used + 1, queued, done: true };
    }
    const openids = await findOpenids(db, [...new Set(page.map((holder) => holder.memberId))]);
    const notices = page.flatMap(({ memberId }) => {
      const openid = openids.get(memberId);
      return openid === undefined ? [] : [noticeFromEvent(event, { memberId, openid }, now)];
    });
    const added = await queueNotices(db, notices);
    cursor = nextCursor(cursor, page);
    await saveEventCursor(db, event._id, cursor, added);
    queued += added;
  }
  return { pages, queued, done: false };
}

export const expandEvents: TimerJob = {
  name: 'expandEvents',
  async run(ctx) {
    let pagesLeft = MAX_PAGES_PER_RUN;
    const counts = { events: 0, done: 0, queued: 0 };
    while (pagesLeft > 0) {
      const events = await listPendingEvents(ctx.db, EVENTS_PER_READ);
      if (events.length === 0) break;
      for (const event of events) {
        if (pagesLeft === 0) break;
        const expanded = await expand(ctx, event, pagesLeft);
        pagesLeft -= expanded.pages;
        counts.events += 1;
        counts.done += expanded.done ? 1 : 0;
        counts.queued += expanded.queued;
      }
    }
    return counts;
  },
};
