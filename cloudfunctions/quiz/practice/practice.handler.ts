import { randomUUID } from 'node:crypto';
import { PRACTICE_QUESTION_COUNT, type PracticeToday } from '../../../types/contracts/practice';
import { QUESTION_CATEGORIES } from '../../../types/question';
import { drawQuestions, isDayCounted, questionOptionOrder, seededRng, shuffle, standingOn, type Rng } from '../../../core/quiz';
import { shanghaiDay } from '../../../core/time';
import { practiceDayId, type PracticeDayDoc, type PracticeMemberDoc, type QuestionDoc } from '../../../server/documents';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { findPracticeDay, findPracticeMember, insertPracticeDay, listPracticePool } from './practice.repository';
import { countDay, displayedOrder, isSubmitted, toResult } from './practiceDay';

/** A day's draw reads this many categories at random: variety without reading the whole bank. */
const DRAW_CATEGORIES = 3;
/** Upper bound of one draw read; a day needs 5 questions, so a few hundred candidates are plenty. */
const DRAW_POOL_LIMIT = 300;

/**
 * `quiz.practice`: today's set, drawn on the day's first call. DB requests (the caller lookup
 * included): caller, day, member doc (in parallel) = 3; the day's first call adds pool + insert = 5.
 * Only a lost race (two phones at once) adds one re-read.
 */
export async function practice(_input: Record<string, never>, ctx: MemberContext): Promise<PracticeToday> {
  const { db, member, now } = ctx;
  const day = shanghaiDay(now);
  let [dayDoc, memberDoc] = await Promise.all([findPracticeDay(db, member._id, day), findPracticeMember(db, member._id)]);
  if (!dayDoc) dayDoc = await drawDay(ctx, day, memberDoc);
  else if (isSubmitted(dayDoc) && !isDayCounted(memberDoc, day)) {
    // Heals a submit whose reply was lost between its two writes.
    memberDoc = await countDay(ctx, dayDoc, memberDoc);
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
    result: submitted ? toResult(submitted) : null,
    ...standingOn(memberDoc, day),
  };
}

/** Draws the day's 5 from a few random categories, leaving out what is already in the notebook when it can. */
async function drawDay(ctx: MemberContext, day: string, memberDoc: PracticeMemberDoc | null): Promise<PracticeDayDoc> {
  const { db, member, now } = ctx;
  const rng = seededRng(randomUUID());
  const categories = shuffle(QUESTION_CATEGORIES, rng).slice(0, DRAW_CATEGORIES);
  let pool = await listPracticePool(db, categories, DRAW_POOL_LIMIT);
  // A small bank can leave a few categories short; then any category will do (one more read, rare).
  if (pool.length < PRACTICE_QUESTION_COUNT) pool = await listPracticePool(db, QUESTION_CATEGORIES, DRAW_POOL_LIMIT);
  if (pool.length === 0) fail('CLOSED', { message: '题库暂无题目，请联系组织部' });

  const inNotebook = memberDoc?.mistakes ?? {};
  const fresh = pool.filter((question) => !Object.prototype.hasOwnProperty.call(inNotebook, question._id));
  const candidates = fresh.length >= PRACTICE_QUESTION_COUNT ? fresh : pool;
  const drawn = pick(candidates, Math.min(PRACTICE_QUESTION_COUNT, candidates.length), rng);

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

function pick(pool: QuestionDoc[], count: number, rng: Rng): QuestionDoc[] {
  const ids = drawQuestions(
    pool.map(({ _id, category, difficulty }) => ({ id: _id, category, difficulty })),
    [{ count }],
    rng,
  );
  const byId = new Map(pool.map((question) => [question._id, question]));
  return ids.map((id) => byId.get(id)!);
}
