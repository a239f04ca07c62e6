import { randomUUID } from 'node:crypto';
import type { CreateContestInput } from '../../types/contracts/quiz';
import { InsufficientQuestionsError, seededRng } from '../../core/quiz';
import type { ContestDoc, ContestDrawRule } from '../../server/documents';
import { fail } from '../../server/kernel/failure';
import type { MemberContext } from '../../server/kernel/router';
import { listBranches } from '../../server/orgs.repository';
import { drawPoolFromBank } from './contestPool';

export type ContestSettings = Omit<CreateContestInput, 'draft'>;

/**
 * The stored fields of a contest from the organiser's settings (createContest, updateContest), with
 * its question pool drawn now: refuses a contest the bank cannot serve, naming the rule, instead of
 * failing members at start.
 */
export async function contestFields(input: ContestSettings, ctx: MemberContext): Promise<Omit<ContestDoc, '_id' | 'status' | 'createdAt'>> {
  const rules: ContestDrawRule[] = input.rules.map(({ category, difficulty, count }) => ({
    count,
    ...(category === undefined ? {} : { category }),
    ...(difficulty === undefined ? {} : { difficulty }),
  }));
  if (input.audienceBranchIds) {
    const known = new Set((await listBranches(ctx.db)).map((branch) => branch._id));
    const unknown = input.audienceBranchIds.findIndex((id) => !known.has(id));
    if (unknown >= 0) fail('INVALID_INPUT', { field: `audienceBranchIds.${unknown}`, message: '没有这个党支部' });
  }
  let pool;
  try {
    pool = await drawPoolFromBank(ctx.db, rules, seededRng(randomUUID()));
  } catch (error) {
    if (error instanceof InsufficientQuestionsError) {
      fail('INVALID_INPUT', { field: `rules.${error.ruleIndex}`, message: `题库题量不足：${error.message}` });
    }
    throw error;
  }
  const questionCount = rules.reduce((sum, rule) => sum + rule.count, 0);
  const perQuestion = input.pace === 'perQuestion';
  return {
    title: input.title,
    description: input.description,
    startAt: new Date(input.startAt),
    endAt: new Date(input.endAt),
    questionCount,
    rules,
    pointsPerQuestion: input.pointsPerQuestion,
    timeLimitSec: perQuestion ? questionCount * (input.secondsPerQuestion ?? 0) : (input.timeLimitSec ?? 0),
    attemptsAllowed: input.attemptsAllowed,
    counts: input.counts,
    showExplanations: input.showExplanations,
    leaderboardVisible: input.leaderboardVisible,
    audienceBranchIds: input.audienceBranchIds ? [...new Set(input.audienceBranchIds)] : null,
    review: input.review ?? (input.attemptsAllowed === 1 ? 'afterEachAttempt' : 'afterClose'),
    pace: input.pace,
    secondsPerQuestion: perQuestion ? (input.secondsPerQuestion ?? null) : null,
    maxSwitches: input.maxSwitches,
    pool,
    updatedAt: ctx.now,
  };
}
