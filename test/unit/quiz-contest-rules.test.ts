import fc from 'fast-check';
import { contestStatusAt, isCorrectChoice, isInAudience, optionOrder, reviewChoice, seededRng, toDisplayed } from '../../core/quiz';

describe('竞赛状态与范围', () => {
  const contest = { startAt: new Date('2026-11-20T00:00:00Z'), endAt: new Date('2026-11-30T00:00:00Z') };

  it('开始前未开始，开始时刻起进行中，结束时刻起已结束', () => {
    expect(contestStatusAt(contest, new Date('2026-11-19T23:59:59.999Z'))).toBe('upcoming');
    expect(contestStatusAt(contest, contest.startAt)).toBe('open');
    expect(contestStatusAt(contest, new Date('2026-11-29T23:59:59.999Z'))).toBe('open');
    expect(contestStatusAt(contest, contest.endAt)).toBe('closed');
  });

  it('不限支部的竞赛人人可参加；限定支部时只有这些支部的党员可参加', () => {
    expect(isInAudience({ audienceBranchIds: null }, 'branch-9')).toBe(true);
    expect(isInAudience({ audienceBranchIds: ['branch-1', 'branch-2'] }, 'branch-2')).toBe(true);
    expect(isInAudience({ audienceBranchIds: ['branch-1', 'branch-2'] }, 'branch-3')).toBe(false);
  });
});

describe('逐题判定', () => {
  it('选项集合与答案完全相同才算对：顺序和重复不计，少选、多选、不选都算错', () => {
    expect(isCorrectChoice([2, 0], [0, 2])).toBe(true);
    expect(isCorrectChoice([0, 0, 2], [0, 2])).toBe(true);
    expect(isCorrectChoice([0], [0, 2])).toBe(false);
    expect(isCorrectChoice([0, 1, 2], [0, 2])).toBe(false);
    expect(isCorrectChoice([], [1])).toBe(false);
  });

  it('解析按作答时的选项顺序标出所选与正确答案，且与逐题判定一致', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }),
        fc.string(),
        fc.array(fc.nat(5), { maxLength: 6 }),
        fc.array(fc.nat(5), { minLength: 1, maxLength: 6 }),
        (count, seed, chosenRaw, answerRaw) => {
          const order = optionOrder(count, seededRng(seed));
          const chosen = [...new Set(chosenRaw.filter((option) => option < count))];
          const answer = [...new Set(answerRaw.map((option) => option % count))];
          const reviewed = reviewChoice(order, answer, chosen);
          expect(reviewed.correct).toEqual(toDisplayed(order, answer).sort((a, b) => a - b));
          expect(reviewed.chosen.map((shown) => order[shown]).sort()).toEqual([...chosen].sort());
          expect(reviewed.isCorrect).toBe(isCorrectChoice(chosen, answer));
        },
      ),
    );
  });

  it('存储的选择里有不在本次选项中的编号时忽略它', () => {
    expect(reviewChoice([1, 0], [0], [0, 7])).toEqual({ chosen: [1], correct: [1], isCorrect: true });
  });
});
