import type { AttemptResult } from '../../../types/contracts/quiz';
import { isCorrectChoice, isReviewOpen, reviewAvailableAt, reviewChoice } from '../../../core/quiz';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { isSubmitted, toAttemptResult, type SubmittedAttempt } from '../attemptResult';
import { addContestMistakes } from '../practice/contestMistakes';
import { findAttempt, findContest, listQuestionsByIds, markMistakesFed } from '../repository';
import { reservedQuestionIds } from '../reserved';

/**
 * An attempt's result; the review (answers, explanations, even right/wrong per question) only once
 * the contest's review policy allows it, and without questions another open contest may still ask
 * the member. The first result with the review open puts the attempt's wrong answers in the 错题本.
 * DB requests: caller, attempt, contest = 3 while withheld; with the review + reserved pools + questions = 5
 * (+ the 错题本 feed once: mark, member doc, write).
 */
export async function result(input: { attemptId: string }, ctx: MemberContext): Promise<AttemptResult> {
  const attempt = await findAttempt(ctx.db, input.attemptId);
  if (!attempt || attempt.memberId !== ctx.member._id) fail('NOT_FOUND');
  // Explanations and answers exist for the phone only after submit.
  if (!isSubmitted(attempt)) fail('CLOSED', { message: '本次作答尚未提交' });
  const summary = toAttemptResult(attempt);
  const contest = await findContest(ctx.db, attempt.contestId);
  // A contest deleted since has nothing left to ask.
  const reviewOpen = !contest || isReviewOpen(contest, ctx.now);
  if (!reviewOpen) return { ...summary, review: null, reviewAvailableAt: reviewAvailableAt(contest)?.toISOString() ?? null };

  const reserved = await reservedQuestionIds(ctx, attempt.contestId);
  if (attempt.mistakesFed !== true && (await markMistakesFed(ctx.db, attempt._id))) {
    const wrong = attempt.key.filter((item) => !isCorrectChoice(attempt.chosen?.[item.id] ?? [], item.answer)).map((item) => item.id);
    await addContestMistakes(ctx, wrong, attempt.submittedAt);
  }
  return { ...summary, review: attempt.showExplanations ? await review(ctx, attempt, reserved) : null, reviewAvailableAt: null };
}

async function review(ctx: MemberContext, attempt: SubmittedAttempt, reserved: ReadonlySet<string>): Promise<AttemptResult['review']> {
  const shown = attempt.key.filter((item) => !reserved.has(item.id));
  const questions = new Map(
    (
      await listQuestionsByIds(
        ctx.db,
        shown.map((item) => item.id),
      )
    ).map((q) => [q._id, q]),
  );
  return shown.flatMap((item) => {
    const question = questions.get(item.id);
    if (!question) return [];
    const order = attempt.orders[item.id] ?? question.options.map((_, index) => index);
    return [
      {
        questionId: item.id,
        stem: question.stem,
        options: order.map((original) => question.options[original] ?? ''),
        ...reviewChoice(order, item.answer, attempt.chosen?.[item.id] ?? []),
        explanation: question.explanation,
      },
    ];
  });
}
