/**
 * Activities, sign-ups and organiser forms for the activity function's tests, written straight into
 * the store (tests are outside the layers) in the shapes server/documents.ts defines.
 */
import cloud from 'wx-server-sdk';
import type { ActivityDraftInput } from '../../types/contracts/activity';
import type { SignUpStatus } from '../../types/labels';
import { seedActivity } from '../../emulator/seed';
import { signUpId, type ActivityDoc, type MemberDoc, type SignUpDoc } from '../../server/documents';
import { fetchList } from '../../server/kernel/db';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export function after(now: Date, ms: number): Date {
  return new Date(now.getTime() + ms);
}

/** A published 第一党支部 activity in three days, sign-up until two days from now, 30 seats with a waitlist. */
export function activityDoc(now: Date, overrides: Partial<ActivityDoc> & Pick<ActivityDoc, '_id'>): ActivityDoc {
  return {
    ...seedActivity(now),
    kind: 'theme_day',
    title: `主题党日 ${overrides._id}`,
    branchId: 'branch-1',
    audience: ['branch-1'],
    place: '党员活动室',
    startAt: after(now, 3 * DAY),
    endAt: after(now, 3 * DAY + 2 * HOUR),
    signUpDeadline: after(now, 2 * DAY),
    capacity: 30,
    createdBy: 'm-demo-secretary',
    ...overrides,
  };
}

/** The organiser's form for the same activity, as the app sends it. */
export function draftInput(now: Date, overrides: Partial<ActivityDraftInput> = {}): ActivityDraftInput {
  return {
    kind: 'theme_day',
    title: '十一月主题党日',
    description: '重温入党誓词，交流学习体会。',
    place: '党员活动室',
    startAt: after(now, 3 * DAY).toISOString(),
    endAt: after(now, 3 * DAY + 2 * HOUR).toISOString(),
    signUpDeadline: after(now, 2 * DAY).toISOString(),
    capacity: 30,
    waitlist: true,
    audienceBranchIds: ['branch-1'],
    countsFor: 'lesson',
    studyHours: 2,
    ...overrides,
  };
}

export function signUpDoc(
  activityId: string,
  member: Pick<MemberDoc, '_id' | 'branchId' | 'name'>,
  status: SignUpStatus,
  at: Date,
): SignUpDoc {
  return {
    _id: signUpId(activityId, member._id),
    activityId,
    memberId: member._id,
    branchId: member.branchId,
    name: member.name,
    status,
    signedUpAt: at,
    updatedAt: at,
    leaveReason: null,
    addedBy: null,
    subscribeCredits: 0,
  };
}

/** Seeded members' ids follow memberDoc's convention (`m-<openid>`). */
export function seededMember(openid: string, branchId = 'branch-1'): Pick<MemberDoc, '_id' | 'branchId' | 'name'> {
  return { _id: `m-${openid}`, branchId, name: openid };
}

export async function storedDocs<T>(collection: string, where: Record<string, unknown> = {}): Promise<T[]> {
  return fetchList<T>(cloud.database().collection(collection).where(where).limit(1000));
}
