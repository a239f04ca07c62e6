/**
 * Sends due notices from the outbox (ARCHITECTURE.md, "Notifications"). Each notice is claimed
 * (pending → sending) by one conditional update before anything else, so of two runs side by side
 * only one ever sends it; then one of its sign-up's subscribe-message credits is used, the message
 * sent, and the notice settled as sent, failed or skipped with the reason.
 *
 * A run that dies between the claim and the settling leaves the notice 'sending' for good: it is
 * never sent again. At most once is the right side for a reminder; twice would spend a second
 * acceptance the member never gave for it, and WeChat would refuse or count it against them.
 */
import { signUpId, type NotificationDoc } from '../../../server/documents';
import type { TimerContext, TimerJob } from '../../../server/kernel/timer';
import { findSchedules, type ScheduleFacts } from '../activities.repository';
import { claimNotice, listDueNotices, returnCredit, settleNotice, useCredit } from '../notices.repository';
import { messagePayload, NOT_ACCEPTED_ERRCODE, sendSubscribeMessage, templateIdFromEnvironment } from '../subscribeMessage';

/** Notices one run handles at most; what is left is due on the next run. */
export const MAX_SENDS_PER_RUN = 500;
const SEND_BATCH = 100;
/** Notices in flight at once: each waits mostly on the network (three DB writes and the send). */
export const LANES = 20;

type Delivery = 'sent' | 'failed' | 'skipped' | 'taken';

/** Why a notice is no longer worth sending, or null: a reminder for a start that moved, passed or was called off. */
function staleReason(notice: Pick<NotificationDoc, 'kind' | 'version'>, activity: ScheduleFacts | undefined, now: Date): string | null {
  if (notice.kind !== 'reminder') return null;
  if (activity === undefined || activity.status !== 'published') return 'activity_not_published';
  if (String(activity.startAt.getTime()) !== notice.version) return 'activity_moved';
  if (now >= activity.startAt) return 'activity_started';
  return null;
}

function errorOf(error: unknown): { errCode: number | null; text: string } {
  const { errCode, errMsg } = (error ?? {}) as { errCode?: unknown; errMsg?: unknown };
  const text = typeof errMsg === 'string' ? errMsg : error instanceof Error ? error.message : String(error);
  return { errCode: typeof errCode === 'number' ? errCode : null, text };
}

async function deliver(
  ctx: TimerContext,
  notice: NotificationDoc,
  activity: ScheduleFacts | undefined,
  templateId: string,
): Promise<Delivery> {
  const { db, now, log } = ctx;
  if (!(await claimNotice(db, notice._id))) return 'taken';
  const skip = async (reason: string): Promise<Delivery> => {
    await settleNotice(db, notice._id, { state: 'skipped', reason, sentAt: null, payload: null });
    return 'skipped';
  };
  const stale = staleReason(notice, activity, now);
  if (stale !== null) return skip(stale);
  const credit = signUpId(notice.activityId, notice.memberId);
  if (!(await useCredit(db, credit))) return skip('no_credit');

  const payload = messagePayload(notice, templateId);
  try {
    await sendSubscribeMessage(payload);
  } catch (error) {
    const { errCode, text } = errorOf(error);
    // Any refusal but "not accepted" left the member's acceptance unused on WeChat's side.
    if (errCode !== NOT_ACCEPTED_ERRCODE) await returnCredit(db, credit);
    log.warn('notice_failed', { notice: notice._id, errCode, errMsg: text });
    await settleNotice(db, notice._id, { state: 'failed', reason: `${errCode ?? 'error'} ${text}`.slice(0, 200), sentAt: null, payload });
    return 'failed';
  }
  await settleNotice(db, notice._id, { state: 'sent', reason: null, sentAt: now, payload });
  return 'sent';
}

/** Runs `work` over `items` with at most `lanes` in flight. */
async function inLanes<T, R>(items: readonly T[], lanes: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const at = next++;
      results[at] = await work(items[at]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(lanes, items.length) }, lane));
  return results;
}

export const sendNotices: TimerJob = {
  name: 'sendNotices',
  async run(ctx) {
    const counts: Record<Delivery, number> = { sent: 0, failed: 0, skipped: 0, taken: 0 };
    const templateId = templateIdFromEnvironment();
    if (templateId === null) {
      ctx.log.warn('subscribe_template_missing', { variable: 'ACTIVITY_REMINDER_TEMPLATE_ID' });
      return counts;
    }
    let handled = 0;
    while (handled < MAX_SENDS_PER_RUN) {
      const due = await listDueNotices(ctx.db, ctx.now, Math.min(SEND_BATCH, MAX_SENDS_PER_RUN - handled));
      if (due.length === 0) break;
      const reminders = due.filter((notice) => notice.kind === 'reminder').map((notice) => notice.activityId);
      const schedules = await findSchedules(ctx.db, [...new Set(reminders)]);
      const outcomes = await inLanes(due, LANES, (notice) => deliver(ctx, notice, schedules.get(notice.activityId), templateId));
      for (const outcome of outcomes) counts[outcome] += 1;
      handled += due.length;
    }
    return counts;
  },
};
