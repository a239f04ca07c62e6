import type { MistakesInput, PracticeMistakes } from '../../../types/contracts/practice';
import { compareMistakes, mistakeCursor, parseMistakeCursor } from '../../../core/quiz';
import type { MemberContext } from '../../../server/kernel/router';
import { reservedQuestionIds } from '../reserved';
import { findPracticeMember, listQuestionsByIds } from './practice.repository';

/** `quiz.mistakes`: one page of the 错题本, newest wrong first. DB requests: caller, member doc + reserved pools, the page's questions = 4. */
export async function mistakes({ cursor, pageSize }: MistakesInput, ctx: MemberContext): Promise<PracticeMistakes> {
  const [memberDoc, reserved] = await Promise.all([findPracticeMember(ctx.db, ctx.member._id), reservedQuestionIds(ctx)]);
  // A question an open contest may still ask stays out of the notebook until it closes.
  const entries = Object.entries(memberDoc?.mistakes ?? {})
    .filter(([id]) => !reserved.has(id))
    .sort(compareMistakes);
  const after = cursor === undefined ? null : parseMistakeCursor(cursor);
  const rest = after ? entries.filter((entry) => compareMistakes(entry, after) > 0) : entries;
  const page = rest.slice(0, pageSize);
  const questions = new Map(
    (
      await listQuestionsByIds(
        ctx.db,
        page.map(([id]) => id),
      )
    ).map((q) => [q._id, q]),
  );
  const last = page[page.length - 1];
  return {
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
    nextCursor: rest.length > pageSize && last ? mistakeCursor(last) : null,
    total: entries.length,
  };
}
