import { isInActivityAudience } from '../../../core/activity/rules';
import { activityCheckinId } from '../../../server/documents';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { activityClosedReason, loadOrganisedActivity } from '../access';
import { findMember } from '../activities.repository';
import { insertBackfill } from '../checkins.repository';
import { toCheckinView, whenText } from '../checkinView';
import { newCheckin } from '../recording';

/**
 * 补录: an organiser records a member of the activity's audience as checked in now, with a reason;
 * the check-in and its audit record (`checkin.backfill`, target the check-in) commit in one
 * transaction, so an audit view lists every back-fill that stands and no other.
 */
export async function backfill(input: { activityId: string; memberId: string; reason: string }, ctx: MemberContext) {
  const { db, member: organiser, now } = ctx;
  const [activity, target] = await Promise.all([loadOrganisedActivity(db, organiser, input.activityId), findMember(db, input.memberId)]);
  const closed = activityClosedReason(activity);
  if (closed !== null) fail('CLOSED', { message: closed });
  if (!target || target.status !== 'active') fail('NOT_FOUND', { field: 'memberId', message: '没有这位在册党员' });
  if (!isInActivityAudience(activity.audience, target.branchId)) {
    fail('FORBIDDEN', { field: 'memberId', message: '这位党员所在的支部不在本活动的参加范围内，不能补录' });
  }

  const checkin = newCheckin(target, now, now, {
    _id: activityCheckinId(activity._id, target._id),
    kind: 'activity',
    activityId: activity._id,
    baseId: activity.baseId,
    placeName: activity.title,
    method: 'backfill',
    countsFor: activity.countsFor,
    latitude: activity.checkinFence?.latitude ?? null,
    longitude: activity.checkinFence?.longitude ?? null,
    recordedBy: { memberId: organiser._id, name: organiser.name },
    reason: input.reason,
  });
  const written = await insertBackfill(
    db,
    checkin,
    {
      at: now,
      actorId: organiser._id,
      action: 'checkin.backfill',
      detail: { activityId: activity._id, title: activity.title, memberId: target._id, name: target.name, reason: input.reason },
    },
    ctx.log,
  );
  if (!written.inserted)
    fail('DUPLICATE', { field: 'memberId', message: `${target.name}已于 ${whenText(written.existing.checkedInAt, now)} 签到，无需补录` });
  return { checkin: toCheckinView(checkin) };
}
