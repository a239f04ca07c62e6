import fc from 'fast-check';
import { seededRng, shuffle } from '../../core/random';
import {
  attemptDeadline,
  branchStanding,
  compareBranches,
  compareEntries,
  drawQuestions,
  InsufficientQuestionsError,
  MAX_DURATION_MS,
  MAX_SCORE,
  optionOrder,
  questionOptionOrder,
  rankSortKey,
  scoreAttempt,
  submissionTiming,
  toDisplayed,
  toOriginal,
  type BoardEntry,
  type Difficulty,
  type DrawRule,
  type PoolQuestion,
  type RankedBranch,
  type ScoredQuestion,
} from '../../core/quiz';

const CATEGORIES = ['建党', '长征', '抗日战争'] as const;
const difficultyArb = fc.constantFrom<Difficulty>(1, 2, 3);

function take(rng: () => number, n: number): number[] {
  return Array.from({ length: n }, () => rng());
}

function sign(n: number): number {
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function matches(rule: DrawRule, q: PoolQuestion): boolean {
  return (
    (rule.category === undefined || rule.category === q.category) && (rule.difficulty === undefined || rule.difficulty === q.difficulty)
  );
}

describe('可复现的随机数', () => {
  it('同一种子总是产生同一序列', () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        expect(take(seededRng(seed), 20)).toEqual(take(seededRng(seed), 20));
      }),
    );
  });

  it('不同种子产生不同序列，即使种子只差一个字符', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        fc.pre(a !== b);
        expect(take(seededRng(a), 4)).not.toEqual(take(seededRng(b), 4));
      }),
    );
    expect(take(seededRng('attempt-1'), 4)).not.toEqual(take(seededRng('attempt-2'), 4));
  });

  it('输出落在 [0, 1) 区间', () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        for (const x of take(seededRng(seed), 50)) {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThan(1);
        }
      }),
    );
  });

  it('洗牌得到原数组的一个排列，且不改动原数组', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.string(), (items, seed) => {
        const before = items.slice();
        const out = shuffle(items, seededRng(seed));
        expect(items).toEqual(before);
        expect(out.slice().sort((a, b) => a - b)).toEqual(before.slice().sort((a, b) => a - b));
      }),
    );
  });

  it('洗牌对各种排列大致均匀', () => {
    const rng = seededRng('uniformity');
    const counts = new Map<string, number>();
    for (let i = 0; i < 6000; i++) {
      const key = shuffle(['a', 'b', 'c'], rng).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const n of counts.values()) expect(Math.abs(n - 1000)).toBeLessThan(150);
  });
});

const poolArb = fc
  .array(fc.record({ category: fc.constantFrom(...CATEGORIES), difficulty: difficultyArb }), { maxLength: 40 })
  .map((qs) => qs.map((q, i): PoolQuestion => ({ id: `q${i}`, ...q })));

/** Rules built from a set of distinct pool questions, each loosened at random, so a valid draw is known to exist. */
const feasibleArb = poolArb.chain((pool) =>
  fc
    .tuple(
      fc.shuffledSubarray(pool),
      fc.array(fc.record({ keepCategory: fc.boolean(), keepDifficulty: fc.boolean() }), { minLength: 40, maxLength: 40 }),
      fc.string(),
    )
    .map(([witnesses, loosen, seed]) => {
      const rules = new Map<string, DrawRule>();
      witnesses.forEach((q, i) => {
        const l = loosen[i] ?? { keepCategory: true, keepDifficulty: true };
        const rule: DrawRule = { count: 0 };
        if (l.keepCategory) rule.category = q.category;
        if (l.keepDifficulty) rule.difficulty = q.difficulty;
        const key = `${rule.category ?? '*'}/${rule.difficulty ?? '*'}`;
        const existing = rules.get(key) ?? rule;
        existing.count++;
        rules.set(key, existing);
      });
      return { pool, rules: [...rules.values()], seed };
    }),
);

function expectValidDraw(pool: PoolQuestion[], rules: DrawRule[], ids: string[]): void {
  const byId = new Map(pool.map((q) => [q.id, q]));
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.length).toBe(rules.reduce((n, r) => n + r.count, 0));
  let offset = 0;
  for (const rule of rules) {
    for (const id of ids.slice(offset, offset + rule.count)) {
      const q = byId.get(id);
      expect(q).toBeDefined();
      expect(matches(rule, q as PoolQuestion)).toBe(true);
    }
    offset += rule.count;
  }
}

/** Whether some injective assignment of rule slots to questions exists, by exhaustive search. */
function feasibleByBruteForce(pool: PoolQuestion[], rules: DrawRule[]): boolean {
  const slots = rules.flatMap((r) => Array<DrawRule>(r.count).fill(r));
  const used = new Set<string>();
  const place = (s: number): boolean => {
    const rule = slots[s];
    if (rule === undefined) return true;
    for (const q of pool) {
      if (used.has(q.id) || !matches(rule, q)) continue;
      used.add(q.id);
      if (place(s + 1)) return true;
      used.delete(q.id);
    }
    return false;
  };
  return place(0);
}

describe('按规则抽题', () => {
  it('有解时满足每条规则的题数与分类/难度，且不重复抽题', () => {
    fc.assert(
      fc.property(feasibleArb, ({ pool, rules, seed }) => {
        expectValidDraw(pool, rules, drawQuestions(pool, rules, seededRng(seed)));
      }),
    );
  });

  it('恰在无解时抛出题目不足错误（与穷举结果一致）', () => {
    const smallPool = fc
      .array(fc.record({ category: fc.constantFrom(...CATEGORIES), difficulty: difficultyArb }), { maxLength: 7 })
      .map((qs) => qs.map((q, i): PoolQuestion => ({ id: `q${i}`, ...q })));
    const ruleArb = fc.record(
      { category: fc.constantFrom(...CATEGORIES), difficulty: difficultyArb, count: fc.integer({ min: 0, max: 2 }) },
      { requiredKeys: ['count'] },
    );
    fc.assert(
      fc.property(smallPool, fc.array(ruleArb, { maxLength: 3 }), fc.string(), (pool, rules, seed) => {
        let ids: string[] | undefined;
        let error: unknown;
        try {
          ids = drawQuestions(pool, rules, seededRng(seed));
        } catch (e) {
          error = e;
        }
        if (feasibleByBruteForce(pool, rules)) {
          expect(error).toBeUndefined();
          expectValidDraw(pool, rules, ids ?? []);
        } else {
          expect(error).toBeInstanceOf(InsufficientQuestionsError);
        }
      }),
    );
  });

  it('规则重叠时不会因先到先得而误报不足', () => {
    const pool: PoolQuestion[] = [
      { id: 'cz1', category: '长征', difficulty: 1 },
      { id: 'cz2', category: '长征', difficulty: 2 },
      { id: 'jd1', category: '建党', difficulty: 1 },
      { id: 'jd2', category: '建党', difficulty: 2 },
    ];
    const rules: DrawRule[] = [{ count: 2 }, { category: '长征', count: 2 }];
    for (let i = 0; i < 50; i++) {
      const ids = drawQuestions(pool, rules, seededRng(`overlap-${i}`));
      expect(ids.slice(2).sort()).toEqual(['cz1', 'cz2']);
      expect(ids.slice(0, 2).sort()).toEqual(['jd1', 'jd2']);
    }
  });

  it('题目不足时指出是哪条规则', () => {
    const pool: PoolQuestion[] = [
      { id: 'a', category: '长征', difficulty: 1 },
      { id: 'b', category: '建党', difficulty: 1 },
      { id: 'c', category: '建党', difficulty: 3 },
    ];
    const draw = () =>
      drawQuestions(
        pool,
        [
          { category: '长征', count: 1 },
          { category: '建党', count: 5 },
        ],
        seededRng('x'),
      );
    let caught: unknown;
    try {
      draw();
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(InsufficientQuestionsError);
    expect(caught).toMatchObject({ ruleIndex: 1, needed: 5, matching: 2 });
    expect((caught as Error).message).toContain('第 2 条');
  });

  it('题库中重复的题目 id 只会被抽到一次', () => {
    const pool: PoolQuestion[] = [
      { id: 'a', category: '长征', difficulty: 1 },
      { id: 'a', category: '长征', difficulty: 1 },
    ];
    expect(() => drawQuestions(pool, [{ count: 2 }], seededRng('dup'))).toThrow(InsufficientQuestionsError);
    expect(drawQuestions(pool, [{ count: 1 }], seededRng('dup'))).toEqual(['a']);
  });

  it('同一种子重抽得到同一套题', () => {
    fc.assert(
      fc.property(feasibleArb, ({ pool, rules, seed }) => {
        expect(drawQuestions(pool, rules, seededRng(seed))).toEqual(drawQuestions(pool, rules, seededRng(seed)));
      }),
    );
  });

  it('题数不是非负整数的规则被拒绝', () => {
    expect(() => drawQuestions([], [{ count: -1 }], seededRng('x'))).toThrow(RangeError);
    expect(() => drawQuestions([], [{ count: 1.5 }], seededRng('x'))).toThrow(RangeError);
  });
});

describe('选项乱序', () => {
  it('选项顺序是 0..n-1 的一个排列', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), fc.string(), (n, seed) => {
        expect(
          optionOrder(n, seededRng(seed))
            .slice()
            .sort((a, b) => a - b),
        ).toEqual(Array.from({ length: n }, (_, i) => i));
      }),
    );
  });

  it('显示位置与原始序号来回换算不变', () => {
    const arb = fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.nat(n - 1)), fc.string()));
    fc.assert(
      fc.property(arb, ([n, indexes, seed]) => {
        const order = optionOrder(n, seededRng(seed));
        expect(toOriginal(order, toDisplayed(order, indexes))).toEqual(indexes);
        expect(toDisplayed(order, toOriginal(order, indexes))).toEqual(indexes);
      }),
    );
  });

  it('判断题保持“正确、错误”的顺序，其他题型乱序', () => {
    expect(questionOptionOrder('judge', 2, seededRng('any'))).toEqual([0, 1]);
    const orders = new Set(Array.from({ length: 30 }, (_, i) => questionOptionOrder('single', 4, seededRng(`s${i}`)).join()));
    expect(orders.size).toBeGreaterThan(1);
  });

  it('超出范围的位置在换算时被拒绝', () => {
    expect(() => toOriginal([1, 0], [2])).toThrow(RangeError);
    expect(() => toOriginal([1, 0], [-1])).toThrow(RangeError);
    expect(() => toDisplayed([1, 0], [5])).toThrow(RangeError);
  });
});

const questionArb: fc.Arbitrary<Omit<ScoredQuestion, 'id'>> = fc.oneof(
  fc
    .record({ n: fc.integer({ min: 2, max: 6 }), points: fc.integer({ min: 0, max: 10 }) })
    .chain(({ n, points }) =>
      fc.nat(n - 1).map((a): Omit<ScoredQuestion, 'id'> => ({ type: 'single', answer: [a], optionCount: n, points })),
    ),
  fc
    .record({ a: fc.nat(1), points: fc.integer({ min: 0, max: 10 }) })
    .map(({ a, points }): Omit<ScoredQuestion, 'id'> => ({ type: 'judge', answer: [a], optionCount: 2, points })),
  fc
    .record({ n: fc.integer({ min: 3, max: 6 }), points: fc.integer({ min: 0, max: 10 }) })
    .chain(({ n, points }) =>
      fc
        .uniqueArray(fc.nat(n - 1), { minLength: 2, maxLength: n })
        .map((answer): Omit<ScoredQuestion, 'id'> => ({ type: 'multiple', answer, optionCount: n, points })),
    ),
);

/** An attempt: questions with ids, per-question stored orders, and the honest displayed answers (some questions deliberately answered wrong or skipped). */
const attemptArb = fc
  .tuple(
    fc.array(questionArb, { minLength: 1, maxLength: 8 }),
    fc.string(),
    fc.array(fc.constantFrom('right', 'wrong', 'skip'), { minLength: 8, maxLength: 8 }),
  )
  .map(([qs, seed, plan]) => {
    const rng = seededRng(seed);
    const questions = qs.map((q, i) => ({ ...q, id: `q${i}` }));
    const orders: Record<string, number[]> = {};
    const answers: Record<string, number[]> = {};
    questions.forEach((q, i) => {
      const order = questionOptionOrder(q.type, q.optionCount, rng);
      orders[q.id] = order;
      const mode = plan[i];
      if (mode === 'right') answers[q.id] = toDisplayed(order, q.answer);
      if (mode === 'wrong') {
        const wrong = Array.from({ length: q.optionCount }, (_, o) => o).find((o) => !q.answer.includes(o));
        answers[q.id] = toDisplayed(order, [wrong ?? 0]);
      }
    });
    return { questions, orders, answers };
  });

type Tamper = (answers: Record<string, unknown>, questions: ScoredQuestion[], orders: Record<string, number[]>) => void;

const TAMPERS: Record<string, Tamper> = {
  为不在本次作答中的题目作答: (a) => {
    a['not-in-attempt'] = [0];
    a['__proto__'] = [0];
  },
  重复提交同一选项: (a) => {
    for (const [k, v] of Object.entries(a)) if (Array.isArray(v)) a[k] = [...v, ...v];
  },
  越界位置: (a, qs) => {
    for (const q of qs) a[q.id] = [...((a[q.id] as number[] | undefined) ?? []), q.optionCount];
  },
  负数位置: (a, qs) => {
    for (const q of qs) a[q.id] = [-1];
  },
  小数位置: (a, qs) => {
    for (const q of qs) a[q.id] = [...((a[q.id] as number[] | undefined) ?? []), 0.5];
  },
  字符串位置: (a, qs) => {
    for (const q of qs) a[q.id] = ((a[q.id] as number[] | undefined) ?? []).map(String);
  },
  答案不是数组: (a, qs) => {
    for (const q of qs) a[q.id] = (a[q.id] as number[] | undefined)?.[0] ?? 0;
  },
  单选和判断多选几个: (a, qs) => {
    for (const q of qs) if (q.type !== 'multiple') a[q.id] = Array.from({ length: q.optionCount }, (_, i) => i);
  },
  多选全选: (a, qs) => {
    for (const q of qs)
      if (q.type === 'multiple' && q.answer.length < q.optionCount) a[q.id] = Array.from({ length: q.optionCount }, (_, i) => i);
  },
  'NaN 与 Infinity': (a, qs) => {
    for (const q of qs) a[q.id] = [NaN, Infinity];
  },
};

describe('判分', () => {
  it('按乱序换算后的正确答案得满分', () => {
    fc.assert(
      fc.property(fc.array(questionArb, { minLength: 1, maxLength: 8 }), fc.string(), (qs, seed) => {
        const rng = seededRng(seed);
        const questions = qs.map((q, i) => ({ ...q, id: `q${i}` }));
        const orders = Object.fromEntries(questions.map((q) => [q.id, optionOrder(q.optionCount, rng)]));
        const answers = Object.fromEntries(questions.map((q) => [q.id, toDisplayed(orders[q.id] ?? [], q.answer)]));
        const result = scoreAttempt({ questions, orders, answers });
        expect(result.score).toBe(result.maxScore);
        expect(result.correctCount).toBe(questions.length);
        expect(result.results.map((r) => r.chosen)).toEqual(questions.map((q) => q.answer.slice().sort((a, b) => a - b)));
      }),
    );
  });

  it('任何篡改都不会提高分数', () => {
    fc.assert(
      fc.property(attemptArb, fc.subarray(Object.keys(TAMPERS), { minLength: 1 }), ({ questions, orders, answers }, tampers) => {
        const honest = scoreAttempt({ questions, orders, answers });
        const tampered: Record<string, unknown> = JSON.parse(JSON.stringify(answers));
        for (const name of tampers) TAMPERS[name]?.(tampered, questions, orders);
        const result = scoreAttempt({ questions, orders, answers: tampered });
        expect(result.score).toBeLessThanOrEqual(honest.score);
        expect(result.correctCount).toBeLessThanOrEqual(honest.correctCount);
      }),
    );
  });

  it('任意形状的提交内容都不会抛错，得分在 0 与满分之间', () => {
    const answersArb = fc.oneof(
      fc.anything(),
      fc.dictionary(fc.constantFrom('q0', 'q1', 'q2', 'q3', '__proto__', 'constructor'), fc.anything()),
      fc.dictionary(
        fc.constantFrom('q0', 'q1', 'q2', 'q3'),
        fc.array(fc.oneof(fc.integer({ min: -2, max: 7 }), fc.double(), fc.anything())),
      ),
    );
    fc.assert(
      fc.property(attemptArb, answersArb, ({ questions, orders }, answers) => {
        const result = scoreAttempt({ questions, orders, answers });
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(result.maxScore);
        expect(result.results).toHaveLength(questions.length);
        result.results.forEach((r, i) => {
          const q = questions[i] as ScoredQuestion;
          expect(r.questionId).toBe(q.id);
          for (const c of r.chosen) expect(Number.isInteger(c) && c >= 0 && c < q.optionCount).toBe(true);
          if (r.correct) expect(r.chosen).toEqual(q.answer.slice().sort((a, b) => a - b));
        });
      }),
    );
  });

  const single: ScoredQuestion = { id: 's', type: 'single', answer: [2], optionCount: 4, points: 5 };
  const multiple: ScoredQuestion = { id: 'm', type: 'multiple', answer: [0, 3], optionCount: 4, points: 10 };
  const judge: ScoredQuestion = { id: 'j', type: 'judge', answer: [1], optionCount: 2, points: 2 };
  const orders = { s: [3, 2, 1, 0], m: [1, 3, 0, 2] };

  it('重复的选项去重后照常判分，结果以原始序号报告', () => {
    const result = scoreAttempt({ questions: [single, multiple], orders, answers: { s: [1, 1], m: [1, 2, 2, 1] } });
    expect(result.score).toBe(15);
    expect(result.results).toEqual([
      { questionId: 's', correct: true, chosen: [2] },
      { questionId: 'm', correct: true, chosen: [0, 3] },
    ]);
  });

  it('单选和判断题选了多个即为错，即使包含正确答案', () => {
    const result = scoreAttempt({ questions: [single, judge], orders, answers: { s: [1, 0], j: [0, 1] } });
    expect(result.score).toBe(0);
    expect(result.results.map((r) => r.correct)).toEqual([false, false]);
  });

  it('多选题少选、多选都不得分，只有完全一致才得分', () => {
    const score = (m: number[]) => scoreAttempt({ questions: [multiple], orders, answers: { m } }).score;
    expect(score([1])).toBe(0);
    expect(score([1, 2, 0])).toBe(0);
    expect(score([])).toBe(0);
    expect(score([2, 1])).toBe(10);
  });

  it('未作答、答案格式错误或作答对象不是普通对象时判错且不抛错', () => {
    const questions = [single, { ...judge, id: 'constructor' }, { ...judge, id: '__proto__' }];
    for (const answers of [
      undefined,
      null,
      'x',
      42,
      [[1]],
      {},
      { s: '1' },
      { s: [1.5] },
      { s: ['1'] },
      { s: [4] },
      { s: [null] },
      Object.create({ s: [1] }),
    ]) {
      const result = scoreAttempt({ questions, orders, answers });
      expect(result.score).toBe(0);
      expect(result.results.every((r) => !r.correct && r.chosen.length === 0)).toBe(true);
    }
  });

  it('题目 id 为 __proto__ 时按 JSON 提交的自有属性判分', () => {
    const q = { ...judge, id: '__proto__' };
    expect(scoreAttempt({ questions: [q], orders: {}, answers: JSON.parse('{"__proto__":[1]}') }).score).toBe(2);
  });

  it('没有保存乱序的题目按原顺序判分；保存的乱序损坏时报错而不是静默误判', () => {
    expect(scoreAttempt({ questions: [judge], orders: {}, answers: { j: [1] } }).score).toBe(2);
    expect(() => scoreAttempt({ questions: [single], orders: { s: [0, 0, 1, 2] }, answers: {} })).toThrow(RangeError);
    expect(() => scoreAttempt({ questions: [single], orders: { s: [0, 1, 2] }, answers: {} })).toThrow(RangeError);
  });
});

describe('作答时限', () => {
  const start = new Date('2026-07-01T02:00:00Z');
  const deadline = new Date('2026-07-01T02:30:00Z');
  const graceMs = 5000;
  const at = (ms: number) => new Date(deadline.getTime() + ms);

  it('截止时间取作答时限与竞赛结束中较早者', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 86_400 }), fc.integer({ min: -86_400_000, max: 86_400_000 }), (limitSec, endOffset) => {
        const end = new Date(start.getTime() + endOffset);
        expect(attemptDeadline(start, limitSec, end).getTime()).toBe(Math.min(start.getTime() + limitSec * 1000, end.getTime()));
      }),
    );
    expect(() => attemptDeadline(start, -1, deadline)).toThrow(RangeError);
  });

  it('截止前提交按收到时间计', () => {
    expect(submissionTiming({ startedAt: start, deadline, receivedAt: at(-60_000), graceMs })).toEqual({
      onTime: true,
      countedAt: at(-60_000),
      durationMs: 29 * 60_000,
    });
  });

  it('恰在截止时刻提交有效', () => {
    expect(submissionTiming({ startedAt: start, deadline, receivedAt: deadline, graceMs })).toEqual({
      onTime: true,
      countedAt: deadline,
      durationMs: 30 * 60_000,
    });
  });

  it('宽限期最后一毫秒到达仍有效，但按截止时刻计时', () => {
    expect(submissionTiming({ startedAt: start, deadline, receivedAt: at(graceMs), graceMs })).toEqual({
      onTime: true,
      countedAt: deadline,
      durationMs: 30 * 60_000,
    });
  });

  it('超过宽限期一毫秒即为超时，按截止时刻计', () => {
    expect(submissionTiming({ startedAt: start, deadline, receivedAt: at(graceMs + 1), graceMs })).toEqual({
      onTime: false,
      countedAt: deadline,
      durationMs: 30 * 60_000,
    });
  });

  it('用时从不为负，计时时刻从不晚于截止', () => {
    const ms = fc.integer({ min: -10_000_000, max: 10_000_000 });
    fc.assert(
      fc.property(ms, ms, fc.nat(60_000), (startOffset, receivedOffset, grace) => {
        const t = submissionTiming({ startedAt: at(startOffset), deadline, receivedAt: at(receivedOffset), graceMs: grace });
        expect(t.durationMs).toBeGreaterThanOrEqual(0);
        expect(t.countedAt.getTime()).toBeLessThanOrEqual(deadline.getTime());
        expect(t.onTime).toBe(receivedOffset <= grace);
      }),
    );
  });
});

const MIN_AT = Date.UTC(2000, 0, 1);
const MAX_AT = Date.UTC(2100, 0, 1);

/** Small ranges mixed in so that ties on score, duration and submit time actually occur. */
const entryArb: fc.Arbitrary<BoardEntry> = fc
  .record({
    score: fc.oneof(fc.integer({ min: 98, max: 100 }), fc.integer({ min: 0, max: MAX_SCORE })),
    durationMs: fc.oneof(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: MAX_DURATION_MS })),
    at: fc.oneof(fc.integer({ min: MIN_AT, max: MIN_AT + 2 }), fc.integer({ min: MIN_AT, max: MAX_AT })),
    asDate: fc.boolean(),
  })
  .map(({ score, durationMs, at, asDate }) => ({ score, durationMs, submittedAt: asDate ? new Date(at) : at }));

describe('竞赛排行', () => {
  it('高分在前，同分用时短在前，再同则先交卷在前', () => {
    const t = Date.UTC(2026, 6, 1);
    const sorted = [
      { score: 90, durationMs: 100, submittedAt: t + 2 },
      { score: 100, durationMs: 500, submittedAt: t },
      { score: 100, durationMs: 300, submittedAt: t + 5 },
      { score: 100, durationMs: 300, submittedAt: new Date(t + 1) },
    ].sort(compareEntries);
    expect(sorted.map((e) => [e.score, e.durationMs])).toEqual([
      [100, 300],
      [100, 300],
      [100, 500],
      [90, 100],
    ]);
    expect(sorted[0]?.submittedAt).toEqual(new Date(t + 1));
  });

  it('排序键的字典序与比较函数逐对一致', () => {
    fc.assert(
      fc.property(entryArb, entryArb, (a, b) => {
        expect(sign(compareStrings(rankSortKey(a), rankSortKey(b)))).toBe(sign(compareEntries(a, b)));
      }),
    );
  });

  it('按排序键升序排列与按比较函数排列结果相同', () => {
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 30 }), (entries) => {
        const byKey = entries.slice().sort((a, b) => compareStrings(rankSortKey(a), rankSortKey(b)));
        const byCompare = entries.slice().sort(compareEntries);
        expect(byKey.map(rankSortKey)).toEqual(byCompare.map(rankSortKey));
        for (let i = 1; i < byKey.length; i++)
          expect(compareEntries(byKey[i - 1] as BoardEntry, byKey[i] as BoardEntry)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('“我的名次” = 1 + 键更小的条目数，等于在排好序的榜单中的名次（并列同名次）', () => {
    fc.assert(
      fc.property(fc.array(entryArb, { minLength: 1, maxLength: 30 }), (entries) => {
        const keys = entries.map(rankSortKey);
        const sorted = entries.slice().sort(compareEntries);
        entries.forEach((mine, i) => {
          const byCount = 1 + keys.filter((k) => k < (keys[i] as string)).length;
          const bySorted = 1 + sorted.findIndex((e) => compareEntries(e, mine) === 0);
          expect(byCount).toBe(bySorted);
        });
      }),
    );
  });

  it('排序键定长，覆盖规定范围的两端，超出范围即拒绝', () => {
    fc.assert(
      fc.property(entryArb, (e) => {
        expect(rankSortKey(e)).toMatch(/^\d{6}-\d{9}-\d{13}$/);
      }),
    );
    expect(rankSortKey({ score: MAX_SCORE, durationMs: 0, submittedAt: MIN_AT })).toBe('000000-000000000-0946684800000');
    expect(rankSortKey({ score: 0, durationMs: MAX_DURATION_MS, submittedAt: MAX_AT })).toBe('100000-604800000-4102444800000');
    for (const bad of [
      { score: MAX_SCORE + 1, durationMs: 0, submittedAt: MIN_AT },
      { score: -1, durationMs: 0, submittedAt: MIN_AT },
      { score: 1.5, durationMs: 0, submittedAt: MIN_AT },
      { score: 1, durationMs: MAX_DURATION_MS + 1, submittedAt: MIN_AT },
      { score: 1, durationMs: -1, submittedAt: MIN_AT },
      { score: 1, durationMs: 0, submittedAt: MIN_AT - 1 },
      { score: 1, durationMs: 0, submittedAt: new Date(NaN) },
    ]) {
      expect(() => rankSortKey(bad)).toThrow(RangeError);
    }
  });
});

describe('支部排行', () => {
  it('人多但参与率低的大支部排不过全员参与的小支部', () => {
    const memberCounts = fc.integer({ min: 1, max: 500 });
    fc.assert(
      fc.property(memberCounts, fc.nat(100), fc.integer({ min: 2, max: 2000 }), fc.nat(100), (smallSize, smallAvg, bigSize, bigAvg) => {
        const small: RankedBranch = {
          branchId: 'z-small',
          ...branchStanding({ memberCount: smallSize, participantCount: smallSize, scoreSum: smallSize * smallAvg }),
        };
        const bigParticipants = bigSize - 1;
        const big: RankedBranch = {
          branchId: 'a-big',
          ...branchStanding({ memberCount: bigSize, participantCount: bigParticipants, scoreSum: bigParticipants * bigAvg }),
        };
        expect(compareBranches(small, big)).toBeLessThan(0);
        expect([big, small].sort(compareBranches)[0]).toBe(small);
      }),
    );
  });

  it('同等规模比例下，支部大小不影响名次', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.nat(50), fc.nat(100), fc.integer({ min: 2, max: 40 }), (members, p, avg, k) => {
        const participants = Math.min(p, members);
        const one = branchStanding({ memberCount: members, participantCount: participants, scoreSum: participants * avg });
        const scaled = branchStanding({ memberCount: members * k, participantCount: participants * k, scoreSum: participants * k * avg });
        expect(scaled).toEqual(one);
      }),
    );
  });

  it('没有党员的支部参与率为 0，无人参与的平均分为 0，参与率不超过 1', () => {
    expect(branchStanding({ memberCount: 0, participantCount: 0, scoreSum: 0 })).toEqual({ participationRate: 0, averageScore: 0 });
    expect(branchStanding({ memberCount: 0, participantCount: 3, scoreSum: 240 })).toEqual({ participationRate: 0, averageScore: 80 });
    expect(branchStanding({ memberCount: 10, participantCount: 0, scoreSum: 0 })).toEqual({ participationRate: 0, averageScore: 0 });
    expect(branchStanding({ memberCount: 4, participantCount: 5, scoreSum: 400 }).participationRate).toBe(1);
  });

  it('参与率相同时平均分高者在前，全部相同时按支部 id 排，结果与输入顺序无关', () => {
    const branches: RankedBranch[] = [
      { branchId: 'b', participationRate: 0.5, averageScore: 90 },
      { branchId: 'c', participationRate: 0.5, averageScore: 80 },
      { branchId: 'a', participationRate: 0.5, averageScore: 90 },
      { branchId: 'd', participationRate: 0.75, averageScore: 10 },
    ];
    fc.assert(
      fc.property(fc.shuffledSubarray(branches, { minLength: branches.length }), (input) => {
        expect(input.sort(compareBranches).map((b) => b.branchId)).toEqual(['d', 'a', 'b', 'c']);
      }),
    );
  });
});
