/**
 * What the sign-up tests share: an activity and members written straight into the store, and the
 * one check every test ends with — each activity's counters equal its sign-up records per status.
 */
import cloud from 'wx-server-sdk';
import { SIGN_UP_STATUSES } from '../../types/labels';
import { memberDoc } from '../../emulator/seed';
import type { ActivityDoc, SignUpDoc } from '../../server/documents';
import { fetchAllPages } from '../../server/kernel/db';
import type { TestEnv } from '../support/localEnv';
import { activityDoc } from './activity-manage.fixtures';

const COUNTER_OF = {
  signed: 'signedUpCount',
  waitlisted: 'waitlistCount',
  leave: 'leaveCount',
  cancelled: 'cancelledCount',
} as const;

/** Puts one activity (activity-manage.fixtures' defaults: 第一党支部, 30 seats, waitlist) into the store. */
export function placeActivity(env: TestEnv, now: Date, overrides: Partial<ActivityDoc> & Pick<ActivityDoc, '_id'>): ActivityDoc {
  const doc = activityDoc(now, overrides);
  env.store.insertMany('activities', [{ ...doc }]);
  return doc;
}

/** `count` active members of `branchId` with openids `<prefix>-<i>`, in that order. */
export function placeMembers(env: TestEnv, now: Date, count: number, prefix: string, branchId = 'branch-1'): string[] {
  const openids = Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
  env.store.insertMany(
    'members',
    openids.map((openid, i) => ({ ...memberDoc({ openid, name: `党员${prefix}${i}`, branchId }, now) })),
  );
  return openids;
}

export async function storedSignUps(activityId: string): Promise<SignUpDoc[]> {
  return fetchAllPages<SignUpDoc>(cloud.database().collection('sign_ups').where({ activityId }), 20_000);
}

export async function storedActivity(id: string): Promise<ActivityDoc> {
  const [activity] = await fetchAllPages<ActivityDoc>(cloud.database().collection('activities').where({ _id: id }), 1);
  if (!activity) throw new Error(`no activity ${id}`);
  return activity;
}

/** Every activity's four counters, beside the number of its sign-up records in each status. */
export async function expectCountersMatchRecords(): Promise<void> {
  const activities = await fetchAllPages<ActivityDoc>(cloud.database().collection('activities'), 20_000);
  for (const activity of activities) {
    const signUps = await storedSignUps(activity._id);
    const counters = Object.fromEntries(SIGN_UP_STATUSES.map((status) => [status, activity[COUNTER_OF[status]]]));
    const records = Object.fromEntries(SIGN_UP_STATUSES.map((status) => [status, signUps.filter((s) => s.status === status).length]));
    expect({ activity: activity._id, counters }).toEqual({ activity: activity._id, counters: records });
  }
}
