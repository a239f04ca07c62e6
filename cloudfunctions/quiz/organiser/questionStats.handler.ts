import type { CategoryStat, QuestionStat } from '../../../types/contracts/quiz';
import { QUESTION_CATEGORIES } from '../../../types/question';
import type { MemberContext } from '../../../server/kernel/router';
import { listQuestionsByIds } from '../repository';
import { findAnyContest } from './adminContests.handler';
import { tallyQuestions } from './organiser.repository';

function rate(correct: number, asked: number): number {
  return asked > 0 ? correct / asked : 0;
}

/**
 * Per-question and per-category correct rates over the contest's submitted attempts, weakest first,
 * so an organiser sees which topics the members are weak in. DB requests: caller, contest,
 * attempt count + tally (in parallel), the questions = 5.
 */
export async function questionStats({ contestId }: { contestId: string }, ctx: MemberContext) {
  const contest = await findAnyContest(ctx, contestId);
  const { attempts, rows } = await tallyQuestions(ctx.db, contest._id);
  const questions = new Map(
    (
      await listQuestionsByIds(
        ctx.db,
        rows.map((row) => row._id),
      )
    ).map((question) => [question._id, question]),
  );
  const items: QuestionStat[] = rows
    .flatMap((row) => {
      const question = questions.get(row._id);
      if (!question) return [];
      return [
        {
          questionId: row._id,
          stem: question.stem,
          type: question.type,
          category: question.category,
          askedCount: row.asked,
          correctCount: row.correct,
          correctRate: rate(row.correct, row.asked),
        },
      ];
    })
    .sort((a, b) => a.correctRate - b.correctRate || b.askedCount - a.askedCount || (a.questionId < b.questionId ? -1 : 1));
  const byCategory: CategoryStat[] = QUESTION_CATEGORIES.flatMap((category) => {
    const inCategory = items.filter((item) => item.category === category);
    if (inCategory.length === 0) return [];
    const askedCount = inCategory.reduce((sum, item) => sum + item.askedCount, 0);
    const correctCount = inCategory.reduce((sum, item) => sum + item.correctCount, 0);
    return [{ category, askedCount, correctCount, correctRate: rate(correctCount, askedCount) }];
  }).sort((a, b) => a.correctRate - b.correctRate);
  return { attemptCount: attempts, items, byCategory };
}
