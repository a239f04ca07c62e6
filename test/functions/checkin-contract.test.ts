/**
 * The checkin function's contract tables: who may call each action (the exact outcome per caller)
 * and how each refuses malformed input.
 */
import { useServerClock } from '../support/clock';
import {
  ANY_MEMBER,
  BRANCH_MANAGERS,
  describeBadInputTable,
  describePermissionMatrix,
  INJECTION,
  ORG_ADMIN,
  SCRIPT,
} from '../support/contractTables';
import { createTestEnv, type TestEnv } from '../support/localEnv';
import { ACTIVITY_ID, placeCheckinActivity } from './checkin.fixtures';

const clock = useServerClock(new Date('2026-11-23T02:00:00Z'));
let env: TestEnv;

beforeEach(() => {
  env = createTestEnv({ now: clock.now() });
});

const BASE_ID = 'daoxian-chenshuxiang';
const NEAR = { latitude: 25.527, longitude: 111.6, accuracy: 30 };
const DRAFT = {
  name: '矩阵测试基地',
  county: '道县',
  address: '湖南省永州市道县',
  latitude: 25.53,
  longitude: 111.61,
  approximate: false,
  radiusM: 300,
};

/**
 * A 第一党支部 activity taking check-ins now, open to every branch: its secretary and org admins
 * organise it, and the other branch's secretary sees it but does not.
 */
function organisedActivity(env: TestEnv): void {
  placeCheckinActivity(env, clock.now(), { audience: ['all'] });
}

describePermissionMatrix(
  'checkin',
  [
    ['bases', async () => ({ near: NEAR }), ANY_MEMBER],
    ['baseDetail', async () => ({ id: BASE_ID }), ANY_MEMBER],
    ['saveBase', async () => ({ id: BASE_ID, base: DRAFT }), ORG_ADMIN],
    [
      'issueCode',
      async (env) => {
        organisedActivity(env);
        return { for: 'activity', activityId: ACTIVITY_ID };
      },
      BRANCH_MANAGERS,
    ],
    ['baseCode', async () => ({ baseId: BASE_ID }), ORG_ADMIN],
    ['scan', async () => ({ via: 'base', baseId: BASE_ID, location: NEAR }), ANY_MEMBER],
    ['history', async () => ({}), ANY_MEMBER],
    [
      'roster',
      async (env) => {
        organisedActivity(env);
        return { activityId: ACTIVITY_ID };
      },
      BRANCH_MANAGERS,
    ],
    [
      'backfill',
      async (env) => {
        organisedActivity(env);
        return { activityId: ACTIVITY_ID, memberId: 'm-seed-member-01', reason: '现场核实后补录' };
      },
      BRANCH_MANAGERS,
    ],
  ],
  () => createTestEnv({ now: clock.now() }),
);

const LONG_ID = 'a'.repeat(65);
/** A well-formed code: validation refuses the input around it before anything reads it. */
const SOME_CODE = 'act-checkin0000000000000000000';

describeBadInputTable(
  'checkin',
  {
    bases: {
      caller: 'demo-member',
      cases: [
        ['纬度越界', { near: { ...NEAR, latitude: 91 } }, 'near.latitude'],
        ['经度类型错误', { near: { ...NEAR, longitude: '111' } }, 'near.longitude'],
        ['缺少精度', { near: { latitude: 25, longitude: 111 } }, 'near.accuracy'],
        ['负精度', { near: { ...NEAR, accuracy: -1 } }, 'near.accuracy'],
        ['位置注入', { near: INJECTION }, 'near.latitude'],
        ['每页过多', { pageSize: 51 }, 'pageSize'],
        ['游标非数字', { cursor: SCRIPT }, 'cursor'],
        ['多余字段', { branchId: 'branch-1' }, 'branchId'],
      ],
    },
    baseDetail: {
      caller: 'demo-member',
      cases: [
        ['缺少', {}, 'id'],
        ['为空', { id: '' }, 'id'],
        ['过长', { id: LONG_ID }, 'id'],
        ['类型错误', { id: 42 }, 'id'],
        ['注入', { id: INJECTION }, 'id'],
        ['脚本', { id: SCRIPT }, 'id'],
      ],
    },
    saveBase: {
      caller: 'demo-admin',
      cases: [
        ['缺少基地', {}, 'base'],
        ['名称为空', { base: { ...DRAFT, name: ' ' } }, 'base.name'],
        ['名称脚本过长', { base: { ...DRAFT, name: SCRIPT.repeat(2) } }, 'base.name'],
        ['未知级别', { base: { ...DRAFT, level: '国家级' } }, 'base.level'],
        ['半径过小', { base: { ...DRAFT, radiusM: 5 } }, 'base.radiusM'],
        ['半径过大', { base: { ...DRAFT, radiusM: 50_000 } }, 'base.radiusM'],
        ['半径非整数', { base: { ...DRAFT, radiusM: 100.5 } }, 'base.radiusM'],
        ['缺少近似标记', { base: { ...DRAFT, approximate: undefined } }, 'base.approximate'],
        ['照片不是云文件', { base: { ...DRAFT, photoFileIds: ['https://evil.example/a.jpg'] } }, 'base.photoFileIds.0'],
        [
          '照片过多',
          { base: { ...DRAFT, photoFileIds: Array.from({ length: 10 }, (_, i) => `cloud://env/p${i}.jpg`) } },
          'base.photoFileIds',
        ],
        ['id 注入', { id: INJECTION, base: DRAFT }, 'id'],
        ['创建时间', { base: { ...DRAFT, createdAt: '2020-01-01T00:00:00Z' } }, 'base.createdAt'],
      ],
    },
    issueCode: {
      caller: 'demo-secretary',
      cases: [
        ['缺少用途', {}, 'for'],
        ['未知用途', { for: 'everyone' }, 'for'],
        ['缺少活动', { for: 'activity' }, 'activityId'],
        ['活动 id 注入', { for: 'activity', activityId: INJECTION }, 'activityId'],
        ['方向未知', { for: 'activity', activityId: ACTIVITY_ID, direction: 'sideways' }, 'direction'],
        ['组织者位置越界', { for: 'activity', activityId: ACTIVITY_ID, at: { ...NEAR, latitude: 91 } }, 'at.latitude'],
        ['重新定位不是布尔值', { for: 'activity', activityId: ACTIVITY_ID, relocate: 'yes' }, 'relocate'],
        ['个人码带活动', { for: 'member', activityId: ACTIVITY_ID }, 'activityId'],
      ],
    },
    baseCode: {
      caller: 'demo-admin',
      cases: [
        ['缺少', {}, 'baseId'],
        ['过长', { baseId: LONG_ID }, 'baseId'],
        ['注入', { baseId: INJECTION }, 'baseId'],
        ['脚本', { baseId: SCRIPT }, 'baseId'],
      ],
    },
    scan: {
      caller: 'demo-member',
      cases: [
        ['缺少方式', { code: SOME_CODE }, 'via'],
        ['未知方式', { via: 'nfc', code: SOME_CODE }, 'via'],
        ['签到码为空', { via: 'code', code: '  ' }, 'code'],
        ['签到码过长', { via: 'code', code: 'A'.repeat(83) }, 'code'],
        ['签到码注入', { via: 'code', code: INJECTION }, 'code'],
        ['位置缺少精度', { via: 'code', code: SOME_CODE, location: { latitude: 25, longitude: 111 } }, 'location.accuracy'],
        ['离线时间格式错误', { via: 'code', code: SOME_CODE, queued: { scannedAt: '昨天下午' } }, 'queued.scannedAt'],
        ['基地打卡缺少位置', { via: 'base', baseId: BASE_ID }, 'location'],
        ['照片不是云文件', { via: 'base', baseId: BASE_ID, location: NEAR, photoFileId: 'https://evil.example/a.jpg' }, 'photoFileId'],
        ['反扫方向未知', { via: 'personal', activityId: ACTIVITY_ID, code: SOME_CODE, direction: 'up' }, 'direction'],
        ['反扫带位置', { via: 'personal', activityId: ACTIVITY_ID, code: SOME_CODE, location: NEAR }, 'location'],
      ],
    },
    history: {
      caller: 'demo-member',
      cases: [
        ['每页过多', { pageSize: 51 }, 'pageSize'],
        ['游标非数字', { cursor: SCRIPT }, 'cursor'],
        ['查看他人', { memberId: 'm-seed-member-01' }, 'memberId'],
      ],
    },
    roster: {
      caller: 'demo-secretary',
      cases: [
        ['缺少活动', {}, 'activityId'],
        ['活动 id 注入', { activityId: INJECTION }, 'activityId'],
        ['多余字段', { activityId: ACTIVITY_ID, branchId: 'branch-1' }, 'branchId'],
      ],
    },
    backfill: {
      caller: 'demo-secretary',
      cases: [
        ['缺少原因', { activityId: ACTIVITY_ID, memberId: 'm-seed-member-01' }, 'reason'],
        ['原因过短', { activityId: ACTIVITY_ID, memberId: 'm-seed-member-01', reason: ' 补 ' }, 'reason'],
        ['原因过长', { activityId: ACTIVITY_ID, memberId: 'm-seed-member-01', reason: '补'.repeat(201) }, 'reason'],
        ['党员 id 注入', { activityId: ACTIVITY_ID, memberId: INJECTION, reason: '现场核实' }, 'memberId'],
        ['缺少活动', { memberId: 'm-seed-member-01', reason: '现场核实' }, 'activityId'],
        [
          '签到时间',
          { activityId: ACTIVITY_ID, memberId: 'm-seed-member-01', reason: '现场核实', checkedInAt: '2026-11-23T02:00:00Z' },
          'checkedInAt',
        ],
      ],
    },
  },
  () => env,
);
