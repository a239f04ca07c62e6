/**
 * member.me replies for each membership state (src/services/membership.ts), for page tests that
 * render a tab as a newcomer, an applicant or a member would see it.
 */
import { PRIVACY_VERSION, type MemberView } from '../../../types/contracts/member';

export const activeMember: MemberView = {
  id: 'm-member',
  name: '王建国',
  branchId: 'branch-1',
  branchName: '第一党支部',
  role: 'member',
  partyStatus: 'full',
  status: 'active',
  joinedAt: '2019-07-01T02:00:00.000Z',
};

export const applicant: MemberView = {
  ...activeMember,
  id: 'm-applicant',
  name: '周晓梅',
  status: 'pending',
  joinedAt: '2026-11-20T02:00:00.000Z',
};

export function meReply(privacyAccepted: boolean, member: MemberView | null) {
  return { ok: true, data: { privacyAccepted, privacyVersion: PRIVACY_VERSION, member } };
}

export const ME_REPLIES = {
  needsConsent: meReply(false, null),
  outsider: meReply(true, null),
  pending: meReply(true, applicant),
  active: meReply(true, activeMember),
};
