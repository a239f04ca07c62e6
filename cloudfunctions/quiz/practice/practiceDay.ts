/**
 * What `practice` (today's set) and `practiceSubmit` share: a submitted day, its result as the
 * phone sees it, and counting it into the member document exactly once.
 */
import type { PracticeResult } from '../../../types/contracts/practice';
import { isCorrectChoice, isDayCounted, isPathSafeId, notebookOverflow, reviewChoice, standingAfter } from '../../../core/quiz';
import type { PracticeDayDoc, PracticeItem, PracticeMemberDoc, PracticeMistakeEntry } from '../../../server/documents';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { findPracticeMember, insertPracticeMember, recordCountedDay } from './practice.repository';

/** The notebook keeps this many open entries (newest wrong first) so the member document stays small. */
export const MAX_NOTEBOOK_ENTRIES = 200;
/** How often a conditional write is retried after losing a race before giving up with CONFLICT. */
const MAX_WRITE_TRIES = 3;

export type SubmittedDay = PracticeDayDoc & Required<Pick<PracticeDayDoc, 'submittedAt' | 'correctCount' | 'pointsEarned' | 'chosen'>>;

export function isSubmitted(doc: PracticeDayDoc): doc is SubmittedDay {
  return doc.status === 'submitted' && doc.submittedAt !== undefined && doc.chosen !== undefined;
}

export function displayedOrder(doc: PracticeDayDoc, item: PracticeItem): number[] {
  return doc.orders[item.id] ?? item.options.map((_, index) => index);
}

/** Wrong (or unanswered) question ids of a submitted day. */
function wrongIds(doc: SubmittedDay): string[] {
  return doc.items
    .filter((item) => !isCorrectChoice(doc.chosen[item.id] ?? [], item.answer))
    .map((item) => item.id)
    .filter(isPathSafeId);
}

/**
 * Counts a submitted day into the member document: points and streak, and its wrong answers into
 * the notebook, in one write. A day is counted once: the write only applies while `lastDay` is
 * still what was read, and a document already past the day is returned as it is.
 */
export async function countDay(ctx: MemberContext, doc: SubmittedDay, read: PracticeMemberDoc | null): Promise<PracticeMemberDoc> {
  const { db, member, now } = ctx;
  const wrong = wrongIds(doc);
  const newEntry = (before: PracticeMistakeEntry | undefined): PracticeMistakeEntry => ({
    wrongCount: (before?.wrongCount ?? 0) + 1,
    lastWrongAt: doc.submittedAt,
    source: 'practice',
  });
  let current = read;
  for (let tries = 0; tries < MAX_WRITE_TRIES; tries += 1) {
    if (isDayCounted(current, doc.day)) return current!;
    const { pointsEarned: _earned, ...standing } = standingAfter(current, doc.day, doc.correctCount);
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
      for (const id of wrong) mistakes[id] = newEntry(mistakes[id]);
      const dropped = notebookOverflow(Object.entries(mistakes), MAX_NOTEBOOK_ENTRIES);
      for (const id of dropped) delete mistakes[id];
      const counted = { ...standing, lastDay: doc.day, updatedAt: now, branchId: member.branchId };
      const recorded = await recordCountedDay(db, member._id, current.lastDay, counted, {
        wrongIds: wrong,
        wrongAt: doc.submittedAt,
        droppedIds: dropped.filter(isPathSafeId),
      });
      if (recorded) return { ...current, ...counted, mistakes };
    }
    current = await findPracticeMember(db, member._id);
  }
  fail('CONFLICT');
}

/** The day's result; its review leaves out questions an open contest may still ask the member (reservedQuestionIds). */
export function toResult(doc: SubmittedDay, reserved: ReadonlySet<string>): PracticeResult {
  const review = doc.items
    .filter((item) => !reserved.has(item.id))
    .map((item) => {
      const order = displayedOrder(doc, item);
      return {
        questionId: item.id,
        type: item.type,
        stem: item.stem,
        options: order.map((original) => item.options[original] ?? ''),
        ...reviewChoice(order, item.answer, doc.chosen[item.id] ?? []),
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
