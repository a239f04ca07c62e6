/**
 * What the check-in tests share: an activity that takes check-ins now (第一党支部, fenced where its
 * organiser stood), points moved by metres, codes as the screens issue them, and the stored
 * check-ins to assert on.
 */
import cloud from 'wx-server-sdk';
import type { CheckinFence, LocationReading } from '../../types/contracts/checkin';
import type { ActivityDoc, CheckinDoc, MemberDoc } from '../../server/documents';
import { fetchList } from '../../server/kernel/db';
import type { TestEnv } from '../support/localEnv';
import { after, HOUR } from './activity-manage.fixtures';
import { placeActivity } from './activity-signup.fixtures';

export const MINUTE = 60_000;
export const ACTIVITY_ID = 'act-checkin';
/** Where the organiser stood: 永州 零陵 (gcj02). */
export const HALL: LocationReading = { latitude: 26.221, longitude: 111.631, accuracy: 0 };
export const HALL_FENCE: CheckinFence = { latitude: HALL.latitude, longitude: HALL.longitude, radiusM: 300, source: 'organiser' };
/** The seeded base the footprint tests visit, and its fence's centre and radius. */
export const BASE_ID = 'daoxian-chenshuxiang';
export const BASE_POINT: LocationReading = { latitude: 25.527, longitude: 111.6, accuracy: 20 };
export const BASE_RADIUS_M = 3000;

/** Metres per degree of latitude on core/geo's sphere: moving north by m metres is m metres away. */
const METRES_PER_DEGREE = (6_371_008.8 * Math.PI) / 180;

export function north(point: LocationReading, metres: number, accuracy = point.accuracy): LocationReading {
  return { latitude: point.latitude + metres / METRES_PER_DEGREE, longitude: point.longitude, accuracy };
}

/**
 * An activity of 第一党支部 (its secretary organises it) starting 30 minutes after `now` and lasting
 * two hours, crediting 2 学时 toward 上好一堂党课, fenced around HALL.
 */
export function placeCheckinActivity(env: TestEnv, now: Date, overrides: Partial<ActivityDoc> = {}): ActivityDoc {
  return placeActivity(env, now, {
    _id: ACTIVITY_ID,
    title: '十一月主题党日',
    startAt: after(now, 30 * MINUTE),
    endAt: after(now, 30 * MINUTE + 2 * HOUR),
    signUpDeadline: after(now, 20 * MINUTE),
    countsFor: 'lesson',
    studyHours: 2,
    checkinFence: HALL_FENCE,
    ...overrides,
  });
}

/** The organiser's screen code for the activity now (签到 unless `direction` says 签退). */
export async function screenCode(env: TestEnv, direction: 'in' | 'out' = 'in', activityId = ACTIVITY_ID): Promise<string> {
  const issued = await env.ok('demo-secretary', 'checkin', 'issueCode', { for: 'activity', activityId, direction });
  return issued.code;
}

export async function personalCode(env: TestEnv, openid: string): Promise<string> {
  return (await env.ok(openid, 'checkin', 'issueCode', { for: 'member' })).code;
}

/** The same code with its last character changed: what a guess looks like. */
export function tampered(code: string): string {
  return code.slice(0, -1) + (code.endsWith('A') ? 'B' : 'A');
}

export async function storedCheckins(where: Record<string, unknown> = {}): Promise<CheckinDoc[]> {
  return fetchList<CheckinDoc>(cloud.database().collection('checkins').where(where).limit(1000));
}

export async function storedMember(openid: string): Promise<MemberDoc> {
  const [member] = await fetchList<MemberDoc>(cloud.database().collection('members').where({ openid }).limit(1));
  if (!member) throw new Error(`no member ${openid}`);
  return member;
}

export async function setActivity(id: string, fields: Partial<ActivityDoc>): Promise<void> {
  await cloud.database().collection('activities').doc(id).update({ data: fields });
}
