/**
 * The organiser's loop: the workbench list (draft / upcoming / open / closed with participation and
 * average), edit and withdraw before opening, publish, close early, duplicate, the attempts with
 * 切屏 counts and flags, the results export and per-question correct rates.
 */
import ExcelJS from 'exceljs';
import { seedQuestionDocs } from '../../emulator/seed';
import { useServerClock } from '../support/clock';
import { createTestEnv, type TestEnv } from '../support/localEnv';
import { insertContest, perfectAnswers, storedAttempt } from '../support/quiz';

const clock = useServerClock(new Date('2026-11-23T02:00:00Z'));
let env: TestEnv;

beforeEach(() => {
  clock.set(new Date('2026-11-23T02:00:00Z'));
  env = createTestEnv({ now: clock.now() });
});

const SETTINGS = {
  title: '组织者测试竞赛',
  startAt: '2026-11-24T00:00:00.000Z',
  endAt: '2026-11-30T00:00:00.000Z',
  rules: [{ count: 5 }],
  timeLimitSec: 600,
  attemptsAllowed: 1,
};

async function create(fields: Record<string, unknown> = {}): Promise<string> {
  return (await env.ok('demo-admin', 'quiz', 'createContest', { ...SETTINGS, ...fields })).contestId;
}

/** An open contest whose every attempt asks the same five questions, so answer sequences can match. */
function fixedFiveContest(): string {
  const five = seedQuestionDocs(clock.now()).slice(0, 5);
  insertContest(env, clock.now(), {
    _id: 'fixed-five',
    rules: [{ count: 5 }],
    questionCount: 5,
    attemptsAllowed: 1,
    pool: five.map((question) => ({ id: question._id, category: question.category, difficulty: question.difficulty })),
  });
  return 'fixed-five';
}

async function take(openid: string, contestId: string, perfect: boolean, thinkMs: number): Promise<string> {
  const { attemptId } = await env.ok(openid, 'quiz', 'start', { contestId });
  clock.advance(thinkMs);
  await env.ok(openid, 'quiz', 'submit', { attemptId, answers: perfect ? await perfectAnswers(attemptId) : {} });
  return attemptId;
}

describe('竞赛管理列表', () => {
  it('列出草稿、未开始、进行中、已结束，带参与人数与平均分，可按状态筛选', async () => {
    const draft = await create({ draft: true, title: '草稿竞赛一场' });
    const upcoming = await create({ title: '未开始竞赛一场' });
    const open = fixedFiveContest();
    insertContest(env, clock.now(), {
      _id: 'long-ago',
      startAt: new Date('2026-10-01T00:00:00Z'),
      endAt: new Date('2026-10-02T00:00:00Z'),
    });
    await take('demo-member', open, true, 60_000);
    await take('demo-secretary', open, false, 60_000);

    const { items } = await env.ok('demo-admin', 'quiz', 'adminContests', {});
    const byId = new Map(items.map((item) => [item.id, item]));
    expect(byId.get(draft)).toMatchObject({ status: 'draft', participantCount: 0, averageScore: null });
    expect(byId.get(upcoming)).toMatchObject({ status: 'upcoming', review: 'afterEachAttempt', pace: 'whole' });
    expect(byId.get(open)).toMatchObject({ status: 'open', participantCount: 2, averageScore: 12.5 });
    expect(byId.get('long-ago')?.status).toBe('closed');
    const drafts = await env.ok('demo-admin', 'quiz', 'adminContests', { status: 'draft' });
    expect(drafts.items.map((item) => item.id)).toEqual([draft]);
  });
});

describe('发布、修改、撤回、提前结束、复制', () => {
  it('草稿党员看不到；发布后出现在党员的竞赛列表', async () => {
    const contestId = await create({ draft: true });
    const listed = async () => (await env.ok('demo-member', 'quiz', 'contests', {})).items.map((item) => item.id);
    expect(await listed()).not.toContain(contestId);
    expect(await env.ok('demo-admin', 'quiz', 'publishContest', { contestId })).toEqual({ contestId, status: 'upcoming' });
    expect(await listed()).toContain(contestId);
    expect((await env.call('demo-admin', 'quiz', 'publishContest', { contestId })).result).toMatchObject({ error: { code: 'CONFLICT' } });
  });

  it('开始前可以修改设置（重新抽题池）和撤回为草稿；开始后都被拒绝', async () => {
    const contestId = await create();
    const saved = await env.ok('demo-admin', 'quiz', 'updateContest', {
      ...SETTINGS,
      contestId,
      title: '改过名字的竞赛',
      rules: [{ count: 8 }],
    });
    expect(saved).toEqual({ contestId, questionCount: 8 });
    const [listed] = (await env.ok('demo-admin', 'quiz', 'adminContests', { status: 'upcoming' })).items;
    expect(listed).toMatchObject({ title: '改过名字的竞赛', questionCount: 8 });
    expect(await env.ok('demo-admin', 'quiz', 'withdrawContest', { contestId })).toEqual({ contestId, status: 'draft' });
    await env.ok('demo-admin', 'quiz', 'publishContest', { contestId });

    clock.set(new Date('2026-11-24T00:00:00Z'));
    expect((await env.call('demo-admin', 'quiz', 'updateContest', { ...SETTINGS, contestId })).result).toMatchObject({
      error: { code: 'CLOSED' },
    });
    expect((await env.call('demo-admin', 'quiz', 'withdrawContest', { contestId })).result).toMatchObject({ error: { code: 'CLOSED' } });
  });

  it('提前结束：竞赛即刻结束，进行中的作答随之截止，之后交卷按超时计 0 分', async () => {
    const contestId = fixedFiveContest();
    const { attemptId } = await env.ok('demo-member', 'quiz', 'start', { contestId });
    clock.advance(60_000);
    expect(await env.ok('demo-admin', 'quiz', 'closeContest', { contestId })).toEqual({ contestId, endAt: clock.now().toISOString() });
    clock.advance(GRACE_PLUS_1);
    const late = await env.ok('demo-member', 'quiz', 'submit', { attemptId, answers: await perfectAnswers(attemptId) });
    expect(late).toMatchObject({ onTime: false, score: 0 });
    expect((await env.call('demo-member', 'quiz', 'start', { contestId })).result).toMatchObject({ error: { code: 'CLOSED' } });
    expect((await env.call('demo-admin', 'quiz', 'closeContest', { contestId })).result).toMatchObject({ error: { code: 'CLOSED' } });
    const [listed] = (await env.ok('demo-admin', 'quiz', 'adminContests', { status: 'closed' })).items;
    expect(listed).toMatchObject({ id: contestId, closedEarly: true });
  });

  it('复制得到一份草稿，标题加“（副本）”', async () => {
    const contestId = await create();
    const copy = await env.ok('demo-admin', 'quiz', 'duplicateContest', { contestId });
    expect(copy.contestId).not.toBe(contestId);
    const drafts = await env.ok('demo-admin', 'quiz', 'adminContests', { status: 'draft' });
    expect(drafts.items).toEqual([expect.objectContaining({ id: copy.contestId, title: '组织者测试竞赛（副本）', questionCount: 5 })]);
  });

  it('不存在的竞赛在每个管理操作中都是 NOT_FOUND', async () => {
    for (const action of [
      'publishContest',
      'withdrawContest',
      'closeContest',
      'duplicateContest',
      'contestAttempts',
      'exportResults',
      'questionStats',
    ] as const) {
      const { result } = await env.call('demo-admin', 'quiz', action, { contestId: 'no-such-contest' });
      expect({ action, outcome: result.ok || result.error.code }).toEqual({ action, outcome: 'NOT_FOUND' });
    }
  });
});

const GRACE_PLUS_1 = 10_001;

describe('作答记录、标记、导出与逐题正确率', () => {
  it('组织者看到每次作答的切屏次数与标记：答得比读题快、与他人答案完全相同；标记不改分数', async () => {
    const contestId = fixedFiveContest();
    const fast = await take('demo-member', contestId, true, 1_000);
    const careful = await take('demo-secretary', contestId, true, 120_000);
    const { attemptId: switcher } = await env.ok('seed-member-02', 'quiz', 'start', { contestId });
    await env.ok('seed-member-02', 'quiz', 'reportSwitch', { attemptId: switcher });

    const { items, nextCursor } = await env.ok('demo-admin', 'quiz', 'contestAttempts', { contestId });
    expect(nextCursor).toBeNull();
    const byId = new Map(items.map((row) => [row.attemptId, row]));
    expect(byId.get(fast)).toMatchObject({ memberName: '林红', branchName: '第一党支部', score: 25, flags: ['tooFast', 'sameAnswers'] });
    expect(byId.get(careful)).toMatchObject({ memberName: '赵志刚', score: 25, flags: ['sameAnswers'] });
    expect(byId.get(switcher)).toMatchObject({ status: 'open', switchCount: 1, score: null, flags: [] });
    expect((await storedAttempt(fast)).score).toBe(25);
  });

  it('作答记录分页不重不漏，每页 ≤ 5 次数据库请求且走索引', async () => {
    const contestId = fixedFiveContest();
    for (const openid of ['demo-member', 'demo-secretary', 'seed-member-02']) await take(openid, contestId, false, 60_000);
    const first = await env.call('demo-admin', 'quiz', 'contestAttempts', { contestId, pageSize: 2 });
    if (!first.result.ok) throw new Error(JSON.stringify(first.result.error));
    const second = await env.ok('demo-admin', 'quiz', 'contestAttempts', { contestId, pageSize: 2, cursor: first.result.data.nextCursor! });
    expect([...first.result.data.items, ...second.items].map((row) => row.memberName).sort()).toEqual(
      ['林红', '赵志刚', expect.any(String)].sort(),
    );
    expect(new Set([...first.result.data.items, ...second.items].map((row) => row.attemptId)).size).toBe(3);
    expect(first.requests.length).toBeLessThanOrEqual(5);
    expect(first.requests.filter((request) => !request.indexed)).toEqual([]);
  });

  it('成绩导出为 .xlsx：每人一行，按名次，含支部、成绩、用时、作答次数、切屏与标记', async () => {
    const contestId = fixedFiveContest();
    await take('demo-member', contestId, true, 1_000);
    await take('demo-secretary', contestId, false, 60_000);
    const exported = await env.ok('demo-admin', 'quiz', 'exportResults', { contestId });
    expect(exported).toMatchObject({ rows: 2, truncated: false });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(env.files.get(exported.fileID) as unknown as ExcelJS.Buffer);
    const rows: string[][] = [];
    workbook.worksheets[0]!.eachRow((row) => rows.push(Array.from({ length: 8 }, (_, index) => row.getCell(index + 1).text)));
    expect(rows).toEqual([
      ['排名', '姓名', '支部', '成绩', '用时（秒）', '作答次数', '切屏次数', '标记'],
      ['1', '林红', '第一党支部', '25', '1', '1', '0', '答题快于读题'],
      ['2', '赵志刚', '第一党支部', '0', '60', '1', '0', ''],
    ]);
  });

  it('逐题正确率从低到高，并按题目分类汇总', async () => {
    const contestId = fixedFiveContest();
    await take('demo-member', contestId, true, 60_000);
    await take('demo-secretary', contestId, true, 60_000);
    await take('seed-member-02', contestId, false, 60_000);
    const stats = await env.ok('demo-admin', 'quiz', 'questionStats', { contestId });
    expect(stats.attemptCount).toBe(3);
    expect(stats.items).toHaveLength(5);
    expect(stats.items.every((item) => item.askedCount === 3 && item.correctCount === 2)).toBe(true);
    expect(stats.items[0]!.correctRate).toBeCloseTo(2 / 3);
    expect(stats.byCategory.reduce((sum, row) => sum + row.askedCount, 0)).toBe(15);
  });
});
