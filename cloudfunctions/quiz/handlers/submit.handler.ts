import type { AttemptAnswers } from '../../../types/contracts/quiz';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { isSubmitted, toAttemptResult } from '../attemptResult';
import { handIn, putOnBoard } from '../handIn';
import { findAttempt } from '../repository';

/**
 * Hands an attempt in (handIn.ts). A repeat (double tap, retry after a lost reply) returns the
 * stored result and re-applies the board update. In 逐题限时 pace the recorded answers count and
 * `answers` is ignored: each answer was judged against its own deadline when it arrived.
 * DB requests: caller, attempt, attempt update, board entry = 4.
 */
export async function submit(input: { attemptId: string; answers: AttemptAnswers }, ctx: MemberContext) {
  const attempt = await findAttempt(ctx.db, input.attemptId);
  if (!attempt || attempt.memberId !== ctx.member._id) fail('NOT_FOUND');
  const answers = attempt.pace === 'perQuestion' ? (attempt.answers ?? {}) : input.answers;
  const submitted = isSubmitted(attempt) ? attempt : await handIn(ctx, attempt, answers);
  await putOnBoard(ctx, submitted);
  return toAttemptResult(submitted);
}
