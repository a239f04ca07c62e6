import type { ActivityDoc } from '../../../server/documents';
import { isInActivityAudience } from '../../../core/activity/rules';
import { recordAudit } from '../../../server/audit';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { loadOrganisedActivity } from '../access';
import { addOverCapacity, toAttendee } from '../places';
import { findMemberById } from '../signUps.repository';

/** Organisers may add someone until the activity ends (at the door included), never to a draft or a cancelled one. */
function addClosedReason(activity: ActivityDoc, now: Date): string | null {
  if (activity.status === 'draft') return '活动尚未发布';
  if (activity.status === 'cancelled') return '活动已取消';
  if (activity.status === 'finished' || now >= activity.endAt) return '活动已结束';
  return null;
}

/** An organiser signs a member of the audience up, over the capacity if need be; audited with the reason. */
export async function addAttendee(input: { id: string; memberId: string; reason: string }, ctx: MemberContext) {
  const { db, member: organiser, now } = ctx;
  const { activity } = await loadOrganisedActivity(db, organiser, input.id);
  const closed = addClosedReason(activity, now);
  if (closed !== null) fail('CLOSED', { message: closed });
  const target = await findMemberById(db, input.memberId);
  if (!target || target.status !== 'active') fail('NOT_FOUND', { field: 'memberId', message: '没有这位在册党员' });
  if (!isInActivityAudience(activity.audience, target.branchId)) {
    fail('FORBIDDEN', { field: 'memberId', message: '这位党员所在的支部不在本活动的参加范围内' });
  }

  const { signUp, from, changed } = await addOverCapacity(ctx, activity, target);
  if (changed) {
    await recordAudit(
      db,
      {
        at: now,
        actorId: organiser._id,
        action: 'activity.addAttendee',
        targetId: signUp._id,
        detail: { activityId: activity._id, memberId: target._id, from, reason: input.reason },
      },
      ctx.log,
    );
  }
  return { attendee: toAttendee(signUp) };
}
