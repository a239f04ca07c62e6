import { randomUUID } from 'node:crypto';
import type { CreateContestInput } from '../../../types/contracts/quiz';
import { InsufficientQuestionsError, seededRng } from '../../../core/quiz';
import { recordAudit } from '../../../server/audit';
import type { ContestDrawRule } from '../../../server/documents';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { listBranches } from '../../../server/orgs.repository';
import { drawFromBank } from '../drawFromBank';
import { insertContest } from '../repository';

/** Refuses a contest the bank cannot serve now, naming the rule, instead of failing members at start. */
export async function createContest(input: CreateContestInput, ctx: MemberContext) {
  const { db, member, now } = ctx;
  const rules: ContestDrawRule[] = input.rules.map(({ category, difficulty, count }) => ({
    count,
    ...(category === undefined ? {} : { category }),
    ...(difficulty === undefined ? {} : { difficulty }),
  }));
  if (input.audienceBranchIds) {
    const known = new Set((await listBranches(db)).map((branch) => branch._id));
    const unknown = input.audienceBranchIds.findIndex((id) => !known.has(id));
    if (unknown >= 0) fail('INVALID_INPUT', { field: `audienceBranchIds.${unknown}`, message: '没有这个党支部' });
  }
  try {
    await drawFromBank(db, rules, seededRng(randomUUID()));
  } catch (error) {
    if (error instanceof InsufficientQuestionsError) {
      fail('INVALID_INPUT', { field: `rules.${error.ruleIndex}`, message: `题库题量不足：${error.message}` });
    }
    throw error;
  }
  const questionCount = rules.reduce((sum, rule) => sum + rule.count, 0);
  const contestId = await insertContest(db, {
    title: input.title,
    description: input.description,
    status: 'published',
    startAt: new Date(input.startAt),
    endAt: new Date(input.endAt),
    questionCount,
    rules,
    pointsPerQuestion: input.pointsPerQuestion,
    timeLimitSec: input.timeLimitSec ?? 0,
    attemptsAllowed: input.attemptsAllowed,
    counts: input.counts,
    showExplanations: input.showExplanations,
    leaderboardVisible: input.leaderboardVisible,
    audienceBranchIds: input.audienceBranchIds ? [...new Set(input.audienceBranchIds)] : null,
    createdAt: now,
  });
  await recordAudit(
    db,
    { at: now, actorId: member._id, action: 'quiz.createContest', targetId: contestId, detail: { title: input.title } },
    ctx.log,
  );
  return { contestId, questionCount };
}
