/**
 * Writing a check-in once (ARCHITECTURE.md, "Check-ins"): a 签到 is an insert under the `_id` that
 * is the rule, so racing or replayed scans leave one document and the rest hear DUPLICATE with the
 * first one's time; a 签退 is a conditional update that only one can win, crediting 学时.
 */
import type { CheckDirection, LocationReading } from '../../types/contracts/checkin';
import { checkInClosedReason, checkOutClosedReason, studyCredit } from '../../core/checkin/rules';
import { isInActivityAudience } from '../../core/activity/rules';
import { activityCheckinId, checkinDoc, type ActivityDoc, type CheckinDoc, type MemberDoc } from '../../server/documents';
import type { Database } from '../../server/kernel/db';
import { fail } from '../../server/kernel/failure';
import { activityClosedReason } from './access';
import { checkOut, findCheckin, insertCheckin } from './checkins.repository';
import { whenText } from './checkinView';
import { locate, scanFence } from './fence';

export type Person = Pick<MemberDoc, '_id' | 'branchId' | 'name'>;

/** A check-in as the member makes it; callers add what differs (place, method, organiser, reason). */
export function newCheckin(
  person: Person,
  at: Date,
  now: Date,
  fields: Pick<CheckinDoc, '_id' | 'kind' | 'activityId' | 'baseId' | 'placeName' | 'method' | 'countsFor' | 'latitude' | 'longitude'> &
    Partial<Pick<CheckinDoc, 'offline' | 'location' | 'distanceM' | 'photoFileId' | 'recordedBy' | 'reason'>>,
): CheckinDoc {
  return checkinDoc(person, at, { receivedAt: now, ...fields });
}

/** One request on the way in; a duplicate costs one more read, for the time it names. */
export async function insertOnce(db: Database, checkin: CheckinDoc, now: Date, said: (when: string) => string): Promise<CheckinDoc> {
  if (await insertCheckin(db, checkin)) return checkin;
  const first = await findCheckin(db, checkin._id);
  fail('DUPLICATE', { message: said(first ? whenText(first.checkedInAt, now) : whenText(checkin.checkedInAt, now)) });
}

export function duplicateOf(person: Person, self: boolean): (when: string) => string {
  return (when) => (self ? `你已于 ${when} 签到` : `${person.name}已于 ${when} 签到`);
}

export interface ActivityScan {
  activity: ActivityDoc;
  person: Person;
  direction: CheckDirection;
  /** When presence was proven: now, or the slot of a code scanned offline. */
  at: Date;
  offline: boolean;
  /** The member's reading, for a scan the member made; an organiser's 反扫 is made face to face. */
  located: { reading: LocationReading | undefined } | null;
  method: 'code' | 'personal';
  recordedBy: Person | null;
}

/**
 * 签到 or 签退 at an activity, after the code: the activity must take check-ins now, the member be
 * of its audience and (for their own scan) within its fence. 签到: one insert; 签退: the check-in's
 * read and its conditional update.
 */
export async function recordAtActivity(
  db: Database,
  scan: ActivityScan,
  now: Date,
): Promise<{ outcome: 'checkedIn' | 'checkedOut'; checkin: CheckinDoc }> {
  const { activity, person, direction, at } = scan;
  const closed =
    activityClosedReason(activity) ?? (direction === 'in' ? checkInClosedReason(activity, at) : checkOutClosedReason(activity, at));
  if (closed !== null) fail('CLOSED', { message: closed });
  const self = scan.recordedBy === null;
  if (direction === 'in' && !isInActivityAudience(activity.audience, person.branchId)) {
    fail('FORBIDDEN', { message: self ? '本活动不面向你所在的党支部' : `${person.name}所在的党支部不在本活动的参加范围内` });
  }
  const fence = scan.located === null ? null : scanFence(activity);
  const distanceM = scan.located === null ? null : locate(fence, scan.located.reading);
  const id = activityCheckinId(activity._id, person._id);
  if (direction === 'out') return { outcome: 'checkedOut', checkin: await checkOutOnce(db, activity, id, scan, now) };

  const checkin = newCheckin(person, at, now, {
    _id: id,
    kind: 'activity',
    activityId: activity._id,
    baseId: activity.baseId,
    placeName: activity.title,
    method: scan.method,
    countsFor: activity.countsFor,
    latitude: activity.checkinFence?.latitude ?? null,
    longitude: activity.checkinFence?.longitude ?? null,
    offline: scan.offline,
    location: scan.located?.reading ?? null,
    distanceM,
    recordedBy: scan.recordedBy === null ? null : { memberId: scan.recordedBy._id, name: scan.recordedBy.name },
  });
  return { outcome: 'checkedIn', checkin: await insertOnce(db, checkin, now, duplicateOf(person, self)) };
}

async function checkOutOnce(db: Database, activity: ActivityDoc, id: string, scan: ActivityScan, now: Date): Promise<CheckinDoc> {
  const self = scan.recordedBy === null;
  const checkin = await findCheckin(db, id);
  if (!checkin) fail('NOT_FOUND', { message: self ? '你还没有签到，无法签退' : `${scan.person.name}还没有签到，无法签退` });
  const alreadyOut = (at: Date): never => fail('DUPLICATE', { message: `${self ? '你' : scan.person.name}已于 ${whenText(at, now)} 签退` });
  if (checkin.checkedOutAt !== null) alreadyOut(checkin.checkedOutAt);
  // Received now: the 学时 it credits reach the statistics, whose aggregator finds changed check-ins by `receivedAt`.
  const checkedOut = { checkedOutAt: scan.at, ...studyCredit(activity, checkin.checkedInAt, scan.at), receivedAt: now };
  if (!(await checkOut(db, id, checkedOut))) {
    const won = await findCheckin(db, id);
    alreadyOut(won?.checkedOutAt ?? scan.at);
  }
  return { ...checkin, ...checkedOut };
}
