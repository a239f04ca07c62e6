/**
 * demo-member's footprint, so 我的足迹 is not empty on first open: over the past months, a 补录 at a
 * 党课, a base visit, a 主题党日 with 签到, 签退 and 学时, and a base visit sent from the offline queue.
 * The two activities are seeded in ./pastActivities.ts. The 补录 has no audit_logs entry, so 操作记录
 * starts empty.
 */
import { studyCredit } from '../../core/checkin/rules';
import { distanceM } from '../../core/geo';
import { shanghaiDay, shanghaiTimeOn } from '../../core/time';
import type { LocationReading } from '../../types/contracts/checkin';
import { activityCheckinId, baseCheckinId, checkinDoc, type CheckinDoc, type MemberDoc } from '../../server/documents';
import { seedBases, type BaseSeed } from './bases';
import { MEETING_ROOM, OCTOBER_THEME_DAY_ID, branchActivitySchedule, SEPTEMBER_LESSON_ID } from './branchActivities';
import { DEMO_NAMES, SEED_BRANCH_ID } from './people';

type Person = Pick<MemberDoc, '_id' | 'branchId' | 'name'>;

const DEMO_MEMBER: Person = { _id: 'm-demo-member', branchId: SEED_BRANCH_ID, name: DEMO_NAMES.member };
const DEMO_SECRETARY = { memberId: 'm-demo-secretary', name: DEMO_NAMES.secretary };
const MINUTE_MS = 60_000;

function seededBase(id: string): BaseSeed {
  const base = seedBases.find((candidate) => candidate.id === id);
  if (!base) throw new Error(`no seeded base ${id}`);
  return base;
}

/** A visit at a base's printed code, standing `reading` away from its point. */
function baseVisit(person: Person, baseId: string, checkedInAt: Date, reading: LocationReading): CheckinDoc {
  const base = seededBase(baseId);
  return checkinDoc(person, checkedInAt, {
    _id: baseCheckinId(base.id, shanghaiDay(checkedInAt), person._id),
    kind: 'base',
    activityId: null,
    baseId: base.id,
    placeName: base.name,
    method: 'base',
    countsFor: 'visit',
    location: reading,
    distanceM: Math.round(distanceM(base, reading)),
    latitude: base.latitude,
    longitude: base.longitude,
  });
}

export function seedCheckins(now: Date): CheckinDoc[] {
  const person = DEMO_MEMBER;
  const { lesson: lessonHeld, themeDay: themeDayHeld } = branchActivitySchedule(now);

  // 专题党课: the phone was flat, so the secretary back-filled it at the end of the lesson.
  const lessonId = SEPTEMBER_LESSON_ID;
  const backfilledAt = new Date(lessonHeld.endAt.getTime() + 10 * MINUTE_MS);
  const lesson = checkinDoc(person, backfilledAt, {
    _id: activityCheckinId(lessonId, person._id),
    kind: 'activity',
    activityId: lessonId,
    baseId: null,
    placeName: lessonHeld.title,
    method: 'backfill',
    countsFor: 'lesson',
    latitude: MEETING_ROOM.latitude,
    longitude: MEETING_ROOM.longitude,
    recordedBy: DEMO_SECRETARY,
    reason: '手机没电未能扫码，现场核实后补录',
  });

  const lingling = baseVisit(person, 'lingling-hongliujuntuan-hq', shanghaiTimeOn(now, -52, 10, 18), {
    latitude: 26.2231,
    longitude: 111.6297,
    accuracy: 30,
  });

  // 主题党日, 14:30–16:30 for 2 学时: in at 14:24, out at 16:33, credited as the rules credit it.
  const themeDay = { _id: OCTOBER_THEME_DAY_ID, ...themeDayHeld };
  const cameAt = new Date(themeDay.startAt.getTime() - 6 * MINUTE_MS);
  const leftAt = new Date(themeDay.endAt.getTime() + 3 * MINUTE_MS);
  const themeDayCheckin = checkinDoc(person, cameAt, {
    _id: activityCheckinId(themeDay._id, person._id),
    kind: 'activity',
    activityId: themeDay._id,
    baseId: null,
    placeName: themeDay.title,
    method: 'code',
    countsFor: 'lesson',
    location: { latitude: 26.2217, longitude: 111.6316, accuracy: 15 },
    distanceM: Math.round(distanceM(MEETING_ROOM, { latitude: 26.2217, longitude: 111.6316 })),
    latitude: MEETING_ROOM.latitude,
    longitude: MEETING_ROOM.longitude,
    checkedOutAt: leftAt,
    ...studyCredit(themeDay, cameAt, leftAt),
  });

  // No signal at the residence: the scan waited in the phone's queue until the bus reached town.
  const lida = baseVisit(person, 'lengshuitan-lida-residence', shanghaiTimeOn(now, -12, 9, 47), {
    latitude: 26.4632,
    longitude: 111.5901,
    accuracy: 40,
  });
  const lidaQueued: CheckinDoc = { ...lida, offline: true, receivedAt: shanghaiTimeOn(now, -12, 11, 5) };

  return [lesson, lingling, themeDayCheckin, lidaQueued];
}
