import type { MemberContext } from '../../../server/kernel/router';
import { loadVisibleActivity } from '../access';
import { toActivityDetail } from '../activityView';

/** DB requests: the caller (kernel), the activity and the caller's own sign-up = 3, read side by side. */
export async function detail(input: { id: string }, ctx: MemberContext) {
  const { db, member, now } = ctx;
  const { activity, mine } = await loadVisibleActivity(db, member, input.id);
  return { activity: await toActivityDetail(activity, { member, now, mine }), mine };
}
