import type { PracticeAnswers, PracticeSubmitInput, PracticeSubmitOutput } from '../../../types/contracts/practice';
import { isDayCounted, scoreAttempt, standingAfter, standingOn } from '../../../core/quiz';
import { shanghaiDay } from '../../../core/time';
import type { PracticeDayDoc } from '../../../server/documents';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { closePracticeDay, findPracticeDay, findPracticeMember } from './practice.repository';
import { countDay, isSubmitted, toResult, type SubmittedDay } from './practiceDay';
import { reservedQuestionIds } from '../reserved';

function scoredItems(doc: PracticeDayDoc) {
  return doc.items.map((item) => ({ id: item.id, type: item.type, answer: item.answer, optionCount: item.options.length, points: 1 }));
}

/**
 * `quiz.practiceSubmit` scores today's set once. Two writes, ordered so a retry heals: the day
 * document first (the record of what was answered), then the member document (points, streak,
 * notebook) guarded by `lastDay`, which a repeat finds already counted.
 * DB requests: caller, day, member doc, reserved pools, close day, count the day = 6; a repeat = 4.
 */
export async function practiceSubmit({ day, answers }: PracticeSubmitInput, ctx: MemberContext): Promise<PracticeSubmitOutput> {
  const { db, member, now } = ctx;
  const todayDay = shanghaiDay(now);
  if (day !== todayDay) fail('CLOSED', { message: '只能提交今天的练习，请刷新后重试' });

  const [dayDoc, memberDoc, reserved] = await Promise.all([
    findPracticeDay(db, member._id, day),
    findPracticeMember(db, member._id),
    reservedQuestionIds(ctx),
  ]);
  if (!dayDoc) fail('NOT_FOUND', { message: '今天的练习尚未开始，请刷新' });

  const submitted = isSubmitted(dayDoc) ? dayDoc : await scoreAndClose(ctx, dayDoc, answers);
  const counted = isDayCounted(memberDoc, day) ? memberDoc! : await countDay(ctx, submitted, memberDoc);
  return { result: toResult(submitted, reserved), ...standingOn(counted, todayDay) };
}

async function scoreAndClose(ctx: MemberContext, open: PracticeDayDoc, answers: PracticeAnswers): Promise<SubmittedDay> {
  const scored = scoreAttempt({ questions: scoredItems(open), orders: open.orders, answers });
  const fields = {
    status: 'submitted' as const,
    submittedAt: ctx.now,
    correctCount: scored.correctCount,
    pointsEarned: standingAfter(null, open.day, scored.correctCount).pointsEarned,
    chosen: Object.fromEntries(scored.results.map((result) => [result.questionId, result.chosen])),
  };
  if (await closePracticeDay(ctx.db, open._id, fields)) return { ...open, ...fields };
  // A second phone submitted first: its answers are the ones that count.
  const winner = await findPracticeDay(ctx.db, open.memberId, open.day);
  if (!winner || !isSubmitted(winner)) fail('CONFLICT');
  return winner;
}
