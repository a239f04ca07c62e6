import { ACTIVITY_KIND_LABELS } from '../../../types/labels';
import { isFull } from '../../../core/activity/access';
import { seatsLeft } from '../../../core/activity/rules';
import type { MemberContext } from '../../../server/kernel/router';
import { loadVisibleActivity } from '../access';
import { activityPath } from '../activityView';

/** What the share card is drawn from, read live so seats left is today's number; for whoever may see the activity. */
export async function shareCard(input: { id: string }, ctx: MemberContext) {
  const { activity } = await loadVisibleActivity(ctx.db, ctx.member, input.id);
  return {
    id: activity._id,
    title: activity.title,
    kindLabel: ACTIVITY_KIND_LABELS[activity.kind],
    startAt: activity.startAt.toISOString(),
    endAt: activity.endAt.toISOString(),
    place: activity.place,
    online: activity.online,
    seatsLeft: seatsLeft(activity.capacity, activity.signedUpCount),
    full: isFull(activity),
    waitlist: activity.waitlist,
    path: activityPath(activity._id),
  };
}
