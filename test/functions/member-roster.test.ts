import ExcelJS from 'exceljs';
import cloud from 'wx-server-sdk';
import { PRIVACY_VERSION } from '../../types/contracts/member';
import { MAX_ROSTER_INLINE_BASE64 } from '../../types/contracts/roster';
import { useServerClock } from '../support/clock';
import { createTestEnv, type TestEnv } from '../support/localEnv';
import { bigRoster, ROSTER_BRANCHES, rosterXlsx } from '../support/rosterSheet';
import { writeRosterEntries } from '../../cloudfunctions/member/roster/roster.repository';
import type { RosterEntryDoc } from '../../server/documents';

const clock = useServerClock(new Date('2026-11-23T02:00:00Z'));
let env: TestEnv;

beforeEach(() => {
  clock.set(new Date('2026-11-23T02:00:00Z'));
  env = createTestEnv({ now: clock.now() });
});

afterEach(() => jest.restoreAllMocks());

const GOOD_ROWS = [
  ['周晓梅', '第一党支部', '正式党员', '1234'],
  ['王建', '第一党支部', '预备党员', ''],
  ['陈丽', '第二党支部', '入党积极分子', '0086'],
];

async function xlsxBase64(rows: string[][], header?: string[]): Promise<string> {
  return (await rosterXlsx(rows, header)).toString('base64');
}

interface StoredEntry {
  _id: string;
  branchId: string;
  name: string;
  partyStatus: string;
  phoneTail: string | null;
  importId: string;
  matchedMemberId: string | null;
}

async function rosterEntries(): Promise<StoredEntry[]> {
  const all: StoredEntry[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = (
      (await cloud.database().collection('roster_entries').skip(offset).limit(1000).get()) as unknown as { data: StoredEntry[] }
    ).data;
    all.push(...page);
    if (page.length < 1000) return all;
  }
}

async function branchCount(branchId: string): Promise<number> {
  const reply = (await cloud.database().collection('orgs').where({ _id: branchId }).get()) as unknown as {
    data: { activeMemberCount: number }[];
  };
  return reply.data[0]!.activeMemberCount;
}

describe('member.rosterTemplate / importRoster 模板与校验', () => {
  it('可下载的模板本身能通过校验，说明页列出全部党支部', async () => {
    const template = await env.ok('demo-admin', 'member', 'rosterTemplate', {});
    const checked = await env.ok('demo-admin', 'member', 'importRoster', { mode: 'validate', fileBase64: template.templateBase64 });
    expect(checked).toMatchObject({ rows: 2, created: 0, updated: 0, importId: null, errors: [] });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(template.templateBase64, 'base64') as unknown as ExcelJS.Buffer);
    const notes = workbook.getWorksheet('填写说明')!;
    const noted = notes.getColumn(1).values.map(String);
    expect(noted).toEqual(expect.arrayContaining(ROSTER_BRANCHES));
    expect(noted).not.toContain('教学单位党总支');
  });

  it('校验只报告，不写入任何数据', async () => {
    const before = await env.snapshot();
    const checked = await env.ok('demo-admin', 'member', 'importRoster', { mode: 'validate', fileBase64: await xlsxBase64(GOOD_ROWS) });
    expect(checked).toMatchObject({ rows: 3, created: 0, errors: [] });
    expect(await env.snapshot()).toEqual(before);
  });

  it('全部合格时整批导入，并写入一条审计记录', async () => {
    const imported = await env.ok('demo-admin', 'member', 'importRoster', { mode: 'import', fileBase64: await xlsxBase64(GOOD_ROWS) });
    expect(imported).toMatchObject({ rows: 3, created: 3, updated: 0, errors: [] });
    const entries = await rosterEntries();
    expect(
      entries.map(({ name, branchId, partyStatus, phoneTail, matchedMemberId }) => ({
        name,
        branchId,
        partyStatus,
        phoneTail,
        matchedMemberId,
      })),
    ).toEqual(
      expect.arrayContaining([
        { name: '周晓梅', branchId: 'branch-1', partyStatus: 'full', phoneTail: '1234', matchedMemberId: null },
        { name: '王建', branchId: 'branch-1', partyStatus: 'probationary', phoneTail: null, matchedMemberId: null },
        { name: '陈丽', branchId: 'branch-2', partyStatus: 'activist', phoneTail: '0086', matchedMemberId: null },
      ]),
    );
    expect(entries.every((entry) => entry.importId === imported.importId)).toBe(true);
    const audit = (await cloud.database().collection('audit_logs').where({ targetId: imported.importId }).get()) as unknown as {
      data: { action: string; detail: Record<string, unknown> }[];
    };
    expect(audit.data).toEqual([expect.objectContaining({ action: 'member.importRoster', detail: { rows: 3, created: 3, updated: 0 } })]);
  });

  it('再次导入同一个人不算重复：保留一条，按新文件刷新政治面貌', async () => {
    await env.ok('demo-admin', 'member', 'importRoster', { mode: 'import', fileBase64: await xlsxBase64(GOOD_ROWS) });
    const again = await env.ok('demo-admin', 'member', 'importRoster', {
      mode: 'import',
      fileBase64: await xlsxBase64([
        ['王建', '第一党支部', '正式党员', ''],
        ['林新', '第三党支部', '正式党员', ''],
      ]),
    });
    expect(again).toMatchObject({ rows: 2, created: 1, updated: 1, errors: [] });
    const entries = await rosterEntries();
    expect(entries).toHaveLength(4);
    expect(entries.filter((entry) => entry.name === '王建')).toEqual([
      expect.objectContaining({ partyStatus: 'full', importId: again.importId }),
    ]);
  });

  it('有一行出错则一人不导入，并报告行号与列名', async () => {
    const before = await env.snapshot();
    const rows = [...GOOD_ROWS, ['刘洋', '第二党支部', '群众', '12345']];
    const result = await env.ok('demo-admin', 'member', 'importRoster', { mode: 'import', fileBase64: await xlsxBase64(rows) });
    expect(result).toMatchObject({ rows: 4, created: 0, updated: 0, importId: null });
    expect(result.errors).toEqual([
      { row: 5, field: '政治面貌', message: expect.stringContaining('正式党员') },
      { row: 5, field: '手机后四位', message: expect.stringContaining('4 位数字') },
    ]);
    expect(await env.snapshot()).toEqual(before);
  });

  it('像注入的单元格内容只是行错误，什么也不写入', async () => {
    const before = await env.snapshot();
    const rows = [
      ['<script>alert(1)</script>', '第一党支部', '正式党员', ''],
      ['张三', '{"$ne":""}', '正式党员', ''],
      ['李四', '第一党支部', '正式党员', "1' OR '1'='1"],
    ];
    const result = await env.ok('demo-admin', 'member', 'importRoster', { mode: 'import', fileBase64: await xlsxBase64(rows) });
    expect(result.errors.map(({ row, field }) => ({ row, field }))).toEqual([
      { row: 2, field: '姓名' },
      { row: 3, field: '所在党支部' },
      { row: 4, field: '手机后四位' },
    ]);
    expect(await env.snapshot()).toEqual(before);
  });

  it('文件内重复：同一支部同名且手机后四位相同或有一方未填即为重复，后四位不同是两个人', async () => {
    const rows = [
      ['王建', '第一党支部', '正式党员', ''],
      ['王建', '第一党支部', '预备党员', ''],
      ['张伟', '第二党支部', '正式党员', '1111'],
      ['张伟', '第二党支部', '正式党员', '2222'],
      ['张伟', '第二党支部', '正式党员', ''],
      ['张伟', '第三党支部', '正式党员', ''],
      ['张伟', '第二党支部', '正式党员', '1111'],
    ];
    const result = await env.ok('demo-admin', 'member', 'importRoster', { mode: 'validate', fileBase64: await xlsxBase64(rows) });
    expect(result.errors).toEqual([
      { row: 3, field: '姓名', message: expect.stringContaining('与第 2 行重复') },
      { row: 6, field: '姓名', message: expect.stringContaining('与第 4 行重复') },
      { row: 8, field: '姓名', message: expect.stringContaining('与第 4 行重复') },
    ]);
  });

  it('党支部必须存在于组织架构中，党总支或党委不行', async () => {
    const rows = [
      ['王建', '第九党支部', '正式党员', ''],
      ['李红', '教学单位党总支', '正式党员', ''],
      ['赵敏', '', '正式党员', ''],
      ['周强', '第一党支部', '正式党员', ''],
    ];
    const result = await env.ok('demo-admin', 'member', 'importRoster', { mode: 'import', fileBase64: await xlsxBase64(rows) });
    expect(result.errors).toEqual([
      { row: 2, field: '所在党支部', message: '组织架构中没有“第九党支部”' },
      { row: 3, field: '所在党支部', message: '“教学单位党总支”是党总支，请填写党支部' },
      { row: 4, field: '所在党支部', message: '请填写所在党支部' },
    ]);
    expect(await rosterEntries()).toEqual([]);
  });

  it('表头不对或不是 xlsx 时给出文件级错误', async () => {
    const wrongHeader = await env.ok('demo-admin', 'member', 'importRoster', {
      mode: 'validate',
      fileBase64: await xlsxBase64(GOOD_ROWS, ['姓名', '支部', '政治面貌', '手机后四位']),
    });
    expect(wrongHeader.errors).toEqual([{ row: 1, field: '所在党支部', message: expect.stringContaining('表头') }]);
    const notXlsx = await env.ok('demo-admin', 'member', 'importRoster', {
      mode: 'validate',
      fileBase64: Buffer.from('hello').toString('base64'),
    });
    expect(notXlsx.errors).toEqual([{ row: 0, field: '文件', message: expect.stringContaining('无法读取') }]);
  });
});

describe('member.importRoster 大名册（云存储 fileID）', () => {
  it('5000 人的花名册一次导入：写入分批，DB 请求数与耗时有上限，再导入只刷新', async () => {
    const file = await rosterXlsx(bigRoster(5000));
    // Too big to send inline: it goes through cloud storage.
    expect(file.toString('base64').length).toBeGreaterThan(MAX_ROSTER_INLINE_BASE64);
    // What the page's Taro.cloud.uploadFile does on a phone.
    const fileID = env.files.put('roster/2026-11/roster-5000.xlsx', file, { side: 'client', openid: 'demo-admin' });

    const started = performance.now();
    const first = await env.call('demo-admin', 'member', 'importRoster', { mode: 'import', fileID });
    const firstMs = performance.now() - started;
    expect(first.result).toMatchObject({ ok: true, data: { rows: 5000, created: 5000, updated: 0, errors: [] } });
    const entries = await rosterEntries();
    expect(entries).toHaveLength(5000);
    expect(new Set(entries.map((entry) => entry._id)).size).toBe(5000);

    const restarted = performance.now();
    const second = await env.call('demo-admin', 'member', 'importRoster', { mode: 'import', fileID });
    const secondMs = performance.now() - restarted;
    expect(second.result).toMatchObject({ ok: true, data: { rows: 5000, created: 0, updated: 5000, errors: [] } });
    expect(await rosterEntries()).toHaveLength(5000);

    const summary = (requests: typeof first.requests) =>
      Object.entries(
        requests.reduce<Record<string, number>>((acc, { action, collection }) => {
          const key = `${action} ${collection}`;
          acc[key] = (acc[key] ?? 0) + 1;
          return acc;
        }, {}),
      );
    console.log(
      `roster 5000 rows, xlsx ${file.length} bytes\n` +
        `first import: ${first.requests.length} DB requests, ${Math.round(firstMs)} ms ${JSON.stringify(summary(first.requests))}\n` +
        `re-import:    ${second.requests.length} DB requests, ${Math.round(secondMs)} ms ${JSON.stringify(summary(second.requests))}`,
    );
    // caller + org tree + 5 existence reads (1000 ids each) + 10 inserts (500 each) + audit.
    expect(first.requests.length).toBeLessThanOrEqual(20);
    expect(first.requests.filter((request) => request.action.includes('insert') && request.collection === 'roster_entries').length).toBe(
      10,
    );
    // caller + org tree + 5 existence reads + ≤ 5 updates per party status + audit.
    expect(second.requests.length).toBeLessThanOrEqual(25);
    expect([...first.requests, ...second.requests].filter((request) => !request.indexed)).toEqual([]);
    expect(firstMs).toBeLessThan(20_000);
    expect(secondMs).toBeLessThan(20_000);
  });

  it('某一批写入失败时，本次已写入的批次被撤回，别人的条目不受影响', async () => {
    const db = cloud.database();
    const importedAt = clock.now();
    const entries: RosterEntryDoc[] = Array.from({ length: 600 }, (_, i) => ({
      _id: `roster_test_${i}`,
      branchId: 'branch-1',
      name: `测试${i}`,
      partyStatus: 'full',
      phoneTail: null,
      importId: 'import-b',
      importedAt,
      matchedMemberId: null,
    }));
    // Another import wrote one of the second batch's people a moment earlier.
    await db.collection('roster_entries').add({ data: { ...entries[550]!, importId: 'import-a' } });
    await expect(writeRosterEntries(db, entries, [], { importId: 'import-b', importedAt })).rejects.toThrow();
    expect((await rosterEntries()).map(({ _id, importId }) => ({ _id, importId }))).toEqual([
      { _id: 'roster_test_550', importId: 'import-a' },
    ]);
  });

  it('云存储里没有这个文件时返回 NOT_FOUND 并指向 fileID', async () => {
    const before = await env.snapshot();
    const { result } = await env.call('demo-admin', 'member', 'importRoster', {
      mode: 'import',
      fileID: 'cloud://local.hongtu-local/roster/missing.xlsx',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'fileID' } });
    expect(await env.snapshot()).toEqual(before);
  });

  it('超过内联上限的 base64 被拒绝，提示改用云存储 fileID', async () => {
    const { result } = await env.call('demo-admin', 'member', 'importRoster', {
      mode: 'import',
      fileBase64: 'A'.repeat(MAX_ROSTER_INLINE_BASE64 + 4),
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'fileBase64', message: expect.stringContaining('fileID') },
    });
  });
});

describe('加入时与花名册匹配', () => {
  async function joinAs(
    openid: string,
    code: string,
    input: { name: string; partyStatus: 'full' | 'probationary' | 'activist'; phoneTail?: string },
  ) {
    await env.ok(openid, 'member', 'acceptPrivacy', { version: PRIVACY_VERSION });
    return env.ok(openid, 'member', 'join', { code, ...input });
  }

  beforeEach(async () => {
    await env.ok('demo-admin', 'member', 'importRoster', { mode: 'import', fileBase64: await xlsxBase64(GOOD_ROWS) });
  });

  it('花名册上的人持邀请加入直接成为正式成员（政治面貌以花名册为准），支部人数加一', async () => {
    const { code } = await env.ok('demo-secretary', 'member', 'createInvite', {});
    const before = await branchCount('branch-1');
    const joined = await joinAs('wx-roster-1', code, { name: '周晓梅', partyStatus: 'activist', phoneTail: '1234' });
    expect(joined.member).toMatchObject({ name: '周晓梅', branchId: 'branch-1', status: 'active', partyStatus: 'full' });
    expect(await branchCount('branch-1')).toBe(before + 1);
    expect((await rosterEntries()).find((entry) => entry.name === '周晓梅')?.matchedMemberId).toBe(joined.member.id);
    expect((await env.ok('wx-roster-1', 'member', 'me', {})).member?.status).toBe('active');

    const noTail = await joinAs('wx-roster-2', code, { name: '王建', partyStatus: 'probationary' });
    expect(noTail.member.status).toBe('active');
    expect(await branchCount('branch-1')).toBe(before + 2);
  });

  it('注销的成员连同匹配到的花名册条目一起删除', async () => {
    const { code } = await env.ok('demo-secretary', 'member', 'createInvite', {});
    await joinAs('wx-roster-3', code, { name: '周晓梅', partyStatus: 'full', phoneTail: '1234' });
    await env.ok('wx-roster-3', 'member', 'deleteMine', { confirm: '注销' });
    expect((await rosterEntries()).map((entry) => entry.name)).not.toContain('周晓梅');
  });

  it('不在花名册上的人、手机后四位不符的人、或名册条目已被匹配时，仍进入待审核', async () => {
    const { code } = await env.ok('demo-secretary', 'member', 'createInvite', {});
    const before = await branchCount('branch-1');
    expect((await joinAs('wx-off-1', code, { name: '赵六', partyStatus: 'full' })).member.status).toBe('pending');
    expect((await joinAs('wx-off-2', code, { name: '周晓梅', partyStatus: 'full', phoneTail: '9999' })).member.status).toBe('pending');
    expect((await joinAs('wx-off-3', code, { name: '周晓梅', partyStatus: 'full' })).member.status).toBe('pending');
    // 陈丽 is on 第二党支部's roster, not 第一's.
    expect((await joinAs('wx-off-4', code, { name: '陈丽', partyStatus: 'activist', phoneTail: '0086' })).member.status).toBe('pending');
    expect((await joinAs('wx-on-1', code, { name: '王建', partyStatus: 'full' })).member.status).toBe('active');
    expect((await joinAs('wx-off-5', code, { name: '王建', partyStatus: 'full' })).member.status).toBe('pending');
    expect(await branchCount('branch-1')).toBe(before + 1);
  });
});

describe('member.importRoster 权限与输入', () => {
  it.each([
    ['支部书记', 'demo-secretary', 'FORBIDDEN'],
    ['党员', 'demo-member', 'FORBIDDEN'],
    ['未加入的用户', 'demo-stranger', 'UNAUTHENTICATED'],
  ])('%s不能导入花名册', async (_who, openid, code) => {
    const before = await env.snapshot();
    const { result } = await env.call(openid, 'member', 'importRoster', { mode: 'import', fileBase64: await xlsxBase64(GOOD_ROWS) });
    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(await env.snapshot()).toEqual(before);
  });

  it.each([
    [{ mode: 'import' }, 'fileBase64'],
    [{ mode: 'import', fileBase64: '' }, 'fileBase64'],
    [{ mode: 'import', fileBase64: '<script>' }, 'fileBase64'],
    [{ mode: 'upload', fileBase64: 'AAAA' }, 'mode'],
    [{ fileBase64: 'AAAA' }, 'mode'],
    [{ mode: 'template' }, 'mode'],
    [{ mode: 'import', fileID: { $ne: '' } }, 'fileID'],
    [{ mode: 'import', fileID: 'https://evil.example/roster.xlsx' }, 'fileID'],
    [{ mode: 'import', fileID: 'cloud://env.bucket/../../secret.xlsx' }, 'fileID'],
    [{ mode: 'import', fileID: "cloud://env.bucket/r.xlsx'; db.dropDatabase()" }, 'fileID'],
    [{ mode: 'import', fileBase64: 'AAAA', fileID: 'cloud://env.bucket/roster/a.xlsx' }, 'fileID'],
    [{ mode: 'validate', fileBase64: 'AAAA', branchId: 'branch-1' }, 'branchId'],
  ])('错误输入 %j 返回 INVALID_INPUT，字段 %s，且不写入', async (input, field) => {
    const before = await env.snapshot();
    const { result } = await env.call('demo-admin', 'member', 'importRoster', input);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field } });
    expect(await env.snapshot()).toEqual(before);
  });

  it('超过内联上限的 base64 被拒绝，提示改用云存储 fileID', async () => {
    const { result } = await env.call('demo-admin', 'member', 'importRoster', {
      mode: 'import',
      fileBase64: 'A'.repeat(MAX_ROSTER_INLINE_BASE64 + 4),
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'fileBase64', message: expect.stringContaining('fileID') },
    });
  });
});
