import type { AttemptAnswers } from '../../../types/contracts/quiz';
import { rankSortKey, scoreAttempt, submissionTiming } from '../../../core/quiz';
import { entryId, type AttemptDoc } from '../../../server/documents';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { isSubmitted, toAttemptResult, type SubmittedAttempt } from '../attemptResult';
import { applyToEntry, closeOpenAttempt, findAttempt } from '../repository';

/**
 * Scores an attempt once, from the attempt's own snapshot and shuffled order, with server time only.
 * A repeat (double tap, retry after a lost reply) returns the stored result and re-applies the
 * board update, which is conditional and so harmless — and heals a reply lost after the first write.
 * DB requests: caller, attempt, attempt update, board entry = 4.
 */
export async function submit(input: { attemptId: string; answers: AttemptAnswers }, ctx: MemberContext) {
  const { db, member, now } = ctx;
  const attempt = await findAttempt(db, input.attemptId);
  if (!attempt || attempt.memberId !== member._id) fail('NOT_FOUND');

  const submitted = isSubmitted(attempt) ? attempt : await scoreAndClose(ctx, attempt, input.answers);
  await applyToEntry(
    db,
    entryId(submitted.contestId, submitted.memberId),
    {
      sortKey: rankSortKey({ score: submitted.score, durationMs: submitted.durationMs, submittedAt: submitted.submittedAt }),
      score: submitted.score,
      durationMs: submitted.durationMs,
      submittedAt: submitted.submittedAt,
      attemptId: submitted._id,
    },
    submitted.counts,
  );
  return toAttemptResult(submitted);

  async function scoreAndClose(context: MemberContext, open: AttemptDoc, answers: AttemptAnswers): Promise<SubmittedAttempt> {
    const timing = submissionTiming({ startedAt: open.startedAt, deadline: open.deadline, receivedAt: now, graceMs: open.graceMs });
    // Past deadline + grace nothing the phone sends can be trusted to predate the deadline.
    const scored = scoreAttempt({ questions: open.key, orders: open.orders, answers: timing.onTime ? answers : {} });
    const fields = {
      status: 'submitted' as const,
      receivedAt: now,
      submittedAt: timing.countedAt,
      onTime: timing.onTime,
      durationMs: timing.durationMs,
      score: scored.score,
      maxScore: scored.maxScore,
      correctCount: scored.correctCount,
      chosen: Object.fromEntries(scored.results.map((result) => [result.questionId, result.chosen])),
    };
    if (await closeOpenAttempt(context.db, open._id, fields)) return { ...open, ...fields };
    // Another submit of the same attempt won the race: its result is the one that counts.
    const winner = await findAttempt(context.db, open._id);
    if (!winner || !isSubmitted(winner)) fail('CONFLICT');
    return winner;
  }
}
