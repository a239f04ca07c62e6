/**
 * No answer reaches a member while they can still use it: a member who hands in blank and then
 * reads every response open to them learns nothing about the questions the contest can still ask.
 */
import cloud from 'wx-server-sdk';
import type { ContestDoc, PracticeMemberDoc, QuestionDoc } from '../../server/documents';
import { useServerClock } from '../support/clock';
import { createTestEnv, type TestEnv } from '../support/localEnv';

const clock = useServerClock(new Date('2026-11-23T02:00:00Z'));
const TODAY = '2026-11-23';
let env: TestEnv;

beforeEach(() => {
  clock.set(new Date('2026-11-23T02:00:00Z'));
  env = createTestEnv({ now: clock.now() });
});

async function storedContest(contestId: string): Promise<ContestDoc> {
  const reply = (await cloud.database().collection('contests').doc(contestId).get()) as unknown as { data: ContestDoc | ContestDoc[] };
  return Array.isArray(reply.data) ? reply.data[0]! : reply.data;
}

async function bank(): Promise<QuestionDoc[]> {
  const reply = (await cloud.database().collection('questions').limit(1000).get()) as unknown as { data: QuestionDoc[] };
  return reply.data;
}

async function createContest(fields: Record<string, unknown> = {}): Promise<ContestDoc> {
  const { contestId } = await env.ok('demo-admin', 'quiz', 'createContest', {
    title: '答案保密测试竞赛',
    startAt: '2026-11-23T01:00:00.000Z',
    endAt: '2026-11-30T00:00:00.000Z',
    rules: [{ count: 10 }],
    timeLimitSec: 600,
    attemptsAllowed: 3,
    ...fields,
  });
  return storedContest(contestId);
}

/** demo-member practised before: every question of the bank is in their 错题本. */
async function notebookOfEverything(): Promise<void> {
  const questions = await bank();
  const doc: PracticeMemberDoc = {
    _id: 'm-demo-member',
    memberId: 'm-demo-member',
    branchId: 'branch-1',
    streak: 0,
    bestStreak: 3,
    points: 10,
    daysDone: 3,
    lastDay: '2026-11-20',
    mistakes: Object.fromEntries(
      questions.map((question) => [
        question._id,
        { wrongCount: 1, lastWrongAt: new Date('2026-11-20T02:00:00Z'), source: 'practice' as const },
      ]),
    ),
    resolvedCount: 0,
    updatedAt: new Date('2026-11-20T02:00:00Z'),
  };
  env.store.insertMany('practice_members', [{ ...doc }]);
}

/** What a response reveals: the correct option texts and explanations by question id. */
type Revealed = Map<string, { correct: string[]; explanation: string }>;

function reveal(into: Revealed, questionId: string, options: readonly string[], correct: readonly number[], explanation: string): void {
  into.set(questionId, { correct: correct.map((index) => options[index] ?? ''), explanation });
}

describe('竞赛进行中答案不外泄（多次作答 → 竞赛结束后公布）', () => {
  it('交白卷后读遍成绩、每日一练、练习解析、错题本与错题重做，仍得不到任何还可能被问到的题的答案', async () => {
    await notebookOfEverything();
    const contest = await createContest();
    expect(contest.review).toBe('afterClose');
    const pool = new Set(contest.pool!.map((question) => question.id));
    expect(pool.size).toBe(30);

    const responses: unknown[] = [];
    const revealed: Revealed = new Map();
    const keep = <T>(response: T): T => {
      responses.push(response);
      return response;
    };

    const first = keep(await env.ok('demo-member', 'quiz', 'start', { contestId: contest._id }));
    keep(await env.ok('demo-member', 'quiz', 'submit', { attemptId: first.attemptId, answers: {} }));
    const result = keep(await env.ok('demo-member', 'quiz', 'result', { attemptId: first.attemptId }));
    expect(result.review).toBeNull();
    expect(result.reviewAvailableAt).toBe('2026-11-30T00:00:00.000Z');
    keep(await env.ok('demo-member', 'quiz', 'contests', {}));

    const today = keep(await env.ok('demo-member', 'quiz', 'practice', {}));
    expect(today.questions.filter((question) => pool.has(question.id))).toEqual([]);
    const practiced = keep(await env.ok('demo-member', 'quiz', 'practiceSubmit', { day: TODAY, answers: {} }));
    const again = keep(await env.ok('demo-member', 'quiz', 'practice', {}));
    for (const item of [...practiced.result.review, ...(again.result?.review ?? [])]) {
      reveal(revealed, item.questionId, item.options, item.correct, item.explanation);
    }

    let cursor: string | undefined;
    do {
      const page = keep(await env.ok('demo-member', 'quiz', 'mistakes', { pageSize: 50, ...(cursor ? { cursor } : {}) }));
      for (const item of page.items) {
        reveal(revealed, item.questionId, item.options, item.correct, item.explanation);
        const retried = await env.call('demo-member', 'quiz', 'retryMistake', { questionId: item.questionId, answer: [0] });
        responses.push(retried);
        if (retried.result.ok) reveal(revealed, item.questionId, item.options, retried.result.data.correctAnswer, item.explanation);
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    for (const questionId of pool) {
      responses.push(await env.call('demo-member', 'quiz', 'retryMistake', { questionId, answer: [0] }));
    }

    // The member saw answers (the practice set, the rest of the notebook), just none still askable.
    expect(revealed.size).toBeGreaterThan(100);
    expect([...revealed.keys()].filter((id) => pool.has(id))).toEqual([]);
    const raw = JSON.stringify(responses);
    const askable = (await bank()).filter((question) => pool.has(question._id));
    expect(askable.filter((question) => raw.includes(question.explanation)).map((question) => question._id)).toEqual([]);

    clock.advance(60_000);
    const second = await env.ok('demo-member', 'quiz', 'start', { contestId: contest._id });
    expect(second.questions.every((question) => pool.has(question.id) && !revealed.has(question.id))).toBe(true);
  });

  it('竞赛结束后成绩附上答案与解析，本次作答的错题进入错题本（只进一次）', async () => {
    const contest = await createContest();
    const { attemptId } = await env.ok('demo-member', 'quiz', 'start', { contestId: contest._id });
    await env.ok('demo-member', 'quiz', 'submit', { attemptId, answers: {} });
    const during = await env.ok('demo-member', 'quiz', 'mistakes', {});
    expect(during.total).toBe(0);

    clock.set(new Date('2026-11-30T00:00:00Z'));
    const after = await env.ok('demo-member', 'quiz', 'result', { attemptId });
    expect(after.review).toHaveLength(10);
    expect(after.reviewAvailableAt).toBeNull();
    await env.ok('demo-member', 'quiz', 'result', { attemptId });
    const notebook = await env.ok('demo-member', 'quiz', 'mistakes', { pageSize: 50 });
    expect(notebook.total).toBe(10);
    expect(notebook.items.map((item) => item.questionId).sort()).toEqual(after.review!.map((item) => item.questionId).sort());
    expect(notebook.items.every((item) => item.wrongCount === 1)).toBe(true);
  });

  it('只能作答一次的竞赛默认交卷后即可看答案；错题记入错题本，竞赛结束（题池不再保留）后显示', async () => {
    const contest = await createContest({ attemptsAllowed: 1 });
    expect(contest.review).toBe('afterEachAttempt');
    const { attemptId } = await env.ok('demo-member', 'quiz', 'start', { contestId: contest._id });
    await env.ok('demo-member', 'quiz', 'submit', { attemptId, answers: {} });
    const result = await env.ok('demo-member', 'quiz', 'result', { attemptId });
    expect(result.review).toHaveLength(10);
    expect(result.reviewAvailableAt).toBeNull();
    expect((await env.ok('demo-member', 'quiz', 'mistakes', {})).total).toBe(0);
    clock.set(new Date('2026-11-30T00:00:00Z'));
    expect((await env.ok('demo-member', 'quiz', 'mistakes', {})).total).toBe(10);
  });

  it('允许多次作答时不能设为“每次交卷后公布答案”', async () => {
    const { result } = await env.call('demo-admin', 'quiz', 'createContest', {
      title: '答案保密测试竞赛',
      startAt: '2026-11-24T00:00:00.000Z',
      endAt: '2026-11-30T00:00:00.000Z',
      rules: [{ count: 10 }],
      timeLimitSec: 600,
      attemptsAllowed: 2,
      review: 'afterEachAttempt',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'review' } });
  });

  it('另一场进行中的竞赛还可能问到的题，不出现在已公布答案的竞赛解析里', async () => {
    const single = await createContest({ attemptsAllowed: 1, rules: [{ count: 30 }] });
    const other = await createContest({ title: '另一场进行中的竞赛', rules: [{ count: 30 }] });
    const otherPool = new Set(other.pool!.map((question) => question.id));
    const { attemptId } = await env.ok('demo-member', 'quiz', 'start', { contestId: single._id });
    await env.ok('demo-member', 'quiz', 'submit', { attemptId, answers: {} });
    const result = await env.ok('demo-member', 'quiz', 'result', { attemptId });
    expect(result.review!.length).toBeGreaterThan(0);
    expect(result.review!.filter((item) => otherPool.has(item.questionId))).toEqual([]);
  });
});
