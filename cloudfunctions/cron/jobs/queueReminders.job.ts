import { activityEvent } from '../../../server/notices';
import { queueActivityEvents } from '../../../server/outbox.repository';
import type { TimerJob } from '../../../server/kernel/timer';
import { listStartingBetween } from '../activities.repository';

/** How long before the start a reminder goes out. */
const REMINDER_LEAD_MS = 2 * 3_600_000;
/** Kept short: a subscribe message's `thing` value holds 20 characters. */
const REMINDER_NOTE = '活动即将开始，请准时参加';

/**
 * One reminder event for each published activity starting within REMINDER_LEAD_MS. The event's
 * version is the start it announces, so a re-run writes nothing new and a moved activity gets a
 * reminder for its new start (the one for the old start is skipped when it is sent).
 * Bounded by one read: a thousand activities starting in the same two hours.
 */
export const queueReminders: TimerJob = {
  name: 'queueReminders',
  async run({ db, now }) {
    const starting = await listStartingBetween(db, now, new Date(now.getTime() + REMINDER_LEAD_MS));
    const events = starting.map((activity) => activityEvent('reminder', activity, REMINDER_NOTE, now, String(activity.startAt.getTime())));
    const queued = events.length === 0 ? 0 : await queueActivityEvents(db, events);
    return { starting: starting.length, queued };
  },
};
