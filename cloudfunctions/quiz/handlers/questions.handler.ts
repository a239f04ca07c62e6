import type { BankQuestion } from '../../../types/contracts/quiz';
import type { PageInput } from '../../../types/common';
import type { QuestionCategory } from '../../../types/question';
import type { QuestionDoc } from '../../../server/documents';
import { decodeOffsetCursor, toPage } from '../../../server/kernel/paging';
import type { MemberContext } from '../../../server/kernel/router';
import { listBankPage } from '../repository';

/** The bank with answers: routed to org admins only. */
export async function questions(input: PageInput & { category?: QuestionCategory }, ctx: MemberContext) {
  const offset = decodeOffsetCursor(input.cursor);
  const rows = await listBankPage(ctx.db, input.category, offset, input.pageSize + 1);
  return toPage(rows.map(toBankQuestion), input.pageSize, offset);
}

function toBankQuestion(doc: QuestionDoc): BankQuestion {
  return {
    id: doc._id,
    type: doc.type,
    stem: doc.stem,
    options: doc.options,
    answer: doc.answer,
    explanation: doc.explanation,
    category: doc.category,
    difficulty: doc.difficulty,
    source: doc.source,
  };
}
