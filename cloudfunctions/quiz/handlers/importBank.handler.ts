import { randomUUID } from 'node:crypto';
import type { ImportRowError } from '../../../types/contracts/quiz';
import { normaliseStem } from '../../../types/question';
import { recordAudit } from '../../../server/audit';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { isDuplicateKeyError } from '../../../server/kernel/sdk-errors';
import { parseBankSheet } from '../bank/sheet';
import { findExistingStemKeys, insertQuestionsAtomically } from '../repository';

type ImportBankInput = { mode: 'validate' | 'import'; fileBase64: string };

/**
 * 'validate' reports every row's problems without writing; 'import' writes only a file without any,
 * so a bank never holds half a spreadsheet. Duplicate stems — inside the file or already in the
 * bank — are row errors too.
 */
export async function importBank(input: ImportBankInput, ctx: MemberContext) {
  const { rows, errors, total } = await parseBankSheet(Buffer.from(input.fileBase64, 'base64'));
  const keyed = rows.map((row) => ({ ...row, stemKey: normaliseStem(row.draft.stem) }));

  const firstRowByKey = new Map<string, number>();
  const duplicates: ImportRowError[] = [];
  for (const { row, stemKey } of keyed) {
    const first = firstRowByKey.get(stemKey);
    if (first === undefined) firstRowByKey.set(stemKey, row);
    else duplicates.push({ row, field: '题干', message: `与第 ${first} 行重复` });
  }
  const inBank = await findExistingStemKeys(ctx.db, [...firstRowByKey.keys()]);
  for (const { row, stemKey } of keyed) {
    if (inBank.has(stemKey) && firstRowByKey.get(stemKey) === row) duplicates.push({ row, field: '题干', message: '题库中已有相同题目' });
  }
  const allErrors = [...errors, ...duplicates].sort((a, b) => a.row - b.row);
  if (input.mode === 'validate' || allErrors.length > 0) {
    return { rows: total, imported: 0, errors: allErrors };
  }

  const importId = randomUUID();
  try {
    await insertQuestionsAtomically(
      ctx.db,
      keyed.map(({ draft, stemKey }) => ({ ...draft, stemKey, importId, createdAt: ctx.now })),
      importId,
    );
  } catch (error) {
    // Another import added one of these stems meanwhile; ours was rolled back.
    if (isDuplicateKeyError(error)) fail('CONFLICT', { message: '题库刚被更新，请重新校验后导入' });
    throw error;
  }
  await recordAudit(
    ctx.db,
    {
      at: ctx.now,
      actorId: ctx.member._id,
      action: 'quiz.importBank',
      targetId: importId,
      detail: { imported: keyed.length },
    },
    ctx.log,
  );
  return { rows: total, imported: keyed.length, errors: [] };
}
