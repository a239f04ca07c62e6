import type { ActionOutput } from '../../../types/contracts';
import { submissionTiming } from '../../../core/quiz';
import type { AttemptDoc } from '../../../server/documents';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { isSubmitted, toAttemptResult } from '../attemptResult';
import { handIn, putOnBoard } from '../handIn';
import { questionWindow } from '../pace';
import { closeOpenAttempt, findAttempt, listQuestionsByIds } from '../repository';
import { attemptQuestion } from './start.handler';

type AnswerOutput = ActionOutput<'quiz', 'answerQuestion'>;

/**
 * 逐题限时: records the answer to the released question — as unanswered when it arrives after the
 * question's deadline + grace — and releases the next one with its own deadline from now; the last
 * answer hands the attempt in. Each step is one write conditional on `released`, so a duplicate
 * or racing answer cannot record twice or skip a question.
 * DB requests: caller, attempt, the write + the next question (in parallel) = 4; the last answer:
 * caller, attempt, write, board entry = 4.
 */
export async function answerQuestion(
  input: { attemptId: string; questionId: string; chosen: number[] },
  ctx: MemberContext,
): Promise<AnswerOutput> {
  const { db, now } = ctx;
  const attempt = await findAttempt(db, input.attemptId);
  if (!attempt || attempt.memberId !== ctx.member._id) fail('NOT_FOUND');
  if (attempt.pace !== 'perQuestion') fail('CONFLICT', { message: '本场竞赛不是逐题限时，请整卷提交' });
  if (isSubmitted(attempt)) return { accepted: false, next: null, serverNow: now.toISOString(), result: toAttemptResult(attempt) };

  const released = attempt.released ?? 1;
  const index = released - 1;
  const current = attempt.key[index];
  // A repeat of an answer already recorded (a reply lost on the way): the state as it is now.
  if (current?.id !== input.questionId) {
    if (!attempt.key.slice(0, index).some((item) => item.id === input.questionId)) fail('NOT_FOUND', { message: '不是本次作答的题目' });
    return {
      accepted: input.questionId in (attempt.answerMs ?? {}),
      next: await nextOf(ctx, attempt),
      serverNow: now.toISOString(),
      result: null,
    };
  }
  const accepted = submissionTiming({
    startedAt: attempt.questionReleasedAt ?? attempt.startedAt,
    deadline: attempt.questionDeadline ?? attempt.deadline,
    receivedAt: now,
    graceMs: attempt.graceMs,
  }).onTime;
  const chosen = accepted ? input.chosen : [];
  const recorded: Record<string, unknown> = { [`answers.${current.id}`]: chosen };
  if (accepted) recorded[`answerMs.${current.id}`] = now.getTime() - (attempt.questionReleasedAt ?? attempt.startedAt).getTime();

  if (released === attempt.key.length) {
    const submitted = await handIn(ctx, attempt, { ...attempt.answers, [current.id]: chosen }, { alsoSet: recorded, onlyIf: { released } });
    await putOnBoard(ctx, submitted);
    return { accepted, next: null, serverNow: now.toISOString(), result: toAttemptResult(submitted) };
  }
  const window = questionWindow(now, attempt.secondsPerQuestion ?? 0, attempt.deadline);
  const advanced: AttemptDoc = { ...attempt, released: released + 1, ...window };
  const [written, next] = await Promise.all([
    closeOpenAttempt(db, attempt._id, { ...recorded, released: released + 1, ...window }, { released }),
    nextOf(ctx, advanced),
  ]);
  if (!written) fail('CONFLICT', { message: '这道题已作答，请刷新' });
  return { accepted, next, serverNow: now.toISOString(), result: null };
}

/** The released question of an open attempt, as the phone sees it, with its deadline. */
async function nextOf(ctx: MemberContext, attempt: AttemptDoc): Promise<AnswerOutput['next']> {
  const index = (attempt.released ?? 1) - 1;
  const item = attempt.key[index];
  if (!item || !attempt.questionDeadline) return null;
  const [question] = await listQuestionsByIds(ctx.db, [item.id]);
  if (!question) return null;
  return { index, deadline: attempt.questionDeadline.toISOString(), question: attemptQuestion(attempt, question, item.points) };
}
