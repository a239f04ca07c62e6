import { randomUUID } from 'node:crypto';
import {
  PRACTICE_QUESTION_COUNT,
  type ParsedPracticeInput,
  type PracticeAnswers,
  type PracticeMistakes,
  type PracticeOutput,
  type PracticeResult,
  type PracticeRetry,
  type PracticeSubmitOutput,
  type PracticeToday,
} from '../../../types/contracts/practice';
import { QUESTION_CATEGORIES } from '../../../types/question';
import { drawQuestions, questionOptionOrder, scoreAttempt, seededRng, shuffle, toDisplayed, type Rng } from '../../../core/quiz';
import { shanghaiDay } from '../../../core/time';
import type { PracticeDayDoc, PracticeItem, PracticeMemberDoc, PracticeMistakeEntry, QuestionDoc } from '../../../server/documents';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import {
  closePracticeDay,
  findPracticeDay,
  findPracticeMember,
  insertPracticeDay,
  insertPracticeMember,
  listPracticePool,
  listQuestionsByIds,
  practiceDayId,
  updateOpenMistake,
  updatePracticeMemberIfLastDay,
} from './practice.repository';
import { compareMistakes, isPathSafeId, mistakeCursor, parseMistakeCursor, standingAfter, standingOn } from './practice.rules';

/** A day's draw reads this many categories at random: variety without reading the whole bank. */
const DRAW_CATEGORIES = 3;
/** Upper bound of one draw read; a day needs 5 questions, so a few hundred candidates are plenty. */
const DRAW_POOL_LIMIT = 300;
/** The notebook keeps this many open entries (newest wrong first) so the member document stays small. */
export const MAX_NOTEBOOK_ENTRIES = 200;
/** How often a conditional write is retried after losing a race before giving up with CONFLICT. */
const MAX_WRITE_TRIES = 3;

/**
 * `quiz.practice`. DB requests (the caller lookup included):
 * - today: caller, day, member doc (in parallel) = 3; the day's first call adds pool + insert = 5;
 * - submit: caller, day, member doc, close day, count the day = 5; a repeat = 3;
 * - mistakes: caller, member doc, page's questions = 3;
 * - retry: caller, member doc, question, notebook update = 4.
 * Only a lost race (two phones at once) adds one re-read.
 */
export async function practice(input: ParsedPracticeInput, ctx: MemberContext): Promise<PracticeOutput> {
  switch (input.op) {
    case 'today':
      return today(ctx);
    case 'submit':
      return submit(ctx, input.day, input.answers);
    case 'mistakes':
      return mistakes(ctx, input.cursor, input.pageSize);
    case 'retry':
      return retry(ctx, input.questionId, input.answer);
  }
}

async function today(ctx: MemberContext): Promise<PracticeToday> {
  const { db, member, now } = ctx;
  const day = shanghaiDay(now);
  let [dayDoc, memberDoc] = await Promise.all([findPracticeDay(db, member._id, day), findPracticeMember(db, member._id)]);
  if (!dayDoc) dayDoc = await drawDay(ctx, day, memberDoc);
  else if (isSubmitted(dayDoc) && !countedIn(memberDoc, day)) {
    // Heals a submit whose reply was lost between its two writes.
    memberDoc = await countDay(ctx, dayDoc, memberDoc);
  }
  const submitted = isSubmitted(dayDoc) ? dayDoc : null;
  return {
    op: 'today',
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

type SubmittedDay = PracticeDayDoc & Required<Pick<PracticeDayDoc, 'submittedAt' | 'correctCount' | 'pointsEarned' | 'chosen'>>;

function isSubmitted(doc: PracticeDayDoc): doc is SubmittedDay {
  return doc.status === 'submitted' && doc.submittedAt !== undefined && doc.chosen !== undefined;
}

function countedIn(memberDoc: PracticeMemberDoc | null, day: string): boolean {
  return memberDoc !== null && memberDoc.lastDay >= day;
}

function displayedOrder(doc: PracticeDayDoc, item: PracticeItem): number[] {
  return doc.orders[item.id] ?? item.options.map((_, index) => index);
}

function scoredItems(doc: PracticeDayDoc) {
  return doc.items.map((item) => ({ id: item.id, type: item.type, answer: item.answer, optionCount: item.options.length, points: 1 }));
}

/**
 * Scores today's set once. Two writes, ordered so a retry heals: the day document first (the record
 * of what was answered), then the member document (points, streak, notebook) guarded by `lastDay`,
 * which a repeat finds already counted.
 */
async function submit(ctx: MemberContext, day: string, answers: PracticeAnswers): Promise<PracticeSubmitOutput> {
  const { db, member, now } = ctx;
  const todayDay = shanghaiDay(now);
  if (day !== todayDay) fail('CLOSED', { message: '只能提交今天的练习，请刷新后重试' });

  const [dayDoc, memberDoc] = await Promise.all([findPracticeDay(db, member._id, day), findPracticeMember(db, member._id)]);
  if (!dayDoc) fail('NOT_FOUND', { message: '今天的练习尚未开始，请刷新' });

  const submitted = isSubmitted(dayDoc) ? dayDoc : await scoreAndClose(ctx, dayDoc, answers);
  const counted = countedIn(memberDoc, day) ? memberDoc! : await countDay(ctx, submitted, memberDoc);
  return { op: 'submit', result: toResult(submitted), ...standingOn(counted, todayDay) };
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

/** Wrong (or unanswered) question ids of a submitted day. */
function wrongIds(doc: SubmittedDay): string[] {
  return doc.items
    .filter((item) => {
      const chosen = [...(doc.chosen[item.id] ?? [])].sort((a, b) => a - b);
      const answer = [...item.answer].sort((a, b) => a - b);
      return chosen.length !== answer.length || chosen.some((value, index) => value !== answer[index]);
    })
    .map((item) => item.id)
    .filter(isPathSafeId);
}

/**
 * Counts a submitted day into the member document: points and streak, and its wrong answers into
 * the notebook, in one write. A day is counted once: the write only applies while `lastDay` is
 * still what was read, and a document already past the day is returned as it is.
 */
async function countDay(ctx: MemberContext, doc: SubmittedDay, read: PracticeMemberDoc | null): Promise<PracticeMemberDoc> {
  const { db, member, now } = ctx;
  const wrong = wrongIds(doc);
  const newEntry = (before: PracticeMistakeEntry | undefined): PracticeMistakeEntry => ({
    wrongCount: (before?.wrongCount ?? 0) + 1,
    lastWrongAt: doc.submittedAt,
    source: 'practice',
  });
  let current = read;
  for (let tries = 0; tries < MAX_WRITE_TRIES; tries += 1) {
    if (countedIn(current, doc.day)) return current!;
    const next = standingAfter(current, doc.day, doc.correctCount);
    const { pointsEarned: _earned, ...standing } = next;
    if (!current) {
      const created: PracticeMemberDoc = {
        _id: member._id,
        memberId: member._id,
        branchId: member.branchId,
        ...standing,
        lastDay: doc.day,
        mistakes: Object.fromEntries(wrong.slice(0, MAX_NOTEBOOK_ENTRIES).map((id) => [id, newEntry(undefined)])),
        resolvedCount: 0,
        updatedAt: now,
      };
      if (await insertPracticeMember(db, created)) return created;
    } else {
      const mistakes = { ...current.mistakes };
      const data: Record<string, unknown> = { ...standing, lastDay: doc.day, updatedAt: now, branchId: member.branchId };
      for (const id of wrong) {
        mistakes[id] = newEntry(mistakes[id]);
        data[`mistakes.${id}.wrongCount`] = db.command.inc(1);
        data[`mistakes.${id}.lastWrongAt`] = doc.submittedAt;
        data[`mistakes.${id}.source`] = 'practice';
      }
      // Over the cap, the entries wrong longest ago leave the notebook.
      const overflow = Object.entries(mistakes).sort(compareMistakes).slice(MAX_NOTEBOOK_ENTRIES);
      for (const [id] of overflow) {
        delete mistakes[id];
        if (isPathSafeId(id)) data[`mistakes.${id}`] = db.command.remove();
      }
      if (await updatePracticeMemberIfLastDay(db, member._id, current.lastDay, data)) {
        return { ...current, ...standing, lastDay: doc.day, mistakes, updatedAt: now };
      }
    }
    current = await findPracticeMember(db, member._id);
  }
  fail('CONFLICT');
}

function toResult(doc: SubmittedDay): PracticeResult {
  const review = doc.items.map((item) => {
    const order = displayedOrder(doc, item);
    const correct = toDisplayed(order, item.answer).sort((a, b) => a - b);
    const chosen = toDisplayed(order, (doc.chosen[item.id] ?? []).filter((original) => order.includes(original))).sort((a, b) => a - b);
    return {
      questionId: item.id,
      type: item.type,
      stem: item.stem,
      options: order.map((original) => item.options[original] ?? ''),
      chosen,
      correct,
      isCorrect: chosen.length === correct.length && chosen.every((value, index) => value === correct[index]),
      explanation: item.explanation,
    };
  });
  return {
    day: doc.day,
    correctCount: doc.correctCount,
    questionCount: doc.items.length,
    pointsEarned: doc.pointsEarned,
    submittedAt: doc.submittedAt.toISOString(),
    review,
  };
}

async function mistakes(ctx: MemberContext, cursor: string | undefined, pageSize: number): Promise<PracticeMistakes> {
  const memberDoc = await findPracticeMember(ctx.db, ctx.member._id);
  const entries = Object.entries(memberDoc?.mistakes ?? {}).sort(compareMistakes);
  const after = cursor === undefined ? null : parseMistakeCursor(cursor);
  const rest = after ? entries.filter((entry) => compareMistakes(entry, after) > 0) : entries;
  const page = rest.slice(0, pageSize);
  const questions = new Map((await listQuestionsByIds(ctx.db, page.map(([id]) => id))).map((q) => [q._id, q]));
  const last = page[page.length - 1];
  return {
    op: 'mistakes',
    // A question since deleted from the bank is skipped; the cursor still moves past it.
    items: page.flatMap(([id, entry]) => {
      const question = questions.get(id);
      if (!question) return [];
      return [
        {
          questionId: id,
          type: question.type,
          stem: question.stem,
          options: question.options,
          correct: [...question.answer].sort((a, b) => a - b),
          explanation: question.explanation,
          wrongCount: entry.wrongCount,
          lastWrongAt: entry.lastWrongAt.toISOString(),
        },
      ];
    }),
    nextCursor: rest.length > pageSize && last ? mistakeCursor(last[0], last[1]) : null,
    total: entries.length,
  };
}

async function retry(ctx: MemberContext, questionId: string, answer: number[]): Promise<PracticeRetry> {
  const { db, member, now } = ctx;
  const memberDoc = await findPracticeMember(db, member._id);
  const entry = memberDoc && Object.prototype.hasOwnProperty.call(memberDoc.mistakes, questionId) ? memberDoc.mistakes[questionId] : undefined;
  if (!memberDoc || !entry || !isPathSafeId(questionId)) fail('NOT_FOUND', { message: '错题本中没有这道题' });
  const [question] = await listQuestionsByIds(db, [questionId]);
  if (!question) fail('NOT_FOUND', { message: '这道题已从题库移除' });
  if (answer.some((index) => index >= question.options.length)) fail('INVALID_INPUT', { field: 'answer', message: '输入有误：所选选项不存在' });
  if (question.type !== 'multiple' && new Set(answer).size > 1) fail('INVALID_INPUT', { field: 'answer', message: '输入有误：此题只能选一个答案' });

  const correct =
    scoreAttempt({
      questions: [{ id: question._id, type: question.type, answer: question.answer, optionCount: question.options.length, points: 1 }],
      orders: {},
      answers: { [questionId]: answer },
    }).correctCount === 1;
  const _ = db.command;
  const openBefore = Object.keys(memberDoc.mistakes).length;
  let remaining = openBefore;
  let wrongCount = entry.wrongCount;
  if (correct) {
    // Resolved: the entry leaves the notebook. A concurrent retry may have removed it already.
    await updateOpenMistake(db, member._id, questionId, { [`mistakes.${questionId}`]: _.remove(), resolvedCount: _.inc(1) });
    remaining = openBefore - 1;
  } else {
    const updated = await updateOpenMistake(db, member._id, questionId, {
      [`mistakes.${questionId}.wrongCount`]: _.inc(1),
      [`mistakes.${questionId}.lastWrongAt`]: now,
    });
    if (updated) wrongCount += 1;
  }
  return {
    op: 'retry',
    questionId,
    correct,
    resolved: correct,
    wrongCount,
    correctAnswer: [...question.answer].sort((a, b) => a - b),
    explanation: question.explanation,
    remaining,
  };
}
