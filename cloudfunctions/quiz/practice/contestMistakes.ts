import { isPathSafeId, notebookOverflow } from '../../../core/quiz';
import type { PracticeMemberDoc } from '../../../server/documents';
import type { MemberContext } from '../../../server/kernel/router';
import { MAX_NOTEBOOK_ENTRIES } from './practiceDay';
import { findPracticeMember, insertPracticeMember, recordContestMistakes } from './practice.repository';

/**
 * Puts a contest attempt's wrong answers in the member's 错题本 — called only once the contest's
 * answers may be shown. A member who never practised gets a practice document with no days counted.
 */
export async function addContestMistakes(ctx: MemberContext, questionIds: readonly string[], wrongAt: Date): Promise<void> {
  const { db, member, now } = ctx;
  const wrongIds = questionIds.filter(isPathSafeId);
  if (wrongIds.length === 0) return;
  const current = await findPracticeMember(db, member._id);
  if (!current) {
    const created: PracticeMemberDoc = {
      _id: member._id,
      memberId: member._id,
      branchId: member.branchId,
      streak: 0,
      bestStreak: 0,
      points: 0,
      daysDone: 0,
      // Before any day, so the first practice day still counts.
      lastDay: '',
      mistakes: Object.fromEntries(
        wrongIds.slice(0, MAX_NOTEBOOK_ENTRIES).map((id) => [id, { wrongCount: 1, lastWrongAt: wrongAt, source: 'contest' as const }]),
      ),
      resolvedCount: 0,
      updatedAt: now,
    };
    if (await insertPracticeMember(db, created)) return;
  }
  const existing = current?.mistakes ?? (await findPracticeMember(db, member._id))?.mistakes ?? {};
  const merged = { ...existing };
  for (const id of wrongIds) merged[id] = { wrongCount: (merged[id]?.wrongCount ?? 0) + 1, lastWrongAt: wrongAt, source: 'contest' };
  const droppedIds = notebookOverflow(Object.entries(merged), MAX_NOTEBOOK_ENTRIES).filter(isPathSafeId);
  const dropped = new Set(droppedIds);
  await recordContestMistakes(db, member._id, { wrongIds: wrongIds.filter((id) => !dropped.has(id)), wrongAt, droppedIds }, now);
}
