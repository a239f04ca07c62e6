/**
 * The progress actions' rows of the stats contract tables (test/functions/stats-contract.test.ts
 * joins them with the programme actions' rows from stats-programmes.cases.ts).
 */
import { ANY_MEMBER, INJECTION, ORG_ADMIN, SCRIPT, type BadInputCase, type Outcome, type PermissionCase } from '../support/contractTables';

const SEED_BRANCH = 'branch-1';
const OTHER_BRANCH = 'branch-2';
const LONG_ID = 'a'.repeat(65);
/** Every secretary has a branch of their own to look at; a secretary naming another's is refused. */
const OWN_BRANCH_MANAGERS: Outcome[] = ['UNAUTHENTICATED', 'FORBIDDEN', true, true, true];
const NAMED_BRANCH_MANAGERS: Outcome[] = ['UNAUTHENTICATED', 'FORBIDDEN', true, 'FORBIDDEN', true];

/** The current programme in the demo seed, whatever its id: actions without `programmeId` use it. */
export const PROGRESS_PERMISSION_CASES: PermissionCase[] = [
  ['myProgress', async () => ({}), ANY_MEMBER],
  ['pointsLedger', async () => ({}), ANY_MEMBER],
  ['branchDashboard', async () => ({}), OWN_BRANCH_MANAGERS],
  ['behindMembers', async () => ({ branchId: SEED_BRANCH }), NAMED_BRANCH_MANAGERS],
  ['orgRanking', async () => ({}), ORG_ADMIN],
];

/** `recompute` needs a stored programme's id; the contract test passes the seed's. */
export function recomputeCase(programmeId: string): PermissionCase {
  return ['recompute', async () => ({ programmeId }), ORG_ADMIN];
}

export const PROGRESS_BAD_INPUT: Record<string, { caller: string; cases: BadInputCase[] }> = {
  myProgress: {
    caller: 'demo-member',
    cases: [
      ['方案 id 注入', { programmeId: INJECTION }, 'programmeId'],
      ['方案 id 过长', { programmeId: LONG_ID }, 'programmeId'],
      ['替别人查', { memberId: 'm-seed-member-01' }, 'memberId'],
    ],
  },
  pointsLedger: {
    caller: 'demo-member',
    cases: [
      ['游标脚本', { cursor: SCRIPT }, 'cursor'],
      ['每页过多', { pageSize: 51 }, 'pageSize'],
      ['方案 id 注入', { programmeId: INJECTION }, 'programmeId'],
    ],
  },
  branchDashboard: {
    caller: 'demo-secretary',
    cases: [
      ['支部 id 注入', { branchId: INJECTION }, 'branchId'],
      ['支部 id 脚本', { branchId: SCRIPT }, 'branchId'],
      ['自带汇总', { summary: { members: 1 } }, 'summary'],
    ],
  },
  behindMembers: {
    caller: 'demo-secretary',
    cases: [
      ['未知项目', { item: 'poem' }, 'item'],
      ['游标脚本', { cursor: SCRIPT }, 'cursor'],
      ['每页为零', { pageSize: 0 }, 'pageSize'],
      ['支部 id 过长', { branchId: LONG_ID }, 'branchId'],
    ],
  },
  orgRanking: {
    caller: 'demo-admin',
    cases: [
      ['方案 id 注入', { programmeId: INJECTION }, 'programmeId'],
      ['按支部', { branchId: OTHER_BRANCH }, 'branchId'],
    ],
  },
  recompute: {
    caller: 'demo-admin',
    cases: [
      ['缺少方案', {}, 'programmeId'],
      ['方案 id 注入', { programmeId: INJECTION }, 'programmeId'],
      ['重来不是布尔', { programmeId: 'prog-x', restart: 'yes' }, 'restart'],
    ],
  },
};
