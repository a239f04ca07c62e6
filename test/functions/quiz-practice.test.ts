import cloud from 'wx-server-sdk';
import { toDisplayed } from '../../core/quiz';
import { practiceDayId, type PracticeDayDoc, type PracticeMemberDoc } from '../../server/documents';
import type { ActionInput, ActionOutput } from '../../types/contracts';
import type { PracticeAnswers } from '../../types/contracts/practice';
import { useServerClock } from '../support/clock';
import { createTestEnv, type TestEnv } from '../support/localEnv';

/** 10:00 on 2026-11-23 in Shanghai. */
const MORNING = new Date('2026-11-23T02:00:00Z');
const clock = useServerClock(MORNING);
let env: TestEnv;

const MEMBER = 'demo-member';
const MEMBER_ID = 'm-demo-member';
const OTHER = 'demo-secretary';

beforeEach(() => {
  clock.set(MORNING);
  env = createTestEnv({ now: clock.now() });
});

/** The instant `hh:mm` Shanghai time on `day` (Shanghai is UTC+8 all year). */
function shanghai(day: string, time: string): Date {
  return new Date(`${day}T${time}:00+08:00`);
}

async function readAll<T>(collection: string, where: Record<string, unknown> = {}): Promise<T[]> {
  const reply = (await cloud.database().collection(collection).where(where).limit(1000).get()) as unknown as { data: T[] };
  return reply.data;
}

async function storedDay(day: string, memberId = MEMBER_ID): Promise<PracticeDayDoc> {
  const [doc] = await readAll<PracticeDayDoc>('practice_days', { _id: practiceDayId(memberId, day) });
  if (!doc) throw new Error(`no practice day ${day}`);
  return doc;
}

async function storedMember(memberId = MEMBER_ID): Promise<PracticeMemberDoc | undefined> {
  const [doc] = await readAll<PracticeMemberDoc>('practice_members', { _id: memberId });
  return doc;
}

type PracticeAction = 'practice' | 'practiceSubmit' | 'mistakes' | 'retryMistake';

function practice<A extends PracticeAction>(openid: string, action: A, input: ActionInput<'quiz', A>): Promise<ActionOutput<'quiz', A>> {
  return env.ok(openid, 'quiz', action, input);
}

/** Displayed indexes a member who knows everything would send for the stored set of `day`. */
async function answersFor(day: string, mode: 'right' | 'wrong', openidMemberId = MEMBER_ID): Promise<PracticeAnswers> {
  const doc = await storedDay(day, openidMemberId);
  return Object.fromEntries(
    doc.items.map((item) => {
      const order = doc.orders[item.id]!;
      const right = toDisplayed(order, item.answer);
      const wrong = [order.findIndex((original) => !item.answer.includes(original))];
      return [item.id, mode === 'right' ? right : wrong];
    }),
  );
}

/** Opens today's set and submits it with all answers right or all wrong. */
async function doToday(mode: 'right' | 'wrong', openid = MEMBER, memberId = MEMBER_ID) {
  const today = await practice(openid, 'practice', {});
  const answers = await answersFor(today.day, mode, memberId);
  return practice(openid, 'practiceSubmit', { day: today.day, answers });
}

describe('quiz.practice（今日一练）', () => {
  it('同一天（上海时间 00:00 到 23:59）多次获取都是同一套 5 题和同样的选项顺序，次日 00:00 换一套新题', async () => {
    clock.set(shanghai('2026-11-24', '00:00'));
    const first = await practice(MEMBER, 'practice', {});
    expect(first.day).toBe('2026-11-24');
    expect(first.questions).toHaveLength(5);
    expect(new Set(first.questions.map((q) => q.id)).size).toBe(5);

    clock.set(shanghai('2026-11-24', '12:30'));
    expect((await practice(MEMBER, 'practice', {})).questions).toEqual(first.questions);
    clock.set(new Date('2026-11-24T15:59:59Z'));
    const lastMinute = await practice(MEMBER, 'practice', {});
    expect(lastMinute.day).toBe('2026-11-24');
    expect(lastMinute.questions).toEqual(first.questions);

    clock.set(new Date('2026-11-24T16:00:00Z'));
    const next = await practice(MEMBER, 'practice', {});
    expect(next.day).toBe('2026-11-25');
    expect(next.questions).toHaveLength(5);
    expect(next.questions).not.toEqual(first.questions);
    expect(await readAll('practice_days', { memberId: MEMBER_ID })).toHaveLength(2);
  });

  it('提交前 today 返回的原始 JSON 里没有答案、解析或选项映射', async () => {
    const { result } = await env.call(MEMBER, 'quiz', 'practice', {});
    expect(result).toMatchObject({ ok: true, data: { doneToday: false, result: null, streak: 0, points: 0 } });
    expect(JSON.stringify(result)).not.toMatch(/"answer"|"explanation"|"orders"|"items"|"chosen"|"correct"|"key"/);
    // The server did keep the key: answers and explanations are snapshotted with the day's set.
    const stored = await storedDay('2026-11-23');
    expect(stored.items.every((item) => item.answer.length > 0 && item.explanation.length > 0)).toBe(true);
  });

  it('不同成员当天各抽各的题，选项顺序各自打乱', async () => {
    await practice(MEMBER, 'practice', {});
    await practice(OTHER, 'practice', {});
    const mine = await storedDay('2026-11-23');
    const theirs = await storedDay('2026-11-23', 'm-demo-secretary');
    expect(JSON.stringify([mine.items.map((i) => i.id), mine.orders])).not.toBe(
      JSON.stringify([theirs.items.map((i) => i.id), theirs.orders]),
    );
  });
});

describe('quiz.practiceSubmit', () => {
  it('全部答对得 5 分积分，返回按显示顺序标注的解析；提交后 today 显示已完成和当天结果', async () => {
    const submitted = await doToday('right');
    expect(submitted.result).toMatchObject({ day: '2026-11-23', correctCount: 5, questionCount: 5, pointsEarned: 5 });
    expect(submitted).toMatchObject({ streak: 1, bestStreak: 1, points: 5, daysDone: 1 });
    for (const item of submitted.result.review) {
      expect(item.isCorrect).toBe(true);
      expect(item.chosen).toEqual(item.correct);
      expect(item.explanation.length).toBeGreaterThan(0);
    }
    const today = await practice(MEMBER, 'practice', {});
    expect(today).toMatchObject({ doneToday: true, streak: 1, points: 5 });
    expect(today.result).toEqual(submitted.result);
    expect(today.result!.review.map((r) => r.options)).toEqual(today.questions.map((q) => q.options));
  });

  it('重复提交返回同一结果，积分只算一次', async () => {
    const first = await doToday('right');
    clock.advance(60_000);
    const day = first.result.day;
    const again = await practice(MEMBER, 'practiceSubmit', { day, answers: {} });
    expect(again).toEqual(first);
    expect((await storedMember())?.points).toBe(5);
  });

  it('同一天并发提交两次只有一次生效', async () => {
    const today = await practice(MEMBER, 'practice', {});
    const answers = await answersFor(today.day, 'right');
    const [a, b] = await Promise.all([
      practice(MEMBER, 'practiceSubmit', { day: today.day, answers }),
      practice(MEMBER, 'practiceSubmit', { day: today.day, answers: {} }),
    ]);
    expect(a).toEqual(b);
    expect((await storedMember())?.points).toBe(a.result.pointsEarned);
  });

  it('积分每天只计一次：两天各答对 5 题共 5+5 分，答错不得分', async () => {
    await doToday('right');
    clock.set(shanghai('2026-11-24', '09:00'));
    await doToday('right');
    clock.set(shanghai('2026-11-25', '09:00'));
    const third = await doToday('wrong');
    expect(third.result.pointsEarned).toBe(0);
    expect(third.points).toBe(10);
  });

  it('连续天数：相邻两天连续 +1，中间断一天后重置为 1，最长纪录保留', async () => {
    expect((await doToday('right')).streak).toBe(1);
    clock.set(shanghai('2026-11-24', '23:59'));
    expect((await doToday('wrong')).streak).toBe(2);
    clock.set(shanghai('2026-11-25', '00:00'));
    expect(await practice(MEMBER, 'practice', {})).toMatchObject({ streak: 2, doneToday: false });
    expect((await doToday('right')).streak).toBe(3);

    // 11-26 missed: on 11-27 the run is already broken before submitting.
    clock.set(shanghai('2026-11-27', '08:00'));
    expect(await practice(MEMBER, 'practice', {})).toMatchObject({ streak: 0, bestStreak: 3 });
    const afterGap = await doToday('right');
    expect(afterGap).toMatchObject({ streak: 1, bestStreak: 3, daysDone: 4 });
  });

  it('只能提交服务器当天：23:59 领的题到 00:00 再交被拒绝（CLOSED），昨天或明天的日期也被拒绝，数据不变', async () => {
    clock.set(new Date('2026-11-23T15:59:00Z'));
    const today = await practice(MEMBER, 'practice', {});
    expect(today.day).toBe('2026-11-23');
    const answers = await answersFor(today.day, 'right');
    clock.set(new Date('2026-11-23T16:00:00Z'));
    const before = await env.snapshot();
    for (const day of ['2026-11-23', '2026-11-25', '2020-01-01']) {
      const { result } = await env.call(MEMBER, 'quiz', 'practiceSubmit', { day, answers });
      expect(result).toMatchObject({ ok: false, error: { code: 'CLOSED' } });
    }
    expect(await env.snapshot()).toEqual(before);
  });

  it('当天还没领题就提交返回 NOT_FOUND', async () => {
    const { result } = await env.call(MEMBER, 'quiz', 'practiceSubmit', { day: '2026-11-23', answers: {} });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('提交的第二步写入丢失时，下次 today 补记积分和连续天数', async () => {
    const submitted = await doToday('right');
    // As if the function died after closing the day but before counting it.
    await cloud.database().collection('practice_members').doc(MEMBER_ID).remove();
    const today = await practice(MEMBER, 'practice', {});
    expect(today).toMatchObject({ doneToday: true, points: submitted.points, streak: 1 });
    expect((await storedMember())?.points).toBe(5);
  });
});

describe('quiz.mistakes / quiz.retryMistake 错题本', () => {
  it('答错的题进入错题本（最新在前、分页不重不漏，带解析和正确答案）；再答错留在本中 wrongCount+1，答对后移出', async () => {
    const day1 = await doToday('wrong');
    clock.set(shanghai('2026-11-24', '09:00'));
    const day2 = await doToday('wrong');
    const day1Ids = day1.result.review.map((r) => r.questionId);
    const day2Ids = day2.result.review.map((r) => r.questionId);

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await practice(MEMBER, 'mistakes', { pageSize: 3, ...(cursor ? { cursor } : {}) });
      expect(page.total).toBe(10);
      seen.push(...page.items.map((item) => item.questionId));
      for (const item of page.items) {
        expect(item.explanation.length).toBeGreaterThan(0);
        expect(item.correct.length).toBeGreaterThan(0);
        expect(item.wrongCount).toBe(1);
      }
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(4);
    expect(seen).toHaveLength(10);
    // Newest first: all of the second day's mistakes before the first day's.
    expect(new Set(seen.slice(0, 5))).toEqual(new Set(day2Ids));
    expect(new Set(seen.slice(5))).toEqual(new Set(day1Ids));

    const [target] = (await practice(MEMBER, 'mistakes', {})).items;
    const wrongChoice = [target!.options.findIndex((_, index) => !target!.correct.includes(index))];
    const missed = await practice(MEMBER, 'retryMistake', { questionId: target!.questionId, answer: wrongChoice });
    expect(missed).toMatchObject({ correct: false, resolved: false, wrongCount: 2, correctAnswer: target!.correct, remaining: 10 });
    expect(missed.explanation).toBe(target!.explanation);
    const stillThere = (await practice(MEMBER, 'mistakes', { pageSize: 50 })).items.find((item) => item.questionId === target!.questionId);
    expect(stillThere?.wrongCount).toBe(2);

    const solved = await practice(MEMBER, 'retryMistake', { questionId: target!.questionId, answer: target!.correct });
    expect(solved).toMatchObject({ correct: true, resolved: true, remaining: 9 });
    const after = await practice(MEMBER, 'mistakes', { pageSize: 50 });
    expect(after.total).toBe(9);
    expect(after.items.map((item) => item.questionId)).not.toContain(target!.questionId);
    expect(
      (await env.call(MEMBER, 'quiz', 'retryMistake', { questionId: target!.questionId, answer: target!.correct })).result,
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('全部答对时错题本为空', async () => {
    await doToday('right');
    expect(await practice(MEMBER, 'mistakes', {})).toMatchObject({ items: [], nextCursor: null, total: 0 });
  });

  it('别人看不到也改不了我的错题本', async () => {
    const mine = await doToday('wrong');
    const questionId = mine.result.review[0]!.questionId;
    const before = await env.snapshot();
    expect(await practice(OTHER, 'mistakes', {})).toMatchObject({ items: [], total: 0 });
    const { result } = await env.call(OTHER, 'quiz', 'retryMistake', { questionId, answer: mine.result.review[0]!.correct });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await env.snapshot()).toEqual(before);
  });
});

describe('每日一练 输入', () => {
  it('重做时选了这道题没有的选项返回 INVALID_INPUT（answer），错题本不变', async () => {
    const mine = await doToday('wrong');
    const before = await env.snapshot();
    const { result } = await env.call(MEMBER, 'quiz', 'retryMistake', { questionId: mine.result.review[0]!.questionId, answer: [9] });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'answer' } });
    expect(await env.snapshot()).toEqual(before);
  });
});

describe('每日一练 数据库请求', () => {
  it('每个操作的数据库请求在预算内（含读取进行中竞赛的保留题池），且全部命中索引', async () => {
    const calls: { action: string; requests: { indexed: boolean }[] }[] = [];
    async function run<A extends PracticeAction>(action: A, input: ActionInput<'quiz', A>): Promise<ActionOutput<'quiz', A>> {
      const { result, requests } = await env.call(MEMBER, 'quiz', action, input);
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      calls.push({ action, requests });
      return result.data;
    }
    // The first day creates the member document, the second one updates it.
    for (const day of ['2026-11-23', '2026-11-24']) {
      clock.set(shanghai(day, '09:00'));
      await run('practice', {});
      await run('practice', {});
      const answers = await answersFor(day, 'wrong');
      await run('practiceSubmit', { day, answers });
      await run('practiceSubmit', { day, answers });
    }
    const page = await run('mistakes', { pageSize: 3 });
    await run('mistakes', { pageSize: 3, cursor: page.nextCursor! });
    const item = page.items[0]!;
    await run('retryMistake', { questionId: item.questionId, answer: [item.options.findIndex((_, i) => !item.correct.includes(i))] });
    await run('retryMistake', { questionId: item.questionId, answer: item.correct });

    if (process.env.PRINT_DB) console.log(calls.map((c) => `${c.action}:${c.requests.length}`).join(' '));
    expect(calls).toHaveLength(12);
    const budget: Record<string, number> = { practice: 6, practiceSubmit: 6, mistakes: 4, retryMistake: 5 };
    for (const call of calls) {
      expect({ action: call.action, count: call.requests.length <= budget[call.action]! }).toEqual({ action: call.action, count: true });
      expect(call.requests.filter((request) => !request.indexed)).toEqual([]);
    }
    // Steady state is cheaper than the budget: a repeat today reads caller, day, member document and reserved pools.
    expect(calls[1]!.requests).toHaveLength(4);
  });
});
