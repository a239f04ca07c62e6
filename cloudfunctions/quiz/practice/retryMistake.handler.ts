import type { PracticeRetry, RetryMistakeInput } from '../../../types/contracts/practice';
import { isCorrectChoice, isPathSafeId } from '../../../core/quiz';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { reservedQuestionIds } from '../reserved';
import { findPracticeMember, listQuestionsByIds, recordMistakeMiss, resolveMistake } from './practice.repository';

/**
 * `quiz.retryMistake`: answers a notebook question again; a right answer takes it out of the
 * notebook. DB requests: caller, member doc + reserved pools, question, notebook update = 5.
 */
export async function retryMistake({ questionId, answer }: RetryMistakeInput, ctx: MemberContext): Promise<PracticeRetry> {
  const { db, member, now } = ctx;
  const [memberDoc, reserved] = await Promise.all([findPracticeMember(db, member._id), reservedQuestionIds(ctx)]);
  const entry =
    memberDoc && Object.prototype.hasOwnProperty.call(memberDoc.mistakes, questionId) ? memberDoc.mistakes[questionId] : undefined;
  // Hidden from the notebook while an open contest may ask it, so it cannot be retried for its answer either.
  if (!memberDoc || !entry || !isPathSafeId(questionId) || reserved.has(questionId)) fail('NOT_FOUND', { message: '错题本中没有这道题' });
  const [question] = await listQuestionsByIds(db, [questionId]);
  if (!question) fail('NOT_FOUND', { message: '这道题已从题库移除' });
  if (answer.some((index) => index >= question.options.length))
    fail('INVALID_INPUT', { field: 'answer', message: '输入有误：所选选项不存在' });
  if (question.type !== 'multiple' && new Set(answer).size > 1)
    fail('INVALID_INPUT', { field: 'answer', message: '输入有误：此题只能选一个答案' });

  const correct = isCorrectChoice(answer, question.answer);
  const openBefore = Object.keys(memberDoc.mistakes).length;
  let remaining = openBefore;
  let wrongCount = entry.wrongCount;
  if (correct) {
    // Resolved: the entry leaves the notebook. A concurrent retry may have removed it already.
    await resolveMistake(db, member._id, questionId);
    remaining = openBefore - 1;
  } else if (await recordMistakeMiss(db, member._id, questionId, now)) {
    wrongCount += 1;
  }
  return {
    questionId,
    correct,
    resolved: correct,
    wrongCount,
    correctAnswer: [...question.answer].sort((a, b) => a - b),
    explanation: question.explanation,
    remaining,
  };
}
