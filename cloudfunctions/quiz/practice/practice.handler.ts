import { randomUUID } from 'node:crypto';
import { PRACTICE_QUESTION_COUNT, type PracticeToday } from '../../../types/contracts/practice';
import { isDayCounted, pickPracticeSet, questionOptionOrder, seededRng, standingOn } from '../../../core/quiz';
import { shanghaiDay } from '../../../core/time';
import { practiceDayId, type PracticeDayDoc, type PracticeMemberDoc } from '../../../server/documents';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { sampleDrawClasses } from '../repository';
import { reservedQuestionIds } from '../reserved';
import { findPracticeDay, findPracticeMember, insertPracticeDay } from './practice.repository';
import { countDay, displayedOrder, isSubmitted, toResult } from './practiceDay';

/**
 * A day draws its set from this many questions sampled from the whole bank, so it can pass over
 * those already in the notebook: with a full notebook (200) in a bank of a few thousand, fewer than
 * 5 fresh ones among 20 is vanishingly rare.
 */
const DRAW_SAMPLE = 4 * PRACTICE_QUESTION_COUNT;

/**
 * `quiz.practice`: today's set, drawn on the day's first call. DB requests (the caller lookup
 * included): caller, day, member doc, reserved pools (in parallel) = 4; the day's first call adds the sample + insert = 6.
 * Only a lost race (two phones at once) adds one re-read.
 */
export async function practice(_input: Record<string, never>, ctx: MemberContext): Promise<PracticeToday> {
  const { db, member, now } = ctx;
  const day = shanghaiDay(now);
  const [found, read, reserved] = await Promise.all([
    findPracticeDay(db, member._id, day),
    findPracticeMember(db, member._id),
    reservedQuestionIds(ctx),
  ]);
  let memberDoc = read;
  const dayDoc = found ?? (await drawDay(ctx, day, memberDoc, reserved));
  if (found && isSubmitted(found) && !isDayCounted(memberDoc, day)) {
    // Heals a submit whose reply was lost between its two writes.
    memberDoc = await countDay(ctx, found, memberDoc);
  }
  const submitted = isSubmitted(dayDoc) ? dayDoc : null;
  return {
    day,
    questions: dayDoc.items.map((item) => ({
      id: item.id,
      type: item.type,
      stem: item.stem,
      options: displayedOrder(dayDoc, item).map((original) => item.options[original] ?? ''),
    })),
    doneToday: submitted !== null,
    result: submitted ? toResult(submitted, reserved) : null,
    ...standingOn(memberDoc, day),
  };
}

/**
 * Draws the day's set uniformly from the bank less the questions open contests reserve, leaving out
 * what is already in the notebook when it can.
 */
async function drawDay(
  ctx: MemberContext,
  day: string,
  memberDoc: PracticeMemberDoc | null,
  reserved: ReadonlySet<string>,
): Promise<PracticeDayDoc> {
  const { db, member, now } = ctx;
  const rng = seededRng(randomUUID());
  // Sampled with room for the reserved questions the draw leaves out.
  const sample = (await sampleDrawClasses(db, [{ count: DRAW_SAMPLE + reserved.size }]))
    .flatMap((group) => group.questions)
    .filter((question) => !reserved.has(question._id));
  if (sample.length === 0) fail('CLOSED', { message: '题库暂无题目，请联系组织部' });
  const byId = new Map(sample.map((question) => [question._id, question]));
  const notebook = memberDoc?.mistakes ?? {};
  const inNotebook = (id: string) => Object.prototype.hasOwnProperty.call(notebook, id);
  const drawn = pickPracticeSet([...byId.keys()], inNotebook, PRACTICE_QUESTION_COUNT, rng).map((id) => byId.get(id)!);

  const doc: PracticeDayDoc = {
    _id: practiceDayId(member._id, day),
    memberId: member._id,
    branchId: member.branchId,
    day,
    status: 'open',
    createdAt: now,
    items: drawn.map((q) => ({ id: q._id, type: q.type, stem: q.stem, options: q.options, answer: q.answer, explanation: q.explanation })),
    orders: Object.fromEntries(drawn.map((q) => [q._id, questionOptionOrder(q.type, q.options.length, rng)])),
  };
  if (await insertPracticeDay(db, doc)) return doc;
  // Another call of the same member drew first: its set is the day's set.
  const winner = await findPracticeDay(db, member._id, day);
  if (!winner) fail('CONFLICT');
  return winner;
}
