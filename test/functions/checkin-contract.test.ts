/**
 * The checkin function's contract tables: who may call each action (the exact outcome per caller)
 * and how each refuses malformed input.
 */
import { useServerClock } from '../support/clock';
import { ANY_MEMBER, describeBadInputTable, describePermissionMatrix, INJECTION, ORG_ADMIN, SCRIPT } from '../support/contractTables';
import { createTestEnv, type TestEnv } from '../support/localEnv';

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

describePermissionMatrix(
  'checkin',
  [
    ['bases', async () => ({ near: NEAR }), ANY_MEMBER],
    ['baseDetail', async () => ({ id: BASE_ID }), ANY_MEMBER],
    ['saveBase', async () => ({ id: BASE_ID, base: DRAFT }), ORG_ADMIN],
  ],
  () => createTestEnv({ now: clock.now() }),
);

const LONG_ID = 'a'.repeat(65);

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
  },
  () => env,
);
