import type { LocationReading } from '../../../types/contracts/checkin';
import { codeClosedReason } from '../../../core/checkin/rules';
import { checkinLink } from '../../../core/checkin/link';
import { checkinLinkBase } from '../../../server/checkinSecret';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { activityClosedReason, loadOrganisedActivity } from '../access';
import { saveActivityFence } from '../activities.repository';
import { findBase } from '../bases.repository';
import { issueCode as issue } from '../codes';
import { activityFence, sameFence } from '../fence';

type IssueInput =
  { for: 'activity'; activityId: string; direction: 'in' | 'out'; at?: LocationReading | undefined; relocate: boolean } | { for: 'member' };

/**
 * The code a screen shows for one slot: an organiser's 签到/签退 code for an activity (a link in a
 * QR code, with the fence it is checked against, noted on the activity when it changes), or the
 * caller's personal code for 反扫, a QR code of the bare code that only the organiser's scanner in
 * the app reads. DB requests for an activity: caller, activity, its base if it has one, and a write
 * only when the fence moves = 2–4; for a personal code the caller's only.
 */
export async function issueCode(input: IssueInput, ctx: MemberContext) {
  const { db, member, now } = ctx;
  if (input.for === 'member') {
    const issued = issue('member', member._id, now);
    return { ...issued, qrText: issued.code, fence: null };
  }
  const activity = await loadOrganisedActivity(db, member, input.activityId);
  const closed = activityClosedReason(activity) ?? codeClosedReason(activity, now);
  if (closed !== null) fail('CLOSED', { message: closed });

  const base = activity.baseId === null || activity.online ? null : await findBase(db, activity.baseId);
  const fence = activityFence(activity, base, { at: input.at, relocate: input.relocate });
  if (!sameFence(activity.checkinFence, fence)) await saveActivityFence(db, activity._id, fence);
  const issued = issue(input.direction, activity._id, now);
  return { ...issued, qrText: checkinLink(checkinLinkBase(), issued.code), fence };
}
