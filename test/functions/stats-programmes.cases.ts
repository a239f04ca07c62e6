/**
 * The programme, self-report, reminder and 台账 actions' rows of the stats function's contract
 * tables (test/support/contractTables.ts), for stats-contract.test.ts to run with the progress
 * actions' rows: who may call each (the exact outcome per kind of caller) and how each refuses
 * malformed input (INVALID_INPUT naming the field, nothing written).
 */
import { PENDING_SELF_REPORT_ID } from '../../emulator/seed';
import type { ProgrammeDoc } from '../../server/documents';
import {
  ANY_MEMBER,
  BRANCH_MANAGERS,
  INJECTION,
  NO_INPUT,
  ORG_ADMIN,
  SCRIPT,
  type BadInputCase,
  type Outcome,
  type PermissionCase,
} from '../support/contractTables';
import type { TestEnv } from '../support/localEnv';
import { documentsOf, PROGRAMME_DRAFT, storedPhoto } from './stats-programmes.fixtures';

/** Every secretary has a queue: their own branch's. */
const ANY_MANAGER: Outcome[] = ['UNAUTHENTICATED', 'FORBIDDEN', true, true, true];
const JOB_ID = 'job-contract-01';
const LONG_ID = 'a'.repeat(65);

/** The seeded programme, whatever year the environment was seeded in. */
async function seededProgrammeId(): Promise<string> {
  const [programme] = await documentsOf<ProgrammeDoc>('programmes');
  if (!programme) throw new Error('the seed has no programme');
  return programme._id;
}

async function selfReportInput(env: TestEnv): Promise<Record<string, unknown>> {
  return { programmeId: await seededProgrammeId(), item: 'film', title: '《建国大业》', photoFileId: storedPhoto(env, 'contract') };
}

export const PROGRAMME_PERMISSION_CASES: PermissionCase[] = [
  ['programmes', async () => ({}), ANY_MEMBER],
  ['createProgramme', async () => ({ programme: PROGRAMME_DRAFT }), ORG_ADMIN],
  ['updateProgramme', async () => ({ id: await seededProgrammeId(), programme: PROGRAMME_DRAFT }), ORG_ADMIN],
  ['selfReport', selfReportInput, ANY_MEMBER],
  ['reportQueue', async () => ({}), ANY_MANAGER],
  // demo-member's book in 第一党支部: its secretary and org admins decide it.
  ['confirmReport', async () => ({ id: PENDING_SELF_REPORT_ID, accept: true }), BRANCH_MANAGERS],
  ['remindMembers', async () => ({ programmeId: await seededProgrammeId(), memberIds: ['m-demo-member'] }), BRANCH_MANAGERS],
  ['exportLedger', async () => ({ programmeId: await seededProgrammeId(), jobId: JOB_ID }), ORG_ADMIN],
  ['exportStatus', async () => ({ jobId: JOB_ID }), ORG_ADMIN],
];

const PHOTO = 'cloud://local.hongtu-local/self-reports/demo-member/photo.jpg';
const REPORT = { programmeId: 'red-education-2026', item: 'book', title: '《红岩》', photoFileId: PHOTO };
const ITEM = PROGRAMME_DRAFT.items[0]!;

const DRAFT_CASES: BadInputCase[] = [
  ['缺少方案', {}, 'programme'],
  ['名称过短', { programme: { ...PROGRAMME_DRAFT, title: '红' } }, 'programme.title'],
  ['年份越界', { programme: { ...PROGRAMME_DRAFT, year: 1999 } }, 'programme.year'],
  ['开始时间不是日期', { programme: { ...PROGRAMME_DRAFT, startsAt: '明年' } }, 'programme.startsAt'],
  ['结束早于开始', { programme: { ...PROGRAMME_DRAFT, endsAt: '2026-01-01T00:00:00.000Z' } }, 'programme.endsAt'],
  ['没有事项', { programme: { ...PROGRAMME_DRAFT, items: [] } }, 'programme.items'],
  ['未知事项', { programme: { ...PROGRAMME_DRAFT, items: [{ ...ITEM, key: 'poem' }] } }, 'programme.items.0.key'],
  ['事项重复', { programme: { ...PROGRAMME_DRAFT, items: [ITEM, ITEM] } }, 'programme.items.1.key'],
  ['未知证据', { programme: { ...PROGRAMME_DRAFT, items: [{ ...ITEM, evidence: ['selfie'] }] } }, 'programme.items.0.evidence.0'],
  ['没有证据', { programme: { ...PROGRAMME_DRAFT, items: [{ ...ITEM, evidence: [] }] } }, 'programme.items.0.evidence'],
  [
    '指标标识注入',
    { programme: { ...PROGRAMME_DRAFT, branchQuotas: [{ ...PROGRAMME_DRAFT.branchQuotas![0]!, key: INJECTION }] } },
    'programme.branchQuotas.0.key',
  ],
  ['学时为负', { programme: { ...PROGRAMME_DRAFT, studyHoursTarget: -1 } }, 'programme.studyHoursTarget'],
  ['积分缺项', { programme: { ...PROGRAMME_DRAFT, points: { attendance: 5 } } }, 'programme.points.baseVisit'],
  ['积分过高', { programme: { ...PROGRAMME_DRAFT, points: { ...PROGRAMME_DRAFT.points, award: 501 } } }, 'programme.points.award'],
  ['自带 id 字段', { programme: { ...PROGRAMME_DRAFT, _id: 'x' } }, 'programme._id'],
];

export const PROGRAMME_BAD_INPUT: Record<
  | 'programmes'
  | 'createProgramme'
  | 'updateProgramme'
  | 'selfReport'
  | 'reportQueue'
  | 'confirmReport'
  | 'remindMembers'
  | 'exportLedger'
  | 'exportStatus',
  { caller: string; cases: BadInputCase[] }
> = {
  programmes: {
    caller: 'demo-member',
    cases: [
      ['游标脚本', { cursor: SCRIPT }, 'cursor'],
      ['每页过多', { pageSize: 51 }, 'pageSize'],
      ['按状态查看', { state: 'active' }, 'state'],
    ],
  },
  createProgramme: {
    caller: 'demo-admin',
    cases: [...DRAFT_CASES, ['自带状态', { programme: PROGRAMME_DRAFT, state: 'active' }, 'state']],
  },
  updateProgramme: {
    caller: 'demo-admin',
    cases: [
      ['缺少 id', { programme: PROGRAMME_DRAFT }, 'id'],
      ['id 注入', { id: INJECTION, programme: PROGRAMME_DRAFT }, 'id'],
      ['id 过长', { id: LONG_ID, programme: PROGRAMME_DRAFT }, 'id'],
      ...DRAFT_CASES.map(([label, input, field]): BadInputCase => [label, { id: 'red-education-2026', ...(input as object) }, field]),
    ],
  },
  selfReport: {
    caller: 'demo-member',
    cases: [
      ['缺少方案', { ...REPORT, programmeId: undefined }, 'programmeId'],
      ['方案 id 注入', { ...REPORT, programmeId: INJECTION }, 'programmeId'],
      ['未知事项', { ...REPORT, item: 'poem' }, 'item'],
      ['书名过短', { ...REPORT, title: '红' }, 'title'],
      ['书名过长', { ...REPORT, title: '长'.repeat(61) }, 'title'],
      ['心得过长', { ...REPORT, note: '字'.repeat(501) }, 'note'],
      ['照片不是云文件', { ...REPORT, photoFileId: 'https://evil.example/a.jpg' }, 'photoFileId'],
      ['自带状态', { ...REPORT, status: 'confirmed' }, 'status'],
    ],
  },
  reportQueue: {
    caller: 'demo-secretary',
    cases: [
      ['游标脚本', { cursor: SCRIPT }, 'cursor'],
      ['每页为零', { pageSize: 0 }, 'pageSize'],
      ['按支部查看', { branchId: 'branch-2' }, 'branchId'],
    ],
  },
  confirmReport: {
    caller: 'demo-secretary',
    cases: [
      ['缺少 id', { accept: true }, 'id'],
      ['id 注入', { id: INJECTION, accept: true }, 'id'],
      ['缺少决定', { id: PENDING_SELF_REPORT_ID }, 'accept'],
      ['决定不是布尔值', { id: PENDING_SELF_REPORT_ID, accept: 'yes' }, 'accept'],
      ['理由过长', { id: PENDING_SELF_REPORT_ID, accept: false, reason: '字'.repeat(201) }, 'reason'],
    ],
  },
  remindMembers: {
    caller: 'demo-secretary',
    cases: [
      ['缺少方案', { memberIds: ['m-demo-member'] }, 'programmeId'],
      ['没有党员', { programmeId: 'red-education-2026', memberIds: [] }, 'memberIds'],
      ['党员过多', { programmeId: 'red-education-2026', memberIds: Array.from({ length: 101 }, (_, i) => `m-${i}`) }, 'memberIds'],
      ['党员 id 注入', { programmeId: 'red-education-2026', memberIds: [INJECTION] }, 'memberIds.0'],
      ['支部 id 脚本', { programmeId: 'red-education-2026', branchId: SCRIPT, memberIds: ['m-demo-member'] }, 'branchId'],
    ],
  },
  exportLedger: {
    caller: 'demo-admin',
    cases: [
      ['缺少任务号', { programmeId: 'red-education-2026' }, 'jobId'],
      ['任务号过短', { programmeId: 'red-education-2026', jobId: 'job' }, 'jobId'],
      ['任务号含路径', { programmeId: 'red-education-2026', jobId: '../../etc/passwd' }, 'jobId'],
      ['方案 id 注入', { programmeId: INJECTION, jobId: JOB_ID }, 'programmeId'],
    ],
  },
  exportStatus: {
    caller: 'demo-admin',
    cases: [
      ['任务号注入', { jobId: INJECTION }, 'jobId'],
      ...NO_INPUT.map(([label, input, field]): BadInputCase => [label, { jobId: JOB_ID, ...(input as object) }, field]),
    ],
  },
};
