import type { ActivityDetail, ActivitySummary, ShareCard } from '../../../types/contracts/activity';
import { PRIVACY_VERSION, type MemberView } from '../../../types/contracts/member';

/** 2026-11-30 14:30–16:30 Beijing time, sign-up closing the day before at 18:00. */
const START = '2026-11-30T06:30:00.000Z';
const END = '2026-11-30T08:30:00.000Z';
const DEADLINE = '2026-11-29T10:00:00.000Z';

export const member: MemberView = {
  id: 'm-member',
  name: '王党员',
  branchId: 'branch-1',
  branchName: '第一党支部',
  role: 'member',
  partyStatus: 'full',
  status: 'active',
  joinedAt: '2025-01-01T00:00:00.000Z',
};
export const secretary: MemberView = { ...member, id: 'm-secretary', name: '李书记', role: 'secretary' };
export const orgAdmin: MemberView = { ...member, id: 'm-admin', name: '组织部', role: 'org_admin' };

export function meAnswer(who: MemberView | null) {
  return { ok: true, data: { privacyAccepted: who !== null, privacyVersion: PRIVACY_VERSION, member: who } };
}

export function summary(overrides: Partial<ActivitySummary> = {}): ActivitySummary {
  return {
    id: 'act-1',
    kind: 'theme_day',
    title: '重温入党誓词主题党日',
    status: 'published',
    branchId: 'branch-1',
    place: '党员活动室',
    online: false,
    startAt: START,
    endAt: END,
    signUpDeadline: DEADLINE,
    capacity: 3,
    signedUpCount: 0,
    waitlistCount: 0,
    waitlist: true,
    mine: null,
    ...overrides,
  };
}

export function detail(overrides: Partial<ActivityDetail> = {}): ActivityDetail {
  const base = summary();
  return {
    ...base,
    description: '集体重温入党誓词，交流学习体会。',
    coverFileId: null,
    coverUrl: null,
    baseId: null,
    signUpOpensAt: null,
    audienceBranchIds: ['branch-1'],
    countsFor: 'lesson',
    studyHours: 2,
    cancelReason: null,
    seatsLeft: 3,
    can: { signUp: true, cancelSignUp: false, requestLeave: false, manage: false },
    signUpClosedReason: null,
    ...overrides,
  };
}

export function shareCard(overrides: Partial<ShareCard> = {}): ShareCard {
  return {
    id: 'act-1',
    title: '重温入党誓词主题党日',
    kindLabel: '主题党日',
    startAt: START,
    endAt: END,
    place: '党员活动室',
    online: false,
    seatsLeft: 3,
    full: false,
    waitlist: true,
    path: 'activity/detail/index?id=act-1',
    ...overrides,
  };
}
