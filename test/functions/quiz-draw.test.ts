/**
 * Fair draws through the real pipeline (official SDK → emulator engine): `$sample` behaves as on
 * CloudBase, `quiz.start` and `quiz.practice` draw from the whole bank within their DB budgets,
 * and every question of a 5,000-question bank comes up with near-uniform frequency.
 */
import cloud from 'wx-server-sdk';
import { QUESTION_CATEGORIES, type QuestionCategory } from '../../types/question';
import { SEED_CONTEST_ID } from '../../emulator/seed';
import { POOL_FACTORS, seededRng } from '../../core/quiz';
import type { ContestDrawRule, QuestionDoc } from '../../server/documents';
import { drawPoolFromBank } from '../../cloudfunctions/quiz/contestPool';
import { useServerClock } from '../support/clock';
import { createTestEnv, type TestEnv } from '../support/localEnv';

const clock = useServerClock(new Date('2026-11-23T02:00:00Z'));
const BANK = 5_000;
let env: TestEnv;

function bankQuestion(index: number): QuestionDoc {
  const category = QUESTION_CATEGORIES[index % QUESTION_CATEGORIES.length] as QuestionCategory;
  return {
    _id: `bank-${String(index).padStart(4, '0')}`,
    type: 'single',
    stem: `第 ${index} 题：示例题干`,
    options: ['甲', '乙', '丙', '丁'],
    answer: [index % 4],
    explanation: '示例解析内容',
    category,
    difficulty: ((Math.floor(index / QUESTION_CATEGORIES.length) % 3) + 1) as 1 | 2 | 3,
    source: '示例',
    stemKey: `bank${index}`,
    createdAt: clock.now(),
  };
}

/** The seed's bank replaced by `BANK` generated questions, stored in id order. */
async function replaceBank(): Promise<QuestionDoc[]> {
  const db = cloud.database();
  await db
    .collection('questions')
    .where({ _id: db.command.exists(true) })
    .remove();
  const bank = Array.from({ length: BANK }, (_, index) => bankQuestion(index));
  env.store.insertMany(
    'questions',
    bank.map((question) => ({ ...question })),
  );
  return bank;
}

beforeEach(() => {
  clock.set(new Date('2026-11-23T02:00:00Z'));
  env = createTestEnv({ now: clock.now() });
});

describe('$sample 与 CloudBase 一致', () => {
  it('抽样不重复；要的比有的多时按随机顺序返回全部', async () => {
    await replaceBank();
    const db = cloud.database();
    const some = (await db.collection('questions').aggregate().match({ category: '长征' }).sample({ size: 50 }).limit(100).end()) as {
      list: QuestionDoc[];
    };
    expect(some.list).toHaveLength(50);
    expect(new Set(some.list.map((question) => question._id)).size).toBe(50);
    expect(some.list.every((question) => question.category === '长征')).toBe(true);

    const all = (await db
      .collection('questions')
      .aggregate()
      .match({ category: '建党', difficulty: 1 })
      .sample({ size: 10_000 })
      .limit(1000)
      .end()) as {
      list: QuestionDoc[];
    };
    const expected = Array.from({ length: BANK }, (_, index) => bankQuestion(index)).filter(
      (q) => q.category === '建党' && q.difficulty === 1,
    );
    expect(all.list.map((question) => question._id).sort()).toEqual(expected.map((question) => question._id).sort());
    expect(all.list.map((question) => question._id)).not.toEqual(expected.map((question) => question._id));
  });
});

describe('从整个题库抽题', () => {
  it('5,000 题的题库：开始作答最多 8 次数据库请求（尚无题池的竞赛首次开始时抽题池再加 2 次）且都走索引，抽到的题遍布整个题库而不只是存储顺序的前 N 道', async () => {
    await replaceBank();
    const drawn: string[] = [];
    for (const [index, openid] of ['demo-member', 'demo-secretary', 'demo-admin'].entries()) {
      const { result, requests } = await env.call(openid, 'quiz', 'start', { contestId: SEED_CONTEST_ID });
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      expect(requests.length).toBeLessThanOrEqual(index === 0 ? 10 : 8);
      expect(requests.filter((request) => !request.indexed)).toEqual([]);
      drawn.push(...result.data.questions.map((question) => question.id));
    }
    const positions = drawn.map((id) => Number(id.slice('bank-'.length)));
    expect(Math.max(...positions)).toBeGreaterThan(1_000);
    expect(Math.min(...positions)).toBeLessThan(4_000);
  });

  it('每日一练从整个题库抽 5 题，当天首次获取最多 6 次数据库请求（含进行中竞赛的保留题池）且都走索引', async () => {
    await replaceBank();
    const { result, requests } = await env.call('demo-member', 'quiz', 'practice', {});
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.data.questions).toHaveLength(5);
    expect(requests.length).toBeLessThanOrEqual(6);
    expect(requests.filter((request) => !request.indexed)).toEqual([]);
  });

  it('经真实查询抽竞赛题池：5,000 题中符合规则的每道题都会被抽到，频率与均匀分布无显著差异（卡方）', async () => {
    const bank = await replaceBank();
    const db = cloud.database();
    const rule: ContestDrawRule = { category: '长征', difficulty: 2, count: 10 };
    const poolSize = rule.count * POOL_FACTORS[0];
    const eligible = bank.filter((question) => question.category === rule.category && question.difficulty === rule.difficulty);
    /** Each eligible question is expected this often: missing one by chance is then about 185·e^-25 ≈ 3e-9. */
    const expected = 25;
    const draws = Math.ceil((expected * eligible.length) / poolSize);
    const counts = new Map(eligible.map((question) => [question._id, 0]));
    const rng = seededRng('uniform');
    for (let i = 0; i < draws; i++) {
      for (const question of await drawPoolFromBank(db, [rule], rng)) {
        expect(counts.has(question.id)).toBe(true);
        counts.set(question.id, counts.get(question.id)! + 1);
      }
    }
    const mean = (draws * poolSize) / eligible.length;
    const observed = [...counts.values()];
    const chiSquare = observed.reduce((sum, count) => sum + (count - mean) ** 2 / mean, 0);
    const df = eligible.length - 1;
    if (process.env.PRINT_FAIRNESS) {
      console.log(
        `${draws} pools of ${poolSize} from ${eligible.length} eligible of ${BANK}: expected ${mean.toFixed(1)}, ` +
          `min ${Math.min(...observed)}, max ${Math.max(...observed)}, chi² ${chiSquare.toFixed(0)} (df ${df})`,
      );
    }
    expect(Math.min(...observed)).toBeGreaterThan(0);
    // Under uniform draws chi² has mean ≈ df (a little less: a draw never repeats a question); five sd of slack.
    expect(chiSquare).toBeLessThan(df + 5 * Math.sqrt(2 * df));
  });
});
