import { createHash } from 'node:crypto';
import type { AttemptAnswers } from '../../types/contracts/quiz';
import type { AttemptFlag } from '../../types/labels';
import { answerSequence, isTooFast, rankSortKey, scoreAttempt, submissionTiming } from '../../core/quiz';
import { entryId, type AttemptDoc } from '../../server/documents';
import { fail } from '../../server/kernel/failure';
import type { MemberContext } from '../../server/kernel/router';
import { isSubmitted, type SubmittedAttempt } from './attemptResult';
import { applyToEntry, closeOpenAttempt, findAttempt } from './repository';

export interface HandInOptions {
  /** The server handed it in (切屏 over the limit), not the member. */
  autoSubmitted?: boolean;
  /** Extra stored fields written in the same update (the last 逐题限时 answer). */
  alsoSet?: Record<string, unknown>;
  /** Only while the attempt is still in this state (逐题限时: no other answer got in first). */
  onlyIf?: Partial<Pick<AttemptDoc, 'released'>>;
}

/**
 * Scores an open attempt once, from its own snapshot and shuffled order, with server time only, and
 * records its suspicious-attempt flags (which never change the score). In whole pace `answers` is
 * what the phone sent, discarded when it arrives past deadline + grace; in 逐题限时 pace it is what
 * the server recorded question by question, each already judged against its own deadline.
 * One conditional write; a lost race returns the winner's result (one more read).
 */
export async function handIn(
  ctx: MemberContext,
  open: AttemptDoc,
  answers: AttemptAnswers,
  options: HandInOptions = {},
): Promise<SubmittedAttempt> {
  const timing = submissionTiming({ startedAt: open.startedAt, deadline: open.deadline, receivedAt: ctx.now, graceMs: open.graceMs });
  const perQuestion = open.pace === 'perQuestion';
  const counted = perQuestion || timing.onTime ? answers : {};
  const scored = scoreAttempt({ questions: open.key, orders: open.orders, answers: counted });
  const chosen = Object.fromEntries(scored.results.map((result) => [result.questionId, result.chosen]));
  const answered = new Set(scored.results.filter((result) => result.chosen.length > 0).map((result) => result.questionId));
  const spentMs = perQuestion
    ? Object.entries(open.answerMs ?? {}).reduce((sum, [id, ms]) => sum + (answered.has(id) ? ms : 0), 0)
    : timing.durationMs;
  const sequence = answerSequence(chosen);
  const flags: AttemptFlag[] = isTooFast(open.key, answered, spentMs) ? ['tooFast'] : [];
  const fields = {
    status: 'submitted' as const,
    receivedAt: ctx.now,
    submittedAt: timing.countedAt,
    onTime: timing.onTime,
    durationMs: timing.durationMs,
    score: scored.score,
    maxScore: scored.maxScore,
    correctCount: scored.correctCount,
    chosen,
    correctIds: scored.results.filter((result) => result.correct).map((result) => result.questionId),
    flags,
    ...(sequence === null ? {} : { answerSignature: createHash('sha256').update(sequence).digest('hex') }),
    ...(options.autoSubmitted ? { autoSubmitted: true } : {}),
  };
  if (await closeOpenAttempt(ctx.db, open._id, { ...fields, ...options.alsoSet }, options.onlyIf)) return { ...open, ...fields };
  // Another hand-in of the same attempt won the race: its result is the one that counts.
  const winner = await findAttempt(ctx.db, open._id);
  if (!winner || !isSubmitted(winner)) fail('CONFLICT', { message: '作答状态已变化，请刷新' });
  return winner;
}

/**
 * Puts a submitted attempt on the board. Conditional and so harmless to repeat, which heals a
 * reply lost after the first write.
 */
export async function putOnBoard(ctx: MemberContext, submitted: SubmittedAttempt): Promise<void> {
  await applyToEntry(
    ctx.db,
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
}
