import { canViewActivity } from '../../../core/activity/access';
import { isInActivityAudience, signUpClosedReason } from '../../../core/activity/rules';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { findActivity } from '../activities.repository';
import { toActivityDetail } from '../activityView';
import { takePlace, withDeltas } from '../places';

/**
 * Signs the caller up (or onto the waitlist). The activity is read alone, without the caller's
 * sign-up: the sign-up's own insert tells a first sign-up from a repeat, which keeps a first one
 * within five DB requests (ARCHITECTURE.md, "Sign-ups").
 *
 * An activity outside the caller's audience is NOT_FOUND, as `detail` and `list` treat it: members
 * of other branches never learn of it. Organisers see every activity they manage, so to them it is
 * FORBIDDEN with the reason.
 */
export async function signUp(input: { id: string; acceptReminder: boolean }, ctx: MemberContext) {
  const { db, member, now } = ctx;
  const activity = await findActivity(db, input.id);
  if (!activity || !canViewActivity(member, activity, null))
    fail('NOT_FOUND', { field: 'id', message: '活动不存在或不面向你所在的党支部' });
  const closed = signUpClosedReason(activity, now);
  if (closed !== null) fail('CLOSED', { message: closed });
  if (!isInActivityAudience(activity.audience, member.branchId)) fail('FORBIDDEN', { field: 'id', message: '本活动不面向你所在的党支部' });

  const { status, deltas } = await takePlace(ctx, activity, input.acceptReminder);
  return { status, activity: await toActivityDetail(withDeltas(activity, deltas), { member, now, mine: status }) };
}
