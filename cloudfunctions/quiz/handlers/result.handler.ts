import type { AttemptResult } from '../../../types/contracts/quiz';
import { reviewChoice } from '../../../core/quiz';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { isSubmitted, toAttemptResult, type SubmittedAttempt } from '../attemptResult';
import { findAttempt, listQuestionsByIds } from '../repository';

export async function result(input: { attemptId: string }, ctx: MemberContext): Promise<AttemptResult> {
  const attempt = await findAttempt(ctx.db, input.attemptId);
  if (!attempt || attempt.memberId !== ctx.member._id) fail('NOT_FOUND');
  // Explanations and answers exist for the phone only after submit.
  if (!isSubmitted(attempt)) fail('CLOSED', { message: '本次作答尚未提交' });
  return { ...toAttemptResult(attempt), review: attempt.showExplanations ? await review(ctx, attempt) : null, reviewAvailableAt: null };
}

async function review(ctx: MemberContext, attempt: SubmittedAttempt): Promise<AttemptResult['review']> {
  const questions = new Map(
    (
      await listQuestionsByIds(
        ctx.db,
        attempt.key.map((item) => item.id),
      )
    ).map((q) => [q._id, q]),
  );
  return attempt.key.flatMap((item) => {
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
