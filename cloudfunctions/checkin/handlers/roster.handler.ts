import type { MemberContext } from '../../../server/kernel/router';
import { loadOrganisedActivity } from '../access';
import { listSignedUp } from '../activities.repository';
import { listActivityCheckins } from '../checkins.repository';
import { toCheckinView } from '../checkinView';

const byName = new Intl.Collator('zh-Hans-CN').compare;

/**
 * The live roster: who is in (newest first), who holds a seat and is missing, and who walked in
 * without one. Bounded reads (MAX_ROSTER_CHECKINS, MAX_ROSTER_SIGN_UPS); DB requests: caller,
 * activity, then check-ins and sign-ups side by side, each a page of 1000 and the empty page that
 * ends it (fetchAllPages) = 6 for a hall; the organiser's screen asks every 10 s.
 */
export async function roster(input: { activityId: string }, ctx: MemberContext) {
  const { db, member, now } = ctx;
  const activity = await loadOrganisedActivity(db, member, input.activityId);
  const [checkins, signedUp] = await Promise.all([listActivityCheckins(db, activity._id), listSignedUp(db, activity._id)]);
  const present = new Set(checkins.map((checkin) => checkin.memberId));
  const seated = new Set(signedUp.map((signUp) => signUp.memberId));
  const missing = signedUp
    .filter((signUp) => !present.has(signUp.memberId))
    .map((signUp) => ({ memberId: signUp.memberId, name: signUp.name }))
    .sort((a, b) => byName(a.name, b.name));
  return {
    activity: {
      id: activity._id,
      title: activity.title,
      startAt: activity.startAt.toISOString(),
      endAt: activity.endAt.toISOString(),
      ended: now > activity.endAt,
      online: activity.online,
      studyHours: activity.studyHours,
    },
    counts: {
      signedUp: signedUp.length,
      checkedIn: checkins.length,
      walkIns: checkins.filter((checkin) => !seated.has(checkin.memberId)).length,
      missing: missing.length,
      checkedOut: checkins.filter((checkin) => checkin.checkedOutAt !== null).length,
    },
    present: checkins.map(toCheckinView),
    missing,
  };
}
