import { SEED_CONTEST_ID } from '../../emulator/seed';
import { useServerClock } from '../support/clock';
import { createTestEnv, type TestEnv } from '../support/localEnv';
import { perfectAnswers, storedAttempt } from '../support/quiz';

const clock = useServerClock(new Date('2026-11-23T02:00:00Z'));
let env: TestEnv;

beforeEach(() => {
  clock.set(new Date('2026-11-23T02:00:00Z'));
  env = createTestEnv({ now: clock.now() });
});

async function start(openid = 'demo-member') {
  return env.ok(openid, 'quiz', 'start', { contestId: SEED_CONTEST_ID });
}

describe('quiz.start', () => {
  it('服务器抽出 20 道题，返回的原始 JSON 里没有答案、解析或选项映射', async () => {
    const { result } = await env.call('demo-member', 'quiz', 'start', { contestId: SEED_CONTEST_ID });
    expect(result.ok && result.data.questions).toHaveLength(20);
    const raw = JSON.stringify(result);
    expect(raw).not.toMatch(/"answer"|"explanation"|"orders"|"key"|"source"/);
  });

  it('首次作答最多 8 次数据库请求（尚无题池的竞赛第一次开始时另加抽题池 2 次）、继续未完成的作答最多 4 次，且都走索引', async () => {
    const poolFixed = await env.call('demo-secretary', 'quiz', 'start', { contestId: SEED_CONTEST_ID });
    const first = await env.call('demo-member', 'quiz', 'start', { contestId: SEED_CONTEST_ID });
    const resumed = await env.call('demo-member', 'quiz', 'start', { contestId: SEED_CONTEST_ID });
    expect(poolFixed.requests.length).toBeLessThanOrEqual(10);
    expect(first.requests.length).toBeLessThanOrEqual(8);
    expect(resumed.requests.length).toBeLessThanOrEqual(4);
    expect(resumed.result).toMatchObject({ ok: true, data: { resumed: true } });
    expect([...poolFixed.requests, ...first.requests, ...resumed.requests].filter((request) => !request.indexed)).toEqual([]);
  });

  it('截止时间取服务器时间加限时，并附上服务器当前时间供倒计时校准', async () => {
    const started = await start();
    expect(started.serverNow).toBe('2026-11-23T02:00:00.000Z');
    expect(started.deadline).toBe('2026-11-23T02:10:00.000Z');
  });

  it('作答未结束时再次开始得到同一次作答（同样的题目与选项顺序）', async () => {
    const first = await start();
    clock.advance(60_000);
    const again = await start();
    expect(again.attemptId).toBe(first.attemptId);
    expect(again.questions).toEqual(first.questions);
  });

  it('每次作答的选项顺序由服务器单独打乱', async () => {
    const mine = await start('demo-member');
    const theirs = await start('demo-secretary');
    const orders = [await storedAttempt(mine.attemptId), await storedAttempt(theirs.attemptId)].map((a) => JSON.stringify(a.orders));
    expect(orders[0]).not.toBe(orders[1]);
  });

  it('交卷后立即再开始被限流，次数用完后返回 FULL', async () => {
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const started = await start();
      await env.ok('demo-member', 'quiz', 'submit', { attemptId: started.attemptId, answers: {} });
      const { result } = await env.call('demo-member', 'quiz', 'start', { contestId: SEED_CONTEST_ID });
      expect(result).toMatchObject({ ok: false, error: { code: attempt < 3 ? 'RATE_LIMITED' : 'FULL' } });
      clock.advance(60_000);
    }
    const { result } = await env.call('demo-member', 'quiz', 'start', { contestId: SEED_CONTEST_ID });
    expect(result).toMatchObject({ ok: false, error: { code: 'FULL' } });
  });

  it('竞赛未开始或已结束时返回 CLOSED，不存在返回 NOT_FOUND', async () => {
    clock.advance(40 * 24 * 3600_000);
    expect((await env.call('demo-member', 'quiz', 'start', { contestId: SEED_CONTEST_ID })).result).toMatchObject({
      ok: false,
      error: { code: 'CLOSED' },
    });
    expect((await env.call('demo-member', 'quiz', 'start', { contestId: 'no-such-contest' })).result).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it.each([[{}], [{ contestId: '' }], [{ contestId: { $ne: null } }], [{ contestId: SEED_CONTEST_ID, score: 100 }]])(
    '错误输入 %j 返回 INVALID_INPUT 且不写入',
    async (input) => {
      const before = await env.snapshot();
      expect((await env.call('demo-member', 'quiz', 'start', input)).result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(await env.snapshot()).toEqual(before);
    },
  );
});

describe('quiz.submit', () => {
  it('全部答对得满分，用时取服务器时间', async () => {
    const started = await start();
    clock.advance(95_000);
    const result = await env.ok('demo-member', 'quiz', 'submit', {
      attemptId: started.attemptId,
      answers: await perfectAnswers(started.attemptId),
    });
    expect(result).toMatchObject({ score: 100, maxScore: 100, correctCount: 20, durationMs: 95_000, onTime: true });
  });

  it('重复提交返回同一结果，只计一次', async () => {
    const started = await start();
    clock.advance(30_000);
    const answers = await perfectAnswers(started.attemptId);
    const first = await env.ok('demo-member', 'quiz', 'submit', { attemptId: started.attemptId, answers });
    clock.advance(30_000);
    const second = await env.ok('demo-member', 'quiz', 'submit', { attemptId: started.attemptId, answers: {} });
    expect(second).toEqual(first);
    expect(await env.ok('demo-member', 'quiz', 'myRank', { contestId: SEED_CONTEST_ID })).toEqual({
      rank: 1,
      score: 100,
      durationMs: 30_000,
    });
  });

  it('并发的两次提交只有一次生效', async () => {
    const started = await start();
    const answers = await perfectAnswers(started.attemptId);
    const [a, b] = await Promise.all([
      env.ok('demo-member', 'quiz', 'submit', { attemptId: started.attemptId, answers }),
      env.ok('demo-member', 'quiz', 'submit', { attemptId: started.attemptId, answers: {} }),
    ]);
    expect(a).toEqual(b);
  });

  it('篡改的答案（题外题目、重复选项、越界选项）不会得分', async () => {
    const started = await start();
    const perfect = await perfectAnswers(started.attemptId);
    const [firstId, secondId] = Object.keys(perfect);
    const tampered = {
      'q-9999': [0],
      [firstId!]: [9],
      [secondId!]: [...perfect[secondId!]!, ...perfect[secondId!]!, 0, 1, 2, 3],
    };
    const result = await env.ok('demo-member', 'quiz', 'submit', { attemptId: started.attemptId, answers: tampered });
    expect(result.score).toBe(0);
  });

  it('不能提交别人的作答', async () => {
    const started = await start('demo-secretary');
    const { result } = await env.call('demo-member', 'quiz', 'submit', { attemptId: started.attemptId, answers: {} });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await storedAttempt(started.attemptId)).status).toBe('open');
  });

  it('截止后宽限期内提交按截止时刻计时；超过宽限按截止时刻记零分', async () => {
    const inGrace = await start('demo-member');
    clock.advance(600_000 + 10_000);
    const graceResult = await env.ok('demo-member', 'quiz', 'submit', {
      attemptId: inGrace.attemptId,
      answers: await perfectAnswers(inGrace.attemptId),
    });
    expect(graceResult).toMatchObject({ score: 100, durationMs: 600_000, onTime: true, submittedAt: inGrace.deadline });

    const late = await start('demo-secretary');
    clock.advance(600_000 + 10_001);
    const lateResult = await env.ok('demo-secretary', 'quiz', 'submit', {
      attemptId: late.attemptId,
      answers: await perfectAnswers(late.attemptId),
    });
    expect(lateResult).toMatchObject({ score: 0, durationMs: 600_000, onTime: false, submittedAt: late.deadline });
  });

  it.each([
    [{ attemptId: 'x' }, 'answers'],
    [{ attemptId: 'x', answers: { 'q-0001': 'A' } }, 'answers.q-0001'],
    [{ attemptId: 'x', answers: { 'q-0001': [1.5] } }, 'answers.q-0001.0'],
    [{ attemptId: 'x', answers: {}, score: 100 }, 'score'],
  ])('错误输入 %j 返回 INVALID_INPUT，字段 %s', async (input, field) => {
    const { result } = await env.call('demo-member', 'quiz', 'submit', input);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field } });
  });
});

describe('quiz.result', () => {
  it('交卷后才能看到解析（可作答 3 次的竞赛要等结束后），且答案按本人看到的选项顺序标出', async () => {
    const started = await start();
    expect((await env.call('demo-member', 'quiz', 'result', { attemptId: started.attemptId })).result).toMatchObject({
      ok: false,
      error: { code: 'CLOSED' },
    });
    const answers = await perfectAnswers(started.attemptId);
    await env.ok('demo-member', 'quiz', 'submit', { attemptId: started.attemptId, answers });
    const whileOpen = await env.ok('demo-member', 'quiz', 'result', { attemptId: started.attemptId });
    expect(whileOpen).toMatchObject({ score: 100, review: null });
    clock.advance(31 * 24 * 3600_000);
    const result = await env.ok('demo-member', 'quiz', 'result', { attemptId: started.attemptId });
    expect(result.review).toHaveLength(20);
    for (const item of result.review ?? []) {
      expect(item.isCorrect).toBe(true);
      expect(item.correct).toEqual([...answers[item.questionId]!].sort((a, b) => a - b));
      expect(item.explanation.length).toBeGreaterThan(0);
    }
  });

  it('看不到别人的作答结果', async () => {
    const started = await start('demo-secretary');
    await env.ok('demo-secretary', 'quiz', 'submit', { attemptId: started.attemptId, answers: {} });
    expect((await env.call('demo-member', 'quiz', 'result', { attemptId: started.attemptId })).result).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});

describe('权限', () => {
  it.each([
    ['start', { contestId: SEED_CONTEST_ID }],
    ['submit', { attemptId: 'a', answers: {} }],
    ['result', { attemptId: 'a' }],
    ['leaderboard', { contestId: SEED_CONTEST_ID }],
    ['myRank', { contestId: SEED_CONTEST_ID }],
  ] as const)('未加入的用户调用 quiz.%s 返回 UNAUTHENTICATED', async (action, input) => {
    const { result } = await env.call('demo-stranger', 'quiz', action, input);
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
