/**
 * The reads of an attendee export: an activity's sign-ups in arrival order and the active members
 * of the branches it addresses, each index-covered and paged a thousand at a time.
 */
import { SIGN_UP_STATUSES } from '../../types/labels';
import { MAX_AUDIENCE_BRANCHES } from '../../types/contracts/activity';
import type { CheckinDoc, MemberDoc, SignUpDoc } from '../../server/documents';
import { fetchAllPages, fetchList, MAX_DOCS_PER_GET, type Database } from '../../server/kernel/db';

export type ExportSignUpFields = Pick<
  SignUpDoc,
  '_id' | 'memberId' | 'branchId' | 'name' | 'status' | 'signedUpAt' | 'leaveReason' | 'addedBy'
>;

/**
 * Up to `max` sign-ups of every status in (signedUpAt, _id) order (index activity_status_at, every
 * status at once); ties in signedUpAt are ordered by `_id` here.
 */
export async function listSignUpsByArrival(db: Database, activityId: string, max: number): Promise<ExportSignUpFields[]> {
  const signUps = await fetchAllPages<ExportSignUpFields>(
    db
      .collection('sign_ups')
      .where({ activityId, status: db.command.in([...SIGN_UP_STATUSES]) })
      .orderBy('signedUpAt', 'asc')
      .field({ _id: true, memberId: true, branchId: true, name: true, status: true, signedUpAt: true, leaveReason: true, addedBy: true }),
    max,
  );
  return signUps.sort((a, b) => a.signedUpAt.getTime() - b.signedUpAt.getTime() || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
}

export type ExportMemberFields = Pick<MemberDoc, '_id' | 'name' | 'branchId'>;

/**
 * Active members of `branchIds` by branch, then name (index branch_status_name), a page at a time,
 * for as long as the caller keeps asking. Branches go in groups of an audience's size, one `in` each.
 */
export async function* activeMemberPages(db: Database, branchIds: readonly string[]): AsyncGenerator<ExportMemberFields[]> {
  for (let start = 0; start < branchIds.length; start += MAX_AUDIENCE_BRANCHES) {
    const query = db
      .collection('members')
      .where({ branchId: db.command.in(branchIds.slice(start, start + MAX_AUDIENCE_BRANCHES)), status: 'active' })
      .orderBy('branchId', 'asc')
      .orderBy('name', 'asc')
      .field({ _id: true, name: true, branchId: true });
    for (let offset = 0; ; offset += MAX_DOCS_PER_GET) {
      const page = await fetchList<ExportMemberFields>(query.skip(offset).limit(MAX_DOCS_PER_GET));
      // An empty page, not a short one, ends a group: the server may answer short while more remain.
      if (page.length === 0) break;
      yield page;
    }
  }
}

export type ExportCheckinFields = Pick<
  CheckinDoc,
  'memberId' | 'branchId' | 'name' | 'checkedInAt' | 'checkedOutAt' | 'studyHours' | 'method'
>;

/**
 * Up to `max` of the activity's check-ins, newest first (index activity_time): the sign-up sheet's
 * check-in columns, and the rows of those who walked in without a sign-up.
 */
export function listActivityCheckins(db: Database, activityId: string, max: number): Promise<ExportCheckinFields[]> {
  return fetchAllPages<ExportCheckinFields>(
    db
      .collection('checkins')
      .where({ activityId })
      .orderBy('checkedInAt', 'desc')
      .field({ memberId: true, branchId: true, name: true, checkedInAt: true, checkedOutAt: true, studyHours: true, method: true }),
    max,
  );
}
