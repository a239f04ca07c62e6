/**
 * Sends due notices from the outbox (ARCHITECTURE.md, "Notifications"). Each notice is claimed
 * (pending → sending) by one conditional update before anything else, so of two runs side by side
 * only one ever sends it; then, for an activity, one of its sign-up's subscribe-message credits is
 * used, the message sent, and the notice settled as sent, failed or skipped with the reason.
 *
 * A work's notices carry no credit: the app asks for the story template in the tap that submits,
 * and nothing tells the server whether the author accepted, so the message is tried and WeChat's
 * "not accepted" (43101) settles it as failed, spending nothing the author gave. A secretary's
 * study reminder is sent the same way (the member accepts the study template on 我的六个一).
 *
 * A run that dies between the claim and the settling leaves the notice 'sending' for good: it is
 * never sent again. At most once is the right side for a reminder; twice would spend a second
 * acceptance the member never gave for it, and WeChat would refuse or count it against them.
 */
import {
  isActivityNotice,
  signUpId,
  STORY_NOTICE_KINDS,
  type ActivityNotificationDoc,
  type NoticeKind,
  type NotificationDoc,
} from '../../../server/documents';
import { inLanes } from '../../../server/kernel/lanes';
import type { TimerContext, TimerJob } from '../../../server/kernel/timer';
import { findSchedules, type ScheduleFacts } from '../activities.repository';
import { claimNotice, listDueNotices, returnCredit, settleNotice, useCredit } from '../notices.repository';
import {
  messagePayload,
  NOT_ACCEPTED_ERRCODE,
  sendSubscribeMessage,
  templateIdFromEnvironment,
  templateVariable,
  type TemplateName,
} from '../subscribeMessage';

/** Notices one run handles at most; what is left is due on the next run. */
export const MAX_SENDS_PER_RUN = 500;
const SEND_BATCH = 100;
/** Notices in flight at once: each waits mostly on the network (three DB writes and the send). */
export const LANES = 20;

type Delivery = 'sent' | 'failed' | 'skipped' | 'taken';

const ACTIVITY_NOTICE_KINDS: readonly NoticeKind[] = ['reminder', 'promoted', 'changed', 'cancelled'];

/** Each template and the notices it sends, in the order a run serves them: reminders are the ones that expire. */
const TOPICS: { template: TemplateName; kinds: readonly NotificationDoc['kind'][] }[] = [
  { template: 'activity', kinds: ACTIVITY_NOTICE_KINDS },
  { template: 'story', kinds: STORY_NOTICE_KINDS },
  { template: 'study', kinds: ['studyReminder'] },
];

/** Why a notice is no longer worth sending, or null: a reminder for a start that moved, passed or was called off. */
function staleReason(
  notice: Pick<ActivityNotificationDoc, 'kind' | 'version'>,
  activity: ScheduleFacts | undefined,
  now: Date,
): string | null {
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

interface Template {
  name: TemplateName;
  id: string;
}

async function deliver(
  ctx: TimerContext,
  notice: NotificationDoc,
  activity: ScheduleFacts | undefined,
  template: Template,
): Promise<Delivery> {
  const { db, now, log } = ctx;
  if (!(await claimNotice(db, notice._id))) return 'taken';
  const skip = async (reason: string): Promise<Delivery> => {
    await settleNotice(db, notice._id, { state: 'skipped', reason, sentAt: null, payload: null });
    return 'skipped';
  };
  let credit: string | null = null;
  if (isActivityNotice(notice)) {
    const stale = staleReason(notice, activity, now);
    if (stale !== null) return skip(stale);
    credit = signUpId(notice.activityId, notice.memberId);
    if (!(await useCredit(db, credit))) return skip('no_credit');
  }

  const payload = messagePayload(notice, template.name, template.id);
  try {
    await sendSubscribeMessage(payload);
  } catch (error) {
    const { errCode, text } = errorOf(error);
    // Any refusal but "not accepted" left the member's acceptance unused on WeChat's side.
    if (credit !== null && errCode !== NOT_ACCEPTED_ERRCODE) await returnCredit(db, credit);
    log.warn('notice_failed', { notice: notice._id, errCode, errMsg: text });
    await settleNotice(db, notice._id, { state: 'failed', reason: `${errCode ?? 'error'} ${text}`.slice(0, 200), sentAt: null, payload });
    return 'failed';
  }
  await settleNotice(db, notice._id, { state: 'sent', reason: null, sentAt: now, payload });
  return 'sent';
}

/** The activity whose schedule decides whether a reminder is still worth sending. */
function reminderActivity(notice: NotificationDoc): string | null {
  return isActivityNotice(notice) && notice.kind === 'reminder' ? notice.activityId : null;
}

export const sendNotices: TimerJob = {
  name: 'sendNotices',
  async run(ctx) {
    const counts: Record<Delivery, number> = { sent: 0, failed: 0, skipped: 0, taken: 0 };
    let handled = 0;
    for (const topic of TOPICS) {
      const id = templateIdFromEnvironment(topic.template);
      if (id === null) {
        // Its notices stay pending until the template is configured; the other templates' go on.
        ctx.log.warn('subscribe_template_missing', { variable: templateVariable(topic.template) });
        continue;
      }
      const template = { name: topic.template, id };
      while (handled < MAX_SENDS_PER_RUN) {
        const due = await listDueNotices(ctx.db, ctx.now, topic.kinds, Math.min(SEND_BATCH, MAX_SENDS_PER_RUN - handled));
        if (due.length === 0) break;
        const reminders = due.map(reminderActivity).filter((activityId) => activityId !== null);
        const schedules = await findSchedules(ctx.db, [...new Set(reminders)]);
        const outcomes = await inLanes(due, LANES, (notice) =>
          deliver(ctx, notice, schedules.get(reminderActivity(notice) ?? ''), template),
        );
        for (const outcome of outcomes) counts[outcome] += 1;
        handled += due.length;
      }
    }
    return counts;
  },
};
