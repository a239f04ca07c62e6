/** 切屏: each report counts; past the contest's limit the server hands the attempt in. */
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

async function contestAllowing(maxSwitches: number | null, pace: 'whole' | 'perQuestion' = 'whole'): Promise<string> {
  const { contestId } = await env.ok('demo-admin', 'quiz', 'createContest', {
    title: '切屏测试竞赛',
    startAt: '2026-11-23T01:00:00.000Z',
    endAt: '2026-11-30T00:00:00.000Z',
    rules: [{ count: 5 }],
    attemptsAllowed: 1,
    maxSwitches,
    ...(pace === 'whole' ? { timeLimitSec: 600 } : { pace, secondsPerQuestion: 30 }),
  });
  return contestId;
}

describe('quiz.reportSwitch', () => {
  it('允许切屏 2 次：前两次只计数，第 3 次按手机带来的答案自动交卷并上榜，之后的上报不再计数', async () => {
    const contestId = await contestAllowing(2);
    const { attemptId } = await env.ok('demo-member', 'quiz', 'start', { contestId });
    const answers = await perfectAnswers(attemptId);
    clock.advance(60_000);
    expect(await env.ok('demo-member', 'quiz', 'reportSwitch', { attemptId })).toEqual({
      switchCount: 1,
      maxSwitches: 2,
      autoSubmitted: false,
      result: null,
    });
    expect((await env.ok('demo-member', 'quiz', 'reportSwitch', { attemptId })).switchCount).toBe(2);
    const third = await env.ok('demo-member', 'quiz', 'reportSwitch', { attemptId, answers });
    expect(third).toMatchObject({ switchCount: 3, autoSubmitted: true, result: { correctCount: 5, autoSubmitted: true, switchCount: 3 } });
    expect(await env.ok('demo-member', 'quiz', 'myRank', { contestId })).toMatchObject({ rank: 1, score: 25 });
    const later = await env.ok('demo-member', 'quiz', 'reportSwitch', { attemptId });
    expect(later).toMatchObject({ switchCount: 3, autoSubmitted: true });
    const stored = await storedAttempt(attemptId);
    expect(stored).toMatchObject({ status: 'submitted', switchCount: 3, autoSubmitted: true });
  });

  it('没带答案时超限自动交卷按白卷计分', async () => {
    const contestId = await contestAllowing(0);
    const { attemptId } = await env.ok('demo-member', 'quiz', 'start', { contestId });
    const first = await env.ok('demo-member', 'quiz', 'reportSwitch', { attemptId });
    expect(first).toMatchObject({ switchCount: 1, autoSubmitted: true, result: { score: 0 } });
  });

  it('逐题限时超限时按已记录的答案交卷', async () => {
    const contestId = await contestAllowing(0, 'perQuestion');
    const started = await env.ok('demo-member', 'quiz', 'start', { contestId });
    const key = await perfectAnswers(started.attemptId);
    const question = started.questions[0]!.id;
    clock.advance(5_000);
    await env.ok('demo-member', 'quiz', 'answerQuestion', { attemptId: started.attemptId, questionId: question, chosen: key[question]! });
    const switched = await env.ok('demo-member', 'quiz', 'reportSwitch', { attemptId: started.attemptId, answers: key });
    expect(switched).toMatchObject({ autoSubmitted: true, result: { correctCount: 1 } });
  });

  it('不限切屏的竞赛只计数；20 次同时上报，每个成功的回复恰好计入一次', async () => {
    const contestId = await contestAllowing(null);
    const { attemptId } = await env.ok('demo-member', 'quiz', 'start', { contestId });
    const replies = await Promise.all(Array.from({ length: 20 }, () => env.call('demo-member', 'quiz', 'reportSwitch', { attemptId })));
    const counted = replies.filter((reply) => reply.result.ok).length;
    const stored = await storedAttempt(attemptId);
    expect(stored.switchCount).toBe(counted);
    expect(stored.status).toBe('open');
    expect(counted).toBeGreaterThan(0);
    const last = await env.ok('demo-member', 'quiz', 'reportSwitch', { attemptId });
    expect(last).toMatchObject({ switchCount: counted + 1, maxSwitches: null, autoSubmitted: false });
  });

  it('一次上报 3 次数据库请求且走索引；别人的作答返回 NOT_FOUND', async () => {
    const { attemptId } = await env.ok('demo-member', 'quiz', 'start', { contestId: SEED_CONTEST_ID });
    const { result, requests } = await env.call('demo-member', 'quiz', 'reportSwitch', { attemptId });
    expect(result.ok).toBe(true);
    expect(requests.length).toBeLessThanOrEqual(3);
    expect(requests.filter((request) => !request.indexed)).toEqual([]);
    expect((await env.call('demo-secretary', 'quiz', 'reportSwitch', { attemptId })).result).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
