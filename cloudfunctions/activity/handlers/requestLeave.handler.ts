import { leaveClosedReason } from '../../../core/activity/rules';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { loadVisibleActivity } from '../access';
import { toActivityDetail } from '../activityView';
import { givePlaceUp, withDeltas } from '../places';

/**
 * 请假 for a signed or waitlisted place, until the start (after the deadline it is the only way
 * out, and a waitlisted member who cannot come must not be promoted into a no-show). The reason is
 * kept on the record; a repeat answers as it stands.
 */
export async function requestLeave(input: { id: string; reason: string }, ctx: MemberContext) {
  const { db, member, now } = ctx;
  const { activity, mine } = await loadVisibleActivity(db, member, input.id);
  if (mine !== 'leave') {
    const closed = leaveClosedReason(activity, now);
    if (closed !== null) fail('CLOSED', { message: closed });
  }
  const { status, deltas } = await givePlaceUp(ctx, activity, mine, 'leave', { leaveReason: input.reason });
  return { status, activity: await toActivityDetail(withDeltas(activity, deltas), { member, now, mine: status }) };
}
