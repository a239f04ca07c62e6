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

export const DEMO_IDENTITIES: DemoIdentity[] = [
  { openid: 'demo-member', label: '党员 · 第一党支部', role: 'member' },
  { openid: 'demo-secretary', label: '支部书记 · 第一党支部', role: 'secretary' },
  { openid: 'demo-admin', label: '组织部 · 管理员', role: 'org_admin' },
  { openid: 'demo-stranger', label: '尚未加入的微信用户', role: 'member' },
];

export const SEED_BRANCH_ID = 'branch-1';

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

function partyStatusFor(index: number): PartyStatus {
  if (index % 9 === 4) return 'activist';
  if (index % 7 === 3) return 'probationary';
  return 'full';
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
  const member = (openid: string, name: string, branchId: string, role: Role, partyStatus: PartyStatus): MemberDoc =>
    memberDoc({ openid, name, branchId, role, partyStatus }, now);

  const members: MemberDoc[] = [
    member('demo-member', '林红', SEED_BRANCH_ID, 'member', 'full'),
    member('demo-secretary', '赵书记', SEED_BRANCH_ID, 'secretary', 'full'),
    member('demo-admin', '组织部小陈', 'branch-4', 'org_admin', 'full'),
  ];
  const hasSecretary = new Set([SEED_BRANCH_ID]);
  for (let index = 0; index < GENERATED_MEMBERS; index += 1) {
    const branchId = branchIds[index % branchIds.length] ?? SEED_BRANCH_ID;
    const role: Role = hasSecretary.has(branchId) ? 'member' : 'secretary';
    hasSecretary.add(branchId);
    const name = `${SURNAMES[index % SURNAMES.length]}${GIVEN_NAMES[(index * 5) % GIVEN_NAMES.length]}`;
    members.push(member(`seed-member-${String(index + 1).padStart(2, '0')}`, name, branchId, role, partyStatusFor(index)));
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
