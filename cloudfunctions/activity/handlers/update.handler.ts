import type { ActivityDraft } from '../../../types/contracts/activity';
import { ACTIVITY_STATUS_LABELS } from '../../../types/labels';
import { scheduleChanged } from '../../../core/activity/access';
import { recordAudit } from '../../../server/audit';
import type { ActivityDoc } from '../../../server/documents';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { activityEvent, placesHeld } from '../../../server/notices';
import { queueActivityEvents } from '../../../server/outbox.repository';
import { loadOrganisedActivity } from '../access';
import { toActivityDetail } from '../activityView';
import { findActivity, replaceDraft, type ActivityDraftFields } from '../activities.repository';
import { draftFields } from '../draft';

const DEFAULT_CHANGE_NOTE = '活动时间或地点有变化，请查看详情';

/** Refuses what the stored activity cannot take: a closed lifecycle, fewer seats than people signed, no waitlist for people on it. */
function assertAcceptsDraft(activity: ActivityDoc, fields: ActivityDraftFields): void {
  if (activity.status === 'cancelled' || activity.status === 'finished') {
    fail('CLOSED', { message: `活动${ACTIVITY_STATUS_LABELS[activity.status]}，不能再修改` });
  }
  if (fields.capacity !== null && fields.capacity < activity.signedUpCount) {
    fail('CONFLICT', {
      field: 'draft.capacity',
      message: `已有 ${activity.signedUpCount} 人报名，名额不能少于 ${activity.signedUpCount}（填写的是 ${fields.capacity}）`,
    });
  }
  if (!fields.waitlist && activity.waitlistCount > 0) {
    fail('CONFLICT', { field: 'draft.waitlist', message: `候补名单中还有 ${activity.waitlistCount} 人，不能关闭候补` });
  }
}

/**
 * The whole draft replaced by the organiser. A published activity whose time or place moves tells
 * everyone holding a place (signed or waitlisted): one event per change, which `cron` expands into
 * a notice each, so the change costs one write however many hold a place.
 */
export async function update(input: { id: string; draft: ActivityDraft; reason?: string }, ctx: MemberContext) {
  const { db, member, now } = ctx;
  const { activity, mine } = await loadOrganisedActivity(db, member, input.id);
  const fields = await draftFields(db, input.draft, activity.branchId, 'draft.');
  assertAcceptsDraft(activity, fields);
  const updatedAt = await replaceDraft(db, activity, fields, now);
  if (updatedAt === null) {
    // Someone signed up, changed or cancelled it since the read: explain with what stands now.
    const current = await findActivity(db, activity._id);
    if (current) assertAcceptsDraft(current, fields);
    fail('CONFLICT', { message: '活动刚刚有变化，请刷新后重试' });
  }
  const updated: ActivityDoc = { ...activity, ...fields, updatedAt };

  let notified = 0;
  const moved = activity.status === 'published' && scheduleChanged(activity, updated);
  if (moved) {
    await queueActivityEvents(db, [
      activityEvent('changed', updated, input.reason ?? DEFAULT_CHANGE_NOTE, now, String(updatedAt.getTime())),
    ]);
    notified = placesHeld(activity);
  }
  await recordAudit(
    db,
    {
      at: now,
      actorId: member._id,
      action: 'activity.update',
      targetId: activity._id,
      detail: { reason: input.reason ?? null, scheduleChanged: moved, notified },
    },
    ctx.log,
  );
  return { activity: await toActivityDetail(updated, { member, now, mine }), notified };
}
