import type { PageInput } from '../../../types/common';
import type { SignUpStatus } from '../../../types/labels';
import { decodeOffsetCursor, toPage } from '../../../server/kernel/paging';
import type { MemberContext } from '../../../server/kernel/router';
import { loadOrganisedActivity } from '../access';
import { toAttendee } from '../places';
import { listAttendeesPage } from '../signUps.repository';

/**
 * The organisers' attendee list: one status in arrival order (or all, grouped by status), and the
 * counts from the activity's counters, which equal the records (ARCHITECTURE.md, "Sign-ups").
 */
export async function attendees(input: PageInput & { id: string; status?: SignUpStatus | undefined }, ctx: MemberContext) {
  const { db, member } = ctx;
  const { activity } = await loadOrganisedActivity(db, member, input.id);
  const offset = decodeOffsetCursor(input.cursor);
  const rows = await listAttendeesPage(db, activity._id, input.status, { offset, limit: input.pageSize + 1 });
  // A count can dip below zero for the length of one request (a promotion racing a sign-up); never shown.
  const count = (value: number) => Math.max(0, value);
  return {
    ...toPage(rows.map(toAttendee), input.pageSize, offset),
    counts: {
      signed: count(activity.signedUpCount),
      waitlisted: count(activity.waitlistCount),
      leave: count(activity.leaveCount),
      cancelled: count(activity.cancelledCount),
    },
  };
}
