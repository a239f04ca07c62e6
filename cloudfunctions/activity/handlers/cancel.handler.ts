import { ACTIVITY_STATUS_LABELS } from '../../../types/labels';
import { recordAudit } from '../../../server/audit';
import type { ActivityDoc } from '../../../server/documents';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { activityEvent, placesHeld } from '../../../server/notices';
import { queueActivityEvents } from '../../../server/outbox.repository';
import { loadOrganisedActivity } from '../access';
import { toActivityDetail } from '../activityView';
import { changeStamp, moveActivity } from '../activities.repository';

/**
 * Draft or published → cancelled, with the reason members are told. Sign-ups keep their statuses
 * (history); everyone holding a place of a published activity gets one notice, from the one event
 * `cron` expands.
 */
export async function cancel(input: { id: string; reason: string }, ctx: MemberContext) {
  const { db, member, now } = ctx;
  const { activity, mine } = await loadOrganisedActivity(db, member, input.id);
  if (activity.status === 'cancelled' || activity.status === 'finished') {
    fail('CONFLICT', { message: `活动${ACTIVITY_STATUS_LABELS[activity.status]}，不能再取消` });
  }
  const change = { status: 'cancelled', cancelReason: input.reason, updatedAt: changeStamp(activity.updatedAt, now) } as const;
  if (!(await moveActivity(db, activity._id, ['draft', 'published'], change)))
    fail('CONFLICT', { message: '活动刚刚有变化，请刷新后重试' });
  const cancelled: ActivityDoc = { ...activity, ...change };

  // A draft was never open to sign-ups, so nobody holds a place in it.
  let notified = 0;
  if (activity.status === 'published') {
    await queueActivityEvents(db, [activityEvent('cancelled', cancelled, input.reason, now, null)]);
    notified = placesHeld(activity);
  }
  await recordAudit(
    db,
    {
      at: now,
      actorId: member._id,
      action: 'activity.cancel',
      targetId: activity._id,
      detail: { reason: input.reason, notified },
    },
    ctx.log,
  );
  return { activity: await toActivityDetail(cancelled, { member, now, mine }), notified };
}
