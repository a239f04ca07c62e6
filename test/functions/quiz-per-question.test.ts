/**
 * 逐题限时: the server releases one question at a time with its own deadline (server time only); an
 * answer after the deadline + grace counts as unanswered.
 */
import { SEED_CONTEST_ID } from '../../emulator/seed';
import { useServerClock } from '../support/clock';
import { createTestEnv, type TestEnv } from '../support/localEnv';
import { perfectAnswers, storedAttempt } from '../support/quiz';

const clock = useServerClock(new Date('2026-11-23T02:00:00Z'));
const SECONDS = 20;
const GRACE_MS = 10_000;
let env: TestEnv;
let contestId: string;

beforeEach(async () => {
  clock.set(new Date('2026-11-23T02:00:00Z'));
  env = createTestEnv({ now: clock.now() });
  ({ contestId } = await env.ok('demo-admin', 'quiz', 'createContest', {
    title: '逐题限时测试竞赛',
    startAt: '2026-11-23T01:00:00.000Z',
    endAt: '2026-11-30T00:00:00.000Z',
    rules: [{ count: 3 }],
    pace: 'perQuestion',
    secondsPerQuestion: SECONDS,
    attemptsAllowed: 1,
  }));
});

async function startWithKey() {
  const started = await env.ok('demo-member', 'quiz', 'start', { contestId });
  return { started, key: await perfectAnswers(started.attemptId), attempt: await storedAttempt(started.attemptId) };
}

describe('quiz.start 逐题限时', () => {
  it('只下发第一题和它自己的截止时间，原始 JSON 里没有答案', async () => {
    const { result } = await env.call('demo-member', 'quiz', 'start', { contestId });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.data).toMatchObject({ pace: 'perQuestion', questionCount: 3, resumed: false });
    expect(result.data.questions).toHaveLength(1);
    expect(result.data.current).toEqual({ index: 0, deadline: '2026-11-23T02:00:20.000Z' });
    expect(JSON.stringify(result)).not.toMatch(/"answer"|"explanation"|"orders"|"key"/);
  });

  it('继续作答仍只给当前这一题和它原来的截止时间', async () => {
    const { started } = await startWithKey();
    clock.advance(5_000);
    const resumed = await env.ok('demo-member', 'quiz', 'start', { contestId });
    expect(resumed).toMatchObject({ resumed: true, current: { index: 0, deadline: '2026-11-23T02:00:20.000Z' } });
    expect(resumed.questions).toEqual(started.questions);
  });
});

describe('quiz.answerQuestion', () => {
  it('截止时间加宽限的那一毫秒送达仍计入，晚 1 毫秒记为未答；下一题从送达时起计时', async () => {
    const { started, key, attempt } = await startWithKey();
    const [first, second, third] = attempt.key.map((item) => item.id);
    clock.set(new Date(Date.parse(started.current!.deadline) + GRACE_MS));
    const onTime = await env.ok('demo-member', 'quiz', 'answerQuestion', {
      attemptId: started.attemptId,
      questionId: first!,
      chosen: key[first!]!,
    });
    expect(onTime.accepted).toBe(true);
    expect(onTime.next).toMatchObject({ index: 1, deadline: new Date(clock.now().getTime() + SECONDS * 1000).toISOString() });
    expect(onTime.next?.question.id).toBe(second);

    clock.set(new Date(Date.parse(onTime.next!.deadline) + GRACE_MS + 1));
    const late = await env.ok('demo-member', 'quiz', 'answerQuestion', {
      attemptId: started.attemptId,
      questionId: second!,
      chosen: key[second!]!,
    });
    expect(late.accepted).toBe(false);
    expect(late.next?.index).toBe(2);

    clock.advance(3_000);
    const last = await env.ok('demo-member', 'quiz', 'answerQuestion', {
      attemptId: started.attemptId,
      questionId: third!,
      chosen: key[third!]!,
    });
    expect(last).toMatchObject({ accepted: true, next: null, result: { correctCount: 2, questionCount: 3 } });
    const stored = await storedAttempt(started.attemptId);
    expect(stored.chosen?.[second!]).toEqual([]);
    expect(stored.status).toBe('submitted');
  });

  it('每次作答与最后一题交卷都不超过 4 次数据库请求，且都走索引', async () => {
    const { started, key, attempt } = await startWithKey();
    for (const item of attempt.key) {
      clock.advance(3_000);
      const { result, requests } = await env.call('demo-member', 'quiz', 'answerQuestion', {
        attemptId: started.attemptId,
        questionId: item.id,
        chosen: key[item.id]!,
      });
      expect(result.ok).toBe(true);
      expect(requests.length).toBeLessThanOrEqual(4);
      expect(requests.filter((request) => !request.indexed)).toEqual([]);
    }
  });

  it('重复提交同一题（回执丢失后重试）不会重复记录，也不会跳题', async () => {
    const { started, key, attempt } = await startWithKey();
    const first = attempt.key[0]!.id;
    const once = await env.ok('demo-member', 'quiz', 'answerQuestion', {
      attemptId: started.attemptId,
      questionId: first,
      chosen: key[first]!,
    });
    const again = await env.ok('demo-member', 'quiz', 'answerQuestion', { attemptId: started.attemptId, questionId: first, chosen: [0] });
    expect(again).toEqual(once);
    const stored = await storedAttempt(started.attemptId);
    expect(stored.released).toBe(2);
    expect(stored.answers?.[first]).toEqual(key[first]);
  });

  it('还没下发的题不能提前作答', async () => {
    const { started, key, attempt } = await startWithKey();
    const third = attempt.key[2]!.id;
    const { result } = await env.call('demo-member', 'quiz', 'answerQuestion', {
      attemptId: started.attemptId,
      questionId: third,
      chosen: key[third]!,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await storedAttempt(started.attemptId)).released).toBe(1);
  });

  it('中途交卷只按已记录的答案计分，不采信交卷时附带的答案', async () => {
    const { started, key, attempt } = await startWithKey();
    const first = attempt.key[0]!.id;
    clock.advance(3_000);
    await env.ok('demo-member', 'quiz', 'answerQuestion', { attemptId: started.attemptId, questionId: first, chosen: key[first]! });
    const result = await env.ok('demo-member', 'quiz', 'submit', { attemptId: started.attemptId, answers: key });
    expect(result.correctCount).toBe(1);
  });

  it('整卷限时的作答返回 CONFLICT，别人的作答返回 NOT_FOUND', async () => {
    const whole = await env.ok('demo-member', 'quiz', 'start', { contestId: SEED_CONTEST_ID });
    const { result } = await env.call('demo-member', 'quiz', 'answerQuestion', {
      attemptId: whole.attemptId,
      questionId: whole.questions[0]!.id,
      chosen: [0],
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const { started } = await startWithKey();
    const theirs = await env.call('demo-secretary', 'quiz', 'answerQuestion', {
      attemptId: started.attemptId,
      questionId: started.questions[0]!.id,
      chosen: [0],
    });
    expect(theirs.result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
