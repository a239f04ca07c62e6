/**
 * The organisers' attendee export: who may take one and which people it covers, and what each row
 * of its two sheets says. Pure; the activity function reads the records and writes the file.
 */
import { CHECKIN_METHOD_LABELS, SIGN_UP_STATUS_LABELS, type CheckinMethod, type SignUpStatus } from '../../types/labels';
import { formatShanghai } from '../time';
import { managesActivity, type ActivityFacts, type ActivityViewer } from './access';
import { AUDIENCE_ALL, isInActivityAudience } from './rules';

export interface AttendeeExportScope {
  /** Only sign-ups of members of this branch; null for every sign-up of the activity. */
  signUpsOfBranch: string | null;
  /** Branches whose active members who did not sign up make the second sheet; 'all' for every 党支部. */
  memberBranches: 'all' | string[];
}

/**
 * Org admins export everything an activity is addressed to. A secretary exports their own branch's
 * activities, and from an activity another organiser addressed to their branch (an org-wide 主题党日)
 * their own branch's people only: other branches' names are not theirs to hand out. Null for anyone else.
 */
export function attendeeExportScope(
  viewer: ActivityViewer,
  activity: Pick<ActivityFacts, 'branchId' | 'audience' | 'status'>,
): AttendeeExportScope | null {
  if (viewer.role === 'org_admin') {
    return { signUpsOfBranch: null, memberBranches: activity.audience.includes(AUDIENCE_ALL) ? 'all' : [...activity.audience] };
  }
  if (viewer.role !== 'secretary') return null;
  if (managesActivity(viewer, activity)) return { signUpsOfBranch: null, memberBranches: [viewer.branchId] };
  if (activity.status !== 'draft' && isInActivityAudience(activity.audience, viewer.branchId)) {
    return { signUpsOfBranch: viewer.branchId, memberBranches: [viewer.branchId] };
  }
  return null;
}

export interface OrgNodeFacts {
  _id: string;
  kind: string;
  parentId: string | null;
  order: number;
}

/** The 党支部 among `orgs` as the org tree shows them: depth-first from the roots, siblings by `order`. */
export function branchesInTreeOrder<O extends OrgNodeFacts>(orgs: readonly O[]): O[] {
  const ids = new Set(orgs.map((org) => org._id));
  const children = new Map<string | null, O[]>();
  for (const org of [...orgs].sort((a, b) => a.order - b.order)) {
    // An org whose parent is missing is shown as a root rather than lost.
    const parentId = org.parentId !== null && ids.has(org.parentId) ? org.parentId : null;
    children.set(parentId, [...(children.get(parentId) ?? []), org]);
  }
  const ordered: O[] = [];
  const visit = (parentId: string | null): void => {
    for (const org of children.get(parentId) ?? []) {
      if (org.kind === 'branch') ordered.push(org);
      else visit(org._id);
    }
  };
  visit(null);
  return ordered;
}

export const SIGN_UP_SHEET = { name: '报名名单', header: ['姓名', '支部', '状态', '报名时间', '请假原因', '组织者添加'] } as const;
export const NOT_SIGNED_UP_SHEET = { name: '未报名党员', header: ['姓名', '支部'] } as const;

export interface ExportedSignUp {
  name: string;
  branchName: string;
  status: SignUpStatus;
  signedUpAt: Date;
  leaveReason: string | null;
  addedByOrganiser: boolean;
}

/** Times as the organiser reads them: Beijing time to the minute. */
export function signUpRow(signUp: ExportedSignUp): string[] {
  return [
    signUp.name,
    signUp.branchName,
    SIGN_UP_STATUS_LABELS[signUp.status],
    formatShanghai(signUp.signedUpAt, 'YYYY-MM-DD HH:mm'),
    signUp.leaveReason ?? '',
    signUp.addedByOrganiser ? '是' : '',
  ];
}

/** Check-in columns after a sign-up's own, empty for someone who never checked in. */
export const CHECKIN_COLUMNS = ['签到时间', '签退时间', '学时', '签到方式'] as const;

export interface ExportedCheckin {
  checkedInAt: Date;
  checkedOutAt: Date | null;
  studyHours: number | null;
  method: CheckinMethod;
}

export function checkinCells(checkin: ExportedCheckin | null): string[] {
  if (checkin === null) return ['', '', '', ''];
  return [
    formatShanghai(checkin.checkedInAt, 'YYYY-MM-DD HH:mm'),
    checkin.checkedOutAt === null ? '' : formatShanghai(checkin.checkedOutAt, 'YYYY-MM-DD HH:mm'),
    checkin.studyHours === null ? '' : String(checkin.studyHours),
    CHECKIN_METHOD_LABELS[checkin.method],
  ];
}

/** The 状态 of someone who checked in without signing up: allowed to anyone the activity addresses. */
export const WALK_IN_STATUS = '未报名·现场签到';

export interface ExportedWalkIn extends ExportedCheckin {
  memberId: string;
  branchId: string;
  /** The name on the check-in, as it was when they came. */
  name: string;
}

/**
 * Who checked in without a sign-up (`signedUp` holds every sign-up's member, whatever its status),
 * earliest first; only `ofBranch`'s people when the export is limited to one branch.
 */
export function walkInsOf<W extends ExportedWalkIn>(checkins: readonly W[], signedUp: ReadonlySet<string>, ofBranch: string | null): W[] {
  return checkins
    .filter((checkin) => !signedUp.has(checkin.memberId) && (ofBranch === null || checkin.branchId === ofBranch))
    .sort((a, b) => a.checkedInAt.getTime() - b.checkedInAt.getTime() || (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0));
}

/** A walk-in's row on the sign-up sheet: no 报名时间, 请假原因 or 组织者添加, since there was no sign-up. */
export function walkInRow(walkIn: ExportedWalkIn, branchName: string): string[] {
  return [walkIn.name, branchName, WALK_IN_STATUS, '', '', '', ...checkinCells(walkIn)];
}

/** The last row of a sheet cut at `maxRows`. */
export function truncatedNote(maxRows: number): string {
  return `（超过 ${maxRows.toLocaleString('en-US')} 条，只列出前 ${maxRows.toLocaleString('en-US')} 条）`;
}

/**
 * The second sheet cannot be trusted when the sign-ups were not all read: someone past the cut
 * would show as not signed up. It then says so instead of listing names.
 */
export const NOT_SIGNED_UP_UNKNOWN = '（报名记录超过导出上限，无法核对谁未报名）';
