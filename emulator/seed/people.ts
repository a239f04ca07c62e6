/**
 * The demo organisation: one 党委, two 党总支, five 党支部, the three demo identities and
 * generated members with invented, generic names (never real officials).
 */
import type { PartyStatus, Role } from '../../types/common';
import { PRIVACY_VERSION } from '../../types/contracts/member';
import { consentId, type ConsentDoc, type MemberDoc, type OrgDoc } from '../../server/documents';

export interface DemoIdentity {
  openid: string;
  label: string;
  role: Role;
}

export const SEED_BRANCH_ID = 'branch-1';

/** Plain full names: the app adds 同志 and roles itself, so a title in the name would read twice (赵书记同志). */
export const DEMO_NAMES = { member: '林红', secretary: '赵志刚', admin: '陈静' } as const;

/** What the local identity picker offers; each label says who the person is, so the tour in README.md can point at them. */
export const DEMO_IDENTITIES: DemoIdentity[] = [
  { openid: 'demo-member', label: `${DEMO_NAMES.member} · 第一党支部党员`, role: 'member' },
  { openid: 'demo-secretary', label: `${DEMO_NAMES.secretary} · 第一党支部书记`, role: 'secretary' },
  { openid: 'demo-admin', label: `${DEMO_NAMES.admin} · 组织部管理员`, role: 'org_admin' },
  { openid: 'demo-stranger', label: '陌生人 · 尚未加入党支部的微信用户', role: 'member' },
];

const ORGS: Omit<OrgDoc, 'activeMemberCount'>[] = [
  { _id: 'org-committee', name: '红途示范学院党委', kind: 'committee', parentId: null, order: 0 },
  { _id: 'org-teaching', name: '教学单位党总支', kind: 'general_branch', parentId: 'org-committee', order: 1 },
  { _id: 'org-offices', name: '机关党总支', kind: 'general_branch', parentId: 'org-committee', order: 2 },
  { _id: 'branch-1', name: '第一党支部', kind: 'branch', parentId: 'org-teaching', order: 1 },
  { _id: 'branch-2', name: '第二党支部', kind: 'branch', parentId: 'org-teaching', order: 2 },
  { _id: 'branch-3', name: '第三党支部', kind: 'branch', parentId: 'org-teaching', order: 3 },
  { _id: 'branch-4', name: '机关第一党支部', kind: 'branch', parentId: 'org-offices', order: 1 },
  { _id: 'branch-5', name: '离退休党支部', kind: 'branch', parentId: 'org-offices', order: 2 },
];

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙'];
const GIVEN_NAMES = ['建华', '晓燕', '志明', '丽娟', '国强', '海燕', '文博', '秀兰', '思远', '雅琴', '振宇', '春梅', '立新'];
const GENERATED_MEMBERS = 40;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When full members joined the Party (shown as 加入时间): a few veterans from 2008, most from 2015 on.
 * All lie more than a year back, since a full member has passed the probationary year.
 */
const FULL_MEMBER_JOIN_DAYS = [
  '2008-07-01',
  '2015-06-26',
  '2016-11-18',
  '2017-07-01',
  '2018-05-04',
  '2019-06-28',
  '2020-12-10',
  '2021-07-01',
  '2022-06-24',
  '2023-11-20',
  '2024-06-28',
  '2015-12-04',
  '2019-11-15',
  '2023-06-30',
];

/** The app came into use about this long ago; members who joined before it have records from then on. */
const APP_IN_USE_FOR_DAYS = 420;

function partyStatusFor(index: number): PartyStatus {
  if (index % 9 === 4) return 'activist';
  if (index % 7 === 3) return 'probationary';
  return 'full';
}

function shanghaiMidday(isoDay: string): Date {
  return new Date(`${isoDay}T12:00:00+08:00`);
}

function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

/**
 * Full members joined years ago; probationary members within the last year; activists are not in
 * the Party yet, so theirs is when they joined the branch in the app, in the last months.
 */
function joinedAtFor(index: number, partyStatus: PartyStatus, now: Date): Date {
  if (partyStatus === 'probationary') return daysBefore(now, 40 + ((index * 47) % 300));
  if (partyStatus === 'activist') return daysBefore(now, 12 + ((index * 29) % 150));
  return shanghaiMidday(FULL_MEMBER_JOIN_DAYS[index % FULL_MEMBER_JOIN_DAYS.length] ?? '2018-07-01');
}

/** A record is made when the member first opens the app: the join itself, or the first weeks of the app for earlier members. */
function createdAtFor(index: number, joinedAt: Date, now: Date): Date {
  const firstWeeks = daysBefore(now, APP_IN_USE_FOR_DAYS - ((index * 3) % 45));
  return joinedAt > firstWeeks ? joinedAt : firstWeeks;
}

/**
 * A member document as a join leaves it, for the seed, the bench and tests that write members
 * straight into the store: an active, fully-fledged member unless the fields say otherwise.
 */
export function memberDoc(fields: Pick<MemberDoc, 'openid' | 'name' | 'branchId'> & Partial<MemberDoc>, at: Date): MemberDoc {
  return {
    _id: `m-${fields.openid}`,
    role: 'member',
    partyStatus: 'full',
    status: 'active',
    joinedAt: at,
    createdAt: at,
    updatedAt: at,
    ...fields,
  };
}

/** Everyone seeded has joined, and joining starts with accepting the privacy guide. */
export function seedPeople(now: Date): { orgs: OrgDoc[]; members: MemberDoc[]; consents: ConsentDoc[] } {
  const branchIds = ORGS.filter((org) => org.kind === 'branch').map((org) => org._id);
  const member = (
    openid: string,
    name: string,
    branchId: string,
    role: Role,
    partyStatus: PartyStatus,
    index: number,
    joinedAt = joinedAtFor(index, partyStatus, now),
  ): MemberDoc => {
    const createdAt = createdAtFor(index, joinedAt, now);
    return memberDoc({ openid, name, branchId, role, partyStatus, joinedAt, createdAt, updatedAt: createdAt }, now);
  };

  const members: MemberDoc[] = [
    member('demo-member', DEMO_NAMES.member, SEED_BRANCH_ID, 'member', 'full', 0, shanghaiMidday('2016-06-28')),
    member('demo-secretary', DEMO_NAMES.secretary, SEED_BRANCH_ID, 'secretary', 'full', 1, shanghaiMidday('2008-07-01')),
    member('demo-admin', DEMO_NAMES.admin, 'branch-4', 'org_admin', 'full', 2, shanghaiMidday('2012-06-29')),
  ];
  const hasSecretary = new Set([SEED_BRANCH_ID]);
  for (let index = 0; index < GENERATED_MEMBERS; index += 1) {
    const branchId = branchIds[index % branchIds.length] ?? SEED_BRANCH_ID;
    const role: Role = hasSecretary.has(branchId) ? 'member' : 'secretary';
    hasSecretary.add(branchId);
    const name = `${SURNAMES[index % SURNAMES.length]}${GIVEN_NAMES[(index * 5) % GIVEN_NAMES.length]}`;
    members.push(member(`seed-member-${String(index + 1).padStart(2, '0')}`, name, branchId, role, partyStatusFor(index), index));
  }

  const counts = new Map<string, number>();
  for (const { branchId } of members) counts.set(branchId, (counts.get(branchId) ?? 0) + 1);
  const orgs = ORGS.map((org) => ({ ...org, activeMemberCount: counts.get(org._id) ?? 0 }));
  const consents = members.map(({ openid }) => ({
    _id: consentId(openid, PRIVACY_VERSION),
    openid,
    version: PRIVACY_VERSION,
    acceptedAt: now,
  }));
  return { orgs, members, consents };
}
