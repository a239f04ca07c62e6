import {
  adminStatusAt,
  answerSequence,
  drawPool,
  InsufficientQuestionsError,
  isReviewOpen,
  isTooFast,
  minReadMs,
  reservesPool,
  reviewAvailableAt,
  reviewPolicyOf,
  seededRng,
  type PoolQuestion,
} from '../../core/quiz';

const window = { startAt: new Date('2026-11-01T00:00:00Z'), endAt: new Date('2026-11-10T00:00:00Z') };

describe('答案公布策略', () => {
  it('只能作答一次时默认交卷后公布；允许多次时无论存了什么都在结束后公布', () => {
    expect(reviewPolicyOf({ attemptsAllowed: 1 })).toBe('afterEachAttempt');
    expect(reviewPolicyOf({ attemptsAllowed: 1, review: 'afterClose' })).toBe('afterClose');
    expect(reviewPolicyOf({ attemptsAllowed: 3 })).toBe('afterClose');
    expect(reviewPolicyOf({ attemptsAllowed: 3, review: 'afterEachAttempt' })).toBe('afterClose');
  });

  it('结束后公布：结束前 1 毫秒不公布，结束时刻起公布', () => {
    const contest = { ...window, attemptsAllowed: 2 };
    expect(reviewAvailableAt(contest)).toEqual(window.endAt);
    expect(isReviewOpen(contest, new Date(window.endAt.getTime() - 1))).toBe(false);
    expect(isReviewOpen(contest, window.endAt)).toBe(true);
    expect(isReviewOpen({ ...window, attemptsAllowed: 1 }, window.startAt)).toBe(true);
  });

  it('题池从发布起保留到结束；草稿不保留', () => {
    expect(reservesPool({ ...window, status: 'published' }, new Date('2026-10-01T00:00:00Z'))).toBe(true);
    expect(reservesPool({ ...window, status: 'published' }, new Date(window.endAt.getTime() - 1))).toBe(true);
    expect(reservesPool({ ...window, status: 'published' }, window.endAt)).toBe(false);
    expect(reservesPool({ ...window, status: 'draft' }, window.startAt)).toBe(false);
  });

  it('组织者看到草稿 / 未开始 / 进行中 / 已结束', () => {
    expect(adminStatusAt({ ...window, status: 'draft' }, window.startAt)).toBe('draft');
    expect(adminStatusAt({ ...window, status: 'published' }, new Date('2026-10-01T00:00:00Z'))).toBe('upcoming');
    expect(adminStatusAt({ ...window, status: 'published' }, window.startAt)).toBe('open');
    expect(adminStatusAt({ ...window, status: 'published' }, window.endAt)).toBe('closed');
  });
});

describe('竞赛题池', () => {
  const pool = (count: number, category: string): PoolQuestion[] =>
    Array.from({ length: count }, (_, index) => ({ id: `${category}-${index}`, category, difficulty: 1 }));
  const sampled = (questions: PoolQuestion[]) => [{ size: questions.length, sample: questions }];

  it('题库够时题池是每条规则题量的 3 倍，不够时退到 2 倍、1 倍', () => {
    const rules = [{ count: 10 }];
    expect(drawPool(sampled(pool(100, '长征')), rules, seededRng('a'))).toHaveLength(30);
    expect(drawPool(sampled(pool(25, '长征')), rules, seededRng('a'))).toHaveLength(20);
    expect(drawPool(sampled(pool(12, '长征')), rules, seededRng('a'))).toHaveLength(10);
    expect(() => drawPool(sampled(pool(9, '长征')), rules, seededRng('a'))).toThrow(InsufficientQuestionsError);
  });
});

describe('可疑作答标记', () => {
  it('读题最短时间按题干与选项字数计，每题至少 1 秒', () => {
    expect(minReadMs('对', ['正确', '错误'])).toBe(1_000);
    expect(minReadMs('一'.repeat(50), ['甲', '乙', '丙', '丁'])).toBe(54 * 40);
  });

  it('作答用时少于已答题目的读题时间才算过快，差 1 毫秒也不算；白卷不算', () => {
    const questions = [
      { id: 'a', minReadMs: 2_000 },
      { id: 'b', minReadMs: 3_000 },
    ];
    expect(isTooFast(questions, new Set(['a', 'b']), 4_999)).toBe(true);
    expect(isTooFast(questions, new Set(['a', 'b']), 5_000)).toBe(false);
    expect(isTooFast(questions, new Set(['a']), 1_999)).toBe(true);
    expect(isTooFast(questions, new Set(), 0)).toBe(false);
  });

  it('答案序列按题号与原始选项比较，与显示顺序无关；答题太少不比较', () => {
    const chosen = { q5: [1], q1: [2, 0], q2: [3], q3: [0], q4: [1] };
    expect(answerSequence(chosen)).toBe('q1:0,2;q2:3;q3:0;q4:1;q5:1');
    expect(answerSequence({ ...chosen, q6: [] })).toBe(answerSequence(chosen));
    expect(answerSequence({ q1: [1], q2: [1], q3: [1], q4: [1] })).toBeNull();
  });
});
