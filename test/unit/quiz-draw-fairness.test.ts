/**
 * The draw from a database sample (drawFromSample) against the draw over the whole pool
 * (drawQuestions): same feasibility, and over a 5,000-question bank every eligible question is
 * drawn, with frequencies a chi-square test cannot tell from uniform.
 */
import fc from 'fast-check';
import {
  classCap,
  drawFromSample,
  drawQuestions,
  InsufficientQuestionsError,
  ruleSignature,
  seededRng,
  shuffle,
  type Difficulty,
  type DrawRule,
  type PoolQuestion,
  type Rng,
  type SampledClass,
} from '../../core/quiz';

const CATEGORIES = ['建党', '长征', '抗日战争', '新中国'] as const;
const difficultyArb = fc.constantFrom<Difficulty>(1, 2, 3);
const questionArb = fc.record({ category: fc.constantFrom(...CATEGORIES), difficulty: difficultyArb });
const ruleArb = (maxCount: number) =>
  fc.record(
    { category: fc.constantFrom(...CATEGORIES), difficulty: difficultyArb, count: fc.integer({ min: 1, max: maxCount }) },
    { requiredKeys: ['count'] },
  );

function numbered(questions: { category: string; difficulty: Difficulty }[]): PoolQuestion[] {
  return questions.map((question, index) => ({ id: `q${index}`, ...question }));
}

/** The pool split as the database groups it: by which rules each question serves, questions no rule can use left out. */
function groupBySignature(pool: readonly PoolQuestion[], rules: readonly DrawRule[]): { cap: number; members: PoolQuestion[] }[] {
  const groups = new Map<string, { cap: number; members: PoolQuestion[] }>();
  for (const question of pool) {
    const signature = ruleSignature(rules, question);
    if (!signature.includes(true)) continue;
    const key = signature.join();
    const group = groups.get(key) ?? { cap: classCap(rules, signature), members: [] };
    group.members.push(question);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** What `$sample` + group + slice returns: each group's size and a uniform random subset of at most its cap. */
function sampleLikeTheDatabase(groups: readonly { cap: number; members: PoolQuestion[] }[], rng: Rng): SampledClass[] {
  return groups.map(({ cap, members }) => ({ size: members.length, sample: shuffle(members, rng).slice(0, cap) }));
}

function outcome(draw: () => string[]): string[] | 'insufficient' {
  try {
    return draw();
  } catch (error) {
    if (error instanceof InsufficientQuestionsError) return 'insufficient';
    throw error;
  }
}

describe('从数据库抽样中抽题', () => {
  it('与整库抽题同样可行：整库有解时也有解并满足每条规则，整库无解时同样报题目不足', () => {
    fc.assert(
      fc.property(
        fc.array(questionArb, { maxLength: 40 }),
        fc.array(ruleArb(4), { minLength: 1, maxLength: 3 }),
        fc.string(),
        (questions, rules, seed) => {
          const pool = numbered(questions);
          const rng = seededRng(seed);
          const whole = outcome(() => drawQuestions(pool, rules, rng));
          const sampled = outcome(() => drawFromSample(sampleLikeTheDatabase(groupBySignature(pool, rules), rng), rules, rng));
          if (whole === 'insufficient') {
            expect(sampled).toBe('insufficient');
            return;
          }
          expect(sampled).not.toBe('insufficient');
          const ids = sampled as string[];
          expect(new Set(ids).size).toBe(ids.length);
          const byId = new Map(pool.map((question) => [question.id, question]));
          let offset = 0;
          for (const rule of rules) {
            for (const id of ids.slice(offset, offset + rule.count)) {
              expect(ruleSignature([rule], byId.get(id)!)).toEqual([true]);
            }
            offset += rule.count;
          }
          expect(offset).toBe(ids.length);
        },
      ),
    );
  });

  it('5,000 题的题库：符合规则的每道题都会被抽到，抽中频率与均匀分布无显著差异（卡方）', () => {
    const BANK = 5_000;
    /** Draws enough that each eligible question is expected this often; missing one by chance is then ~5,000·e^-25. */
    const EXPECTED_PER_QUESTION = 25;
    const figures: string[] = [];
    fc.assert(
      fc.property(
        fc.array(questionArb, { minLength: BANK, maxLength: BANK }),
        fc
          .record({
            category: fc.option(fc.constantFrom(...CATEGORIES)),
            difficulty: fc.option(difficultyArb),
            count: fc.integer({ min: 5, max: 100 }),
          })
          .map(({ category, difficulty, count }): DrawRule => ({
            count,
            ...(category === null ? {} : { category }),
            ...(difficulty === null ? {} : { difficulty }),
          })),
        fc.string(),
        (questions, rule, seed) => {
          const pool = numbered(questions);
          const eligible = pool.filter((question) => ruleSignature([rule], question)[0]);
          fc.pre(eligible.length >= rule.count);
          const groups = groupBySignature(pool, [rule]);
          const rng = seededRng(seed);
          const perDraw = rule.count / eligible.length;
          const draws = Math.ceil(EXPECTED_PER_QUESTION / perDraw);
          const counts = new Map(eligible.map((question) => [question.id, 0]));
          for (let i = 0; i < draws; i++) {
            for (const id of drawFromSample(sampleLikeTheDatabase(groups, rng), [rule], rng)) {
              expect(counts.has(id)).toBe(true);
              counts.set(id, counts.get(id)! + 1);
            }
          }
          const expected = draws * perDraw;
          const observed = [...counts.values()];
          const chiSquare = observed.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
          const df = eligible.length - 1;
          figures.push(
            `rule ${JSON.stringify(rule)}: ${eligible.length} eligible, ${draws} draws, expected ${expected.toFixed(1)}, ` +
              `min ${Math.min(...observed)}, max ${Math.max(...observed)}, chi² ${chiSquare.toFixed(0)} (df ${df})`,
          );
          expect(Math.min(...observed)).toBeGreaterThan(0);
          // Under uniform draws chi² has mean ≈ df (a little less: a draw never repeats a question); five sd of slack.
          expect(chiSquare).toBeLessThan(df + 5 * Math.sqrt(2 * df));
        },
      ),
      { numRuns: 6 },
    );
    if (process.env.PRINT_FAIRNESS) console.log(figures.join('\n'));
  });

  it('规则重叠时，同一组（可服务的规则相同）的题目被抽中的机会相同，与整库抽题一致', () => {
    const pool = numbered(
      Array.from({ length: 5_000 }, (_, index) => ({ category: CATEGORIES[index % 4]!, difficulty: ((index % 3) + 1) as Difficulty })),
    );
    const rules: DrawRule[] = [{ category: '长征', difficulty: 2, count: 5 }, { count: 15 }];
    const groups = groupBySignature(pool, rules);
    const rng = seededRng('overlap');
    const draws = 4_000;
    const sampled = new Map<string, number>();
    const whole = new Map<string, number>();
    for (let i = 0; i < draws; i++) {
      for (const id of drawFromSample(sampleLikeTheDatabase(groups, rng), rules, rng)) sampled.set(id, (sampled.get(id) ?? 0) + 1);
    }
    const wholeDraws = 500;
    for (let i = 0; i < wholeDraws; i++) {
      for (const id of drawQuestions(pool, rules, rng)) whole.set(id, (whole.get(id) ?? 0) + 1);
    }
    const narrow = pool.filter((question) => question.category === '长征' && question.difficulty === 2);
    const rest = pool.filter((question) => !(question.category === '长征' && question.difficulty === 2));
    const chance = (ids: PoolQuestion[], counts: Map<string, number>, runs: number) =>
      ids.reduce((sum, q) => sum + (counts.get(q.id) ?? 0), 0) / ids.length / runs;
    // Per-question chance per draw, from the sample and from the whole pool, agree within sampling noise (about 3 sd).
    expect(Math.abs(chance(narrow, sampled, draws) / chance(narrow, whole, wholeDraws) - 1)).toBeLessThan(0.05);
    expect(Math.abs(chance(rest, sampled, draws) / chance(rest, whole, wholeDraws) - 1)).toBeLessThan(0.05);
    expect(narrow.every((question) => (sampled.get(question.id) ?? 0) > 0)).toBe(true);
  });
});
