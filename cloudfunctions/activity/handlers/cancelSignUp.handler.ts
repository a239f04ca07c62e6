import { cancelClosedReason } from '../../../core/activity/rules';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { loadVisibleActivity } from '../access';
import { toActivityDetail } from '../activityView';
import { givePlaceUp, withDeltas } from '../places';

/** Cancels the caller's sign-up until the deadline; the record stays, as 'cancelled'. A repeat answers as it stands. */
export async function cancelSignUp(input: { id: string }, ctx: MemberContext) {
  const { db, member, now } = ctx;
  const { activity, mine } = await loadVisibleActivity(db, member, input.id);
  if (mine !== 'cancelled') {
    const closed = cancelClosedReason(activity, now);
    if (closed !== null) fail('CLOSED', { message: closed });
  }
  const { status, deltas } = await givePlaceUp(ctx, activity, mine, 'cancelled', {});
  return { status, activity: await toActivityDetail(withDeltas(activity, deltas), { member, now, mine: status }) };
}
