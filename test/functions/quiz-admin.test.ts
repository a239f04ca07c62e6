import ExcelJS from 'exceljs';
import cloud from 'wx-server-sdk';
import type { ActionInput } from '../../types/contracts';
import { SEED_CONTEST_ID } from '../../emulator/seed';
import { useServerClock } from '../support/clock';
import { createTestEnv } from '../support/localEnv';

const clock = useServerClock(new Date('2026-11-23T02:00:00Z'));
const env = createTestEnv({ now: clock.now() });

const HEADER = ['题型', '题干', '选项A', '选项B', '选项C', '选项D', '选项E', '选项F', '答案', '解析', '分类', '难度', '出处'];
const GOOD_ROWS = [
  [
    '单选',
    '红军长征途中“飞夺泸定桥”发生在哪一年？',
    '1934年',
    '1935年',
    '1936年',
    '1937年',
    '',
    '',
    'B',
    '1935年5月，红军飞夺泸定桥。',
    '长征',
    '2',
    '《中国工农红军长征史》',
  ],
  [
    '多选',
    '下列哪些属于解放战争时期的三大战役？',
    '辽沈战役',
    '淮海战役',
    '平津战役',
    '百团大战',
    '',
    '',
    'ABC',
    '三大战役为辽沈、淮海、平津战役。',
    '解放战争',
    '1',
    '《中国共产党简史》',
  ],
  [
    '判断',
    '1949年10月1日举行了开国大典。',
    '',
    '',
    '',
    '',
    '',
    '',
    '正确',
    '1949年10月1日，中华人民共和国中央人民政府成立典礼在北京举行。',
    '新中国',
    '1',
    '《中国共产党简史》',
  ],
];

async function xlsxBase64(rows: string[][], header = HEADER): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('题库');
  sheet.addRow(header);
  rows.forEach((row) => sheet.addRow(row));
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

async function bankSize(): Promise<number> {
  return ((await cloud.database().collection('questions').count()) as unknown as { total: number }).total;
}

const VALID_CONTEST: ActionInput<'quiz', 'createContest'> = {
  title: '长征精神知识赛',
  startAt: '2026-11-24T00:00:00.000Z',
  endAt: '2026-11-30T00:00:00.000Z',
  rules: [{ category: '长征', count: 5 }, { count: 5 }],
  timeLimitSec: 300,
};

/** Overrides are often deliberately invalid, hence the loose type. */
function contestInput(overrides: Record<string, unknown>): Record<string, unknown> {
  return { ...VALID_CONTEST, ...overrides };
}

describe('quiz.createContest', () => {
  it('组织部创建竞赛后即出现在竞赛列表，并写入审计记录', async () => {
    const created = await env.ok('demo-admin', 'quiz', 'createContest', VALID_CONTEST);
    expect(created.questionCount).toBe(10);
    clock.set(new Date('2026-11-25T00:00:00Z'));
    const { items } = await env.ok('demo-member', 'quiz', 'contests', { status: 'open' });
    expect(items.map((item) => item.id)).toContain(created.contestId);
    const audit = (await cloud.database().collection('audit_logs').where({ targetId: created.contestId }).get()) as unknown as {
      data: { action: string }[];
    };
    expect(audit.data.map((row) => row.action)).toEqual(['quiz.createContest']);
    clock.set(new Date('2026-11-23T02:00:00Z'));
  });

  it('题库不够抽时指出是哪条规则，且不创建竞赛', async () => {
    const before = await env.snapshot();
    const { result } = await env.call(
      'demo-admin',
      'quiz',
      'createContest',
      contestInput({ rules: [{ category: '长征', difficulty: 3, count: 90 }] }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'rules.0' } });
    expect(await env.snapshot()).toEqual(before);
  });

  it.each([
    [{ endAt: '2026-11-20T00:00:00.000Z' }, 'endAt'],
    [{ timeLimitSec: 10 }, 'timeLimitSec'],
    [{ rules: [] }, 'rules'],
    [{ rules: [{ category: '宋朝', count: 2 }] }, 'rules.0.category'],
    [{ title: '' }, 'title'],
    [{ status: 'published' }, 'status'],
  ])('错误输入 %j 返回 INVALID_INPUT，字段 %s', async (overrides, field) => {
    const { result } = await env.call('demo-admin', 'quiz', 'createContest', contestInput(overrides));
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field } });
  });

  it.each([
    ['党员', 'demo-member', 'FORBIDDEN'],
    ['支部书记', 'demo-secretary', 'FORBIDDEN'],
    ['未加入的用户', 'demo-stranger', 'UNAUTHENTICATED'],
  ])('%s不能创建竞赛', async (_who, openid, code) => {
    const { result } = await env.call(openid, 'quiz', 'createContest', VALID_CONTEST);
    expect(result).toMatchObject({ ok: false, error: { code } });
  });
});

describe('竞赛的参与范围', () => {
  it('只面向第二党支部的竞赛，第一党支部的党员既看不到也不能开始', async () => {
    const { contestId } = await env.ok('demo-admin', 'quiz', 'createContest', {
      ...VALID_CONTEST,
      startAt: '2026-11-23T00:00:00.000Z',
      audienceBranchIds: ['branch-2'],
    });
    const mine = await env.ok('demo-member', 'quiz', 'contests', { status: 'open' });
    expect(mine.items.map((item) => item.id)).not.toContain(contestId);
    expect((await env.call('demo-member', 'quiz', 'start', { contestId })).result).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const theirs = await env.ok('seed-member-02', 'quiz', 'contests', { status: 'open' });
    expect(theirs.items.map((item) => item.id)).toContain(contestId);
    expect((await env.call('seed-member-02', 'quiz', 'start', { contestId })).result.ok).toBe(true);
  });

  it('不存在的支部被拒绝并指出位置', async () => {
    const { result } = await env.call(
      'demo-admin',
      'quiz',
      'createContest',
      contestInput({ audienceBranchIds: ['branch-1', 'branch-99'] }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'audienceBranchIds.1' } });
  });
});

describe('quiz.contests 的个人状态', () => {
  it('列出本人已用次数、进行中的作答与最好成绩', async () => {
    const fresh = await env.ok('demo-secretary', 'quiz', 'contests', { status: 'open' });
    expect(fresh.items.find((item) => item.id === SEED_CONTEST_ID)?.mine).toEqual({
      attemptsUsed: 0,
      openAttemptId: null,
      bestScore: null,
    });
    const started = await env.ok('demo-secretary', 'quiz', 'start', { contestId: SEED_CONTEST_ID });
    const running = await env.ok('demo-secretary', 'quiz', 'contests', { status: 'open' });
    expect(running.items.find((item) => item.id === SEED_CONTEST_ID)?.mine).toEqual({
      attemptsUsed: 1,
      openAttemptId: started.attemptId,
      bestScore: null,
    });
    await env.ok('demo-secretary', 'quiz', 'submit', { attemptId: started.attemptId, answers: {} });
    const { result, requests } = await env.call('demo-secretary', 'quiz', 'contests', { status: 'open' });
    expect(result.ok && result.data.items.find((item) => item.id === SEED_CONTEST_ID)?.mine).toEqual({
      attemptsUsed: 1,
      openAttemptId: null,
      bestScore: 0,
    });
    // Caller, contests, my attempts, my board entries, my attempt ledgers.
    expect(requests.length).toBeLessThanOrEqual(5);
    expect(requests.filter((request) => !request.indexed)).toEqual([]);
  });
});

describe('quiz.questions', () => {
  it('组织部能翻页看到整个题库及答案', async () => {
    const total = await bankSize();
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await env.ok('demo-admin', 'quiz', 'questions', { pageSize: 50, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((question) => question.id));
      expect(page.items.every((question) => question.answer.length > 0 && question.explanation.length > 0)).toBe(true);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(total);
  });

  it('按分类筛选', async () => {
    const page = await env.ok('demo-admin', 'quiz', 'questions', { category: '长征', pageSize: 50 });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((question) => question.category === '长征')).toBe(true);
  });

  it.each([['demo-member'], ['demo-secretary']])('%s 看不到题库答案', async (openid) => {
    const { result } = await env.call(openid, 'quiz', 'questions', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('错误的分类返回 INVALID_INPUT', async () => {
    const { result } = await env.call('demo-admin', 'quiz', 'questions', { category: '{"$ne":null}' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'category' } });
  });
});

describe('quiz.bankTemplate / quiz.importBank', () => {
  it('可下载的模板本身能通过校验', async () => {
    const template = await env.ok('demo-admin', 'quiz', 'bankTemplate', {});
    const checked = await env.ok('demo-admin', 'quiz', 'importBank', { mode: 'validate', fileBase64: template.templateBase64 });
    expect(checked.rows).toBe(2);
    expect(checked.errors.filter((error) => error.message !== '题库中已有相同题目')).toEqual([]);
  });

  it('全部合格时整批导入，题库增加相应题数', async () => {
    const before = await bankSize();
    const imported = await env.ok('demo-admin', 'quiz', 'importBank', { mode: 'import', fileBase64: await xlsxBase64(GOOD_ROWS) });
    expect(imported).toMatchObject({ rows: 3, imported: 3, errors: [] });
    expect(await bankSize()).toBe(before + 3);
  });

  it('有一行出错则一题不导入，并报告行号与列名', async () => {
    const before = await env.snapshot();
    const rows = [
      ...GOOD_ROWS.map((row) => row.map((cell, index) => (index === 1 ? `${cell}（新）` : cell))),
      ['单选', '这道题的答案超出选项范围？', '甲', '乙', '', '', '', '', 'D', '示例解析内容', '建党', '1', '示例'],
      ['多选', '这道题的分类不存在吗？', '甲', '乙', '丙', '', '', '', 'AB', '示例解析内容', '宋朝', '9', '示例'],
    ];
    const result = await env.ok('demo-admin', 'quiz', 'importBank', { mode: 'import', fileBase64: await xlsxBase64(rows) });
    expect(result.imported).toBe(0);
    expect(result.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 5, field: '答案' }),
        expect.objectContaining({ row: 6, field: '分类' }),
        expect.objectContaining({ row: 6, field: '难度' }),
      ]),
    );
    expect(await env.snapshot()).toEqual(before);
  });

  it('文件内重复与题库中已有的题干都作为行错误', async () => {
    const seeded = ((await cloud.database().collection('questions').limit(1).get()) as unknown as { data: { stem: string }[] }).data[0]!;
    const rows = [
      ['判断', '1921年中国共产党成立。', '', '', '', '', '', '', '正确', '中共一大宣告了党的成立。', '建党', '1', '示例'],
      ['判断', '1921年 中国共产党成立', '', '', '', '', '', '', '正确', '中共一大宣告了党的成立。', '建党', '1', '示例'],
      ['判断', seeded.stem, '', '', '', '', '', '', '正确', '示例解析内容', '建党', '1', '示例'],
    ];
    const result = await env.ok('demo-admin', 'quiz', 'importBank', { mode: 'validate', fileBase64: await xlsxBase64(rows) });
    expect(result.errors).toEqual([
      { row: 3, field: '题干', message: '与第 2 行重复' },
      { row: 4, field: '题干', message: '题库中已有相同题目' },
    ]);
  });

  it('表头不对或不是 xlsx 时给出文件级错误', async () => {
    const wrongHeader = await env.ok('demo-admin', 'quiz', 'importBank', {
      mode: 'validate',
      fileBase64: await xlsxBase64(GOOD_ROWS, ['类型', ...HEADER.slice(1)]),
    });
    expect(wrongHeader.errors).toEqual([expect.objectContaining({ row: 1, field: '题型' })]);
    const notXlsx = await env.ok('demo-admin', 'quiz', 'importBank', {
      mode: 'validate',
      fileBase64: Buffer.from('hello').toString('base64'),
    });
    expect(notXlsx.errors).toEqual([expect.objectContaining({ row: 0, field: '文件' })]);
  });

  it.each([
    [{ mode: 'import' }, 'fileBase64'],
    [{ mode: 'import', fileBase64: '<script>' }, 'fileBase64'],
    [{ mode: 'upload', fileBase64: 'AAAA' }, 'mode'],
    [{ mode: 'template' }, 'mode'],
  ])('错误输入 %j 返回 INVALID_INPUT，字段 %s', async (input, field) => {
    const { result } = await env.call('demo-admin', 'quiz', 'importBank', input);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field } });
  });

  it('非组织部不能导入题库', async () => {
    const { result } = await env.call('demo-secretary', 'quiz', 'importBank', { mode: 'import', fileBase64: await xlsxBase64(GOOD_ROWS) });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
