/**
 * Every member action refuses missing, empty, too long, wrongly typed and injection-looking input
 * with INVALID_INPUT naming the field, and writes nothing. Callers are ones the action allows, so
 * validation (not the role check) is what refuses.
 */
import { useServerClock } from '../support/clock';
import { describeBadInputTable, INJECTION, NO_INPUT, SCRIPT, type BadInputCase } from '../support/contractTables';
import { createTestEnv, type TestEnv } from '../support/localEnv';

const clock = useServerClock(new Date('2026-11-23T02:00:00Z'));
let env: TestEnv;

beforeEach(() => {
  clock.set(new Date('2026-11-23T02:00:00Z'));
  env = createTestEnv({ now: clock.now() });
});

const LONG = 'x'.repeat(101);

/** An invite code is read the same way wherever it is taken. */
const INVITE_CODE_CASES: BadInputCase[] = [
  ['缺少', {}, 'code'],
  ['为空', { code: '' }, 'code'],
  ['过长', { code: 'ABCDEFGHJK' }, 'code'],
  ['类型错误', { code: 12345678 }, 'code'],
  ['注入', { code: INJECTION }, 'code'],
  ['脚本', { code: SCRIPT }, 'code'],
];

describeBadInputTable(
  'member',
  {
    me: { caller: 'demo-member', cases: NO_INPUT },
    orgTree: { caller: 'demo-member', cases: NO_INPUT },
    exportMine: { caller: 'demo-member', cases: NO_INPUT },
    withdrawJoin: { caller: 'demo-member', cases: NO_INPUT },
    inviteInfo: {
      caller: 'demo-stranger',
      cases: INVITE_CODE_CASES,
    },
    bootstrap: {
      caller: 'demo-stranger',
      cases: [
        ['缺少引导码', { orgName: '某某学院党委', branchName: '机关第一党支部', name: '陈静' }, 'code'],
        ['引导码太短', { code: 'K7M2', orgName: '某某学院党委', branchName: '机关第一党支部', name: '陈静' }, 'code'],
        ['引导码含易混字符', { code: 'K7M2Q9PXR4T0', orgName: '某某学院党委', branchName: '机关第一党支部', name: '陈静' }, 'code'],
        ['引导码注入', { code: INJECTION, orgName: '某某学院党委', branchName: '机关第一党支部', name: '陈静' }, 'code'],
        ['缺少组织名称', { code: 'K7M2Q9PXR4TW', branchName: '机关第一党支部', name: '陈静' }, 'orgName'],
        ['支部名称过长', { code: 'K7M2Q9PXR4TW', orgName: '某某学院党委', branchName: LONG, name: '陈静' }, 'branchName'],
        ['姓名是脚本', { code: 'K7M2Q9PXR4TW', orgName: '某某学院党委', branchName: '机关第一党支部', name: SCRIPT }, 'name'],
        [
          '政治面貌不存在',
          { code: 'K7M2Q9PXR4TW', orgName: '某某学院党委', branchName: '机关第一党支部', name: '陈静', partyStatus: 'boss' },
          'partyStatus',
        ],
      ],
    },
    acceptPrivacy: {
      caller: 'demo-stranger',
      cases: [
        ['缺少', {}, 'version'],
        ['为空', { version: '' }, 'version'],
        ['类型错误', { version: 202611 }, 'version'],
        ['注入', { version: INJECTION }, 'version'],
      ],
    },
    createInvite: {
      caller: 'demo-secretary',
      cases: [
        ['为空', { branchId: '' }, 'branchId'],
        ['过长', { branchId: 'b'.repeat(65) }, 'branchId'],
        ['类型错误', { maxUses: '50' }, 'maxUses'],
        ['越界', { expiresInHours: 0 }, 'expiresInHours'],
        ['注入', { branchId: INJECTION }, 'branchId'],
        ['脚本', { branchId: SCRIPT }, 'branchId'],
      ],
    },
    inviteQrCode: {
      caller: 'demo-secretary',
      cases: INVITE_CODE_CASES,
    },
    join: {
      caller: 'demo-stranger',
      cases: [
        ['缺少姓名', { code: 'ABCDEFGH', partyStatus: 'full' }, 'name'],
        ['空姓名', { code: 'ABCDEFGH', name: '', partyStatus: 'full' }, 'name'],
        ['过长姓名', { code: 'ABCDEFGH', name: '张'.repeat(21), partyStatus: 'full' }, 'name'],
        ['类型错误', { code: 'ABCDEFGH', name: '张三', partyStatus: 1 }, 'partyStatus'],
        ['注入', { code: INJECTION, name: '张三', partyStatus: 'full' }, 'code'],
        ['脚本', { code: 'ABCDEFGH', name: SCRIPT, partyStatus: 'full' }, 'name'],
      ],
    },
    approveJoin: {
      caller: 'demo-secretary',
      cases: [
        ['缺少', {}, 'memberId'],
        ['为空', { memberId: '' }, 'memberId'],
        ['过长', { memberId: 'm'.repeat(65) }, 'memberId'],
        ['类型错误', { memberId: 42 }, 'memberId'],
        ['注入', { memberId: INJECTION }, 'memberId'],
        ['脚本', { memberId: SCRIPT }, 'memberId'],
      ],
    },
    rejectJoin: {
      caller: 'demo-secretary',
      cases: [
        ['缺少', { reason: '不是本单位' }, 'memberId'],
        ['过长原因', { memberId: 'm-1', reason: LONG }, 'reason'],
        ['类型错误', { memberId: 'm-1', reason: 7 }, 'reason'],
        ['注入', { memberId: INJECTION }, 'memberId'],
      ],
    },
    list: {
      caller: 'demo-admin',
      cases: [
        ['空搜索', { search: '' }, 'search'],
        ['过长搜索', { search: '王'.repeat(21) }, 'search'],
        ['类型错误', { pageSize: '20' }, 'pageSize'],
        ['注入', { search: { $regex: '.*' } }, 'search'],
        ['脚本', { branchId: SCRIPT }, 'branchId'],
      ],
    },
    setRole: {
      caller: 'demo-admin',
      cases: [
        ['缺少', { memberId: 'm-demo-member' }, 'role'],
        ['为空', { memberId: 'm-demo-member', role: '' }, 'role'],
        ['类型错误', { memberId: 'm-demo-member', role: ['org_admin'] }, 'role'],
        ['注入', { memberId: INJECTION, role: 'member' }, 'memberId'],
      ],
    },
    transfer: {
      caller: 'demo-admin',
      cases: [
        ['缺少原因', { memberId: 'm-demo-member', toBranchId: 'branch-2' }, 'reason'],
        ['空原因', { memberId: 'm-demo-member', toBranchId: 'branch-2', reason: '' }, 'reason'],
        ['过长原因', { memberId: 'm-demo-member', toBranchId: 'branch-2', reason: LONG }, 'reason'],
        ['注入', { memberId: 'm-demo-member', toBranchId: INJECTION, reason: '工作调动' }, 'toBranchId'],
        ['脚本', { memberId: 'm-demo-member', toBranchId: SCRIPT, reason: '工作调动' }, 'toBranchId'],
      ],
    },
    leave: {
      caller: 'demo-member',
      cases: [
        ['过长原因', { reason: LONG }, 'reason'],
        ['类型错误', { reason: 1 }, 'reason'],
        ['注入', { reason: INJECTION }, 'reason'],
      ],
    },
    rosterTemplate: { caller: 'demo-admin', cases: NO_INPUT },
    importRoster: {
      caller: 'demo-admin',
      cases: [
        ['缺少模式', {}, 'mode'],
        ['缺少文件', { mode: 'import' }, 'fileBase64'],
        ['空文件', { mode: 'import', fileBase64: '' }, 'fileBase64'],
        ['类型错误', { mode: 'import', fileBase64: 12 }, 'fileBase64'],
        ['注入', { mode: 'import', fileID: INJECTION }, 'fileID'],
        ['路径穿越', { mode: 'import', fileID: 'cloud://env.bucket/../../secret.xlsx' }, 'fileID'],
      ],
    },
    deleteMine: {
      caller: 'demo-member',
      cases: [
        ['缺少确认', {}, 'confirm'],
        ['为空', { confirm: '' }, 'confirm'],
        ['注入', { confirm: INJECTION }, 'confirm'],
      ],
    },
    auditLog: {
      caller: 'demo-admin',
      cases: [
        ['类型错误', { pageSize: 'all' }, 'pageSize'],
        ['过长游标', { cursor: 'c'.repeat(201) }, 'cursor'],
        ['注入', { cursor: INJECTION }, 'cursor'],
      ],
    },
  },
  () => env,
);
