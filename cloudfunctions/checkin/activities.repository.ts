/** What the checkin function reads of activities, their sign-ups and members, and the fence it notes on an activity. */
import type { CheckinFence } from '../../types/contracts/checkin';
import type { ActivityDoc, MemberDoc, SignUpDoc } from '../../server/documents';
import { fetchAllPages, fetchById, type Database } from '../../server/kernel/db';

/**
 * The most sign-ups a roster reads (in pages of 1000). Activities are sized for a hall or a bus,
 * far below it; past it the roster would show the first ones only rather than time out.
 */
export const MAX_ROSTER_SIGN_UPS = 5000;

export function findActivity(db: Database, id: string): Promise<ActivityDoc | null> {
  return fetchById<ActivityDoc>(db.collection('activities'), id);
}

/** Only the fence moves, so it cannot clash with sign-ups or an organiser's edit. */
export async function saveActivityFence(db: Database, id: string, fence: CheckinFence | null): Promise<void> {
  await db
    .collection('activities')
    .doc(id)
    .update({ data: { checkinFence: fence === null ? null : db.command.set(fence) } });
}

export function findMember(db: Database, id: string): Promise<MemberDoc | null> {
  return fetchById<MemberDoc>(db.collection('members'), id);
}

/** The activity's sign-ups holding a seat, in arrival order (index activity_status_at). */
export function listSignedUp(db: Database, activityId: string): Promise<SignUpDoc[]> {
  return fetchAllPages<SignUpDoc>(
    db.collection('sign_ups').where({ activityId, status: 'signed' }).orderBy('signedUpAt', 'asc'),
    MAX_ROSTER_SIGN_UPS,
  );
}
