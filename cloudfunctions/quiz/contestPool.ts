import { drawPool, drawQuestions, POOL_FACTORS, scaleRules, type PoolQuestion, type Rng } from '../../core/quiz';
import type { ContestDoc, ContestDrawRule } from '../../server/documents';
import type { Database } from '../../server/kernel/db';
import { findContest, fixContestPool, listQuestionsByIds, sampleDrawClasses, type DrawnQuestion } from './repository';

/**
 * A contest's pool, fair however large the bank, in one DB request: the database samples each
 * group of interchangeable questions (enough for the largest pool), the draw weighs the groups by
 * their full sizes. Throws core's InsufficientQuestionsError when the bank cannot serve one attempt.
 */
export async function drawPoolFromBank(db: Database, rules: readonly ContestDrawRule[], rng: Rng): Promise<PoolQuestion[]> {
  const classes = await sampleDrawClasses(db, scaleRules(rules, POOL_FACTORS[0]));
  return drawPool(
    classes.map((group) => ({
      size: group.size,
      sample: group.questions.map(({ _id, category, difficulty }) => ({ id: _id, category, difficulty })),
    })),
    rules,
    rng,
  );
}

/**
 * The contest's pool; a contest stored before pools gets one at its first start (two requests,
 * once), and a start that loses that race uses the pool the winner stored.
 */
async function poolOf(db: Database, contest: ContestDoc, rng: Rng): Promise<PoolQuestion[]> {
  if (contest.pool) return contest.pool;
  const pool = await drawPoolFromBank(db, contest.rules, rng);
  if (await fixContestPool(db, contest._id, pool)) return pool;
  return (await findContest(db, contest._id))?.pool ?? pool;
}

/** One attempt's questions: drawn by the contest's rules from its pool, in rule order, with answers (for the attempt's key). */
export async function drawAttemptQuestions(db: Database, contest: ContestDoc, rng: Rng): Promise<DrawnQuestion[]> {
  const ids = drawQuestions(await poolOf(db, contest, rng), contest.rules, rng);
  const byId = new Map((await listQuestionsByIds(db, ids)).map((question) => [question._id, question]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
