import { ACTIVITY_KIND_LABELS } from '../../../types/labels';
import { isFull } from '../../../core/activity/access';
import { seatsLeft } from '../../../core/activity/rules';
import { findMemberByOpenid } from '../../../server/kernel/caller';
import { fail } from '../../../server/kernel/failure';
import type { RequestContext } from '../../../server/kernel/router';
import { loadVisibleActivity } from '../access';
import { activityPath } from '../activityView';
import { findActivity } from '../activities.repository';

/**
 * What the share card is drawn from, read live so seats left is today's number. The card of a
 * published (or finished) activity is public: it is what a forwarded group-chat card already shows,
 * and a visitor who is not yet in a branch is shown it beside the way to join. Drafts and
 * cancelled activities follow the member visibility rules (organisers preview their drafts).
 */
export async function shareCard(input: { id: string }, ctx: RequestContext) {
  let activity = await findActivity(ctx.db, input.id);
  if (!activity || (activity.status !== 'published' && activity.status !== 'finished')) {
    const member = await findMemberByOpenid(ctx.db, ctx.openid);
    if (!member || member.status !== 'active') fail('NOT_FOUND', { field: 'id', message: '活动不存在' });
    activity = (await loadVisibleActivity(ctx.db, member, input.id)).activity;
  }
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
