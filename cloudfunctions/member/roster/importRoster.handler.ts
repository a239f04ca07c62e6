import { randomUUID } from 'node:crypto';
import type * as z from 'zod';
import type { importRosterContract } from '../../../types/contracts/roster';
import { recordAudit } from '../../../server/audit';
import type { RosterEntryDoc } from '../../../server/documents';
import { downloadFile } from '../../../server/files';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { isDuplicateKeyError } from '../../../server/kernel/sdk-errors';
import { listOrgs } from '../../../server/orgs.repository';
import type { ImportRowError } from '../../../server/xlsx';
import { findExistingEntries, writeRosterEntries } from './roster.repository';
import { parseRosterSheet, rosterEntryId } from './rosterSheet';

type ImportRosterInput = z.infer<typeof importRosterContract.input>;
type ImportRosterOutput = z.infer<typeof importRosterContract.output>;

/** A roster of 10,000 people is ≈ 300 KB; anything this big is not a roster. */
export const MAX_ROSTER_FILE_BYTES = 5 * 1024 * 1024;

function nothingWritten(rows: number, errors: ImportRowError[]): ImportRosterOutput {
  return { rows, created: 0, updated: 0, importId: null, errors };
}

/**
 * 花名册导入. The file arrives inline (small files, base64 in the call) or as a cloud-storage
 * fileID (large ones); both become one Buffer and take the same path from there.
 */
export async function importRoster(input: ImportRosterInput, ctx: MemberContext): Promise<ImportRosterOutput> {
  let file: Buffer;
  if (input.fileID !== undefined) {
    try {
      file = await downloadFile(input.fileID);
    } catch (error) {
      ctx.log.warn('roster_download_failed', { message: error instanceof Error ? error.message : String(error) });
      fail('NOT_FOUND', { field: 'fileID', message: '云存储中找不到该文件，请重新上传' });
    }
  } else {
    file = Buffer.from(input.fileBase64 ?? '', 'base64');
  }
  return runRosterImport(file, input.mode, ctx);
}

/**
 * Checks every row; 'validate' stops there, 'import' writes only a file with no errors. Entries are
 * upserted by a deterministic id (branch + name + phone tail): a person already on the roster is
 * refreshed in place, never duplicated, and keeps any match to a member who already joined.
 */
export async function runRosterImport(
  file: Buffer,
  mode: 'validate' | 'import',
  ctx: Pick<MemberContext, 'db' | 'now' | 'member' | 'log'>,
): Promise<ImportRosterOutput> {
  if (file.length > MAX_ROSTER_FILE_BYTES) {
    return nothingWritten(0, [{ row: 0, field: '文件', message: '文件超过 5 MB，请检查是否为花名册模板' }]);
  }
  const { rows, errors, total } = await parseRosterSheet(file, await listOrgs(ctx.db));
  if (mode === 'validate' || errors.length > 0) return nothingWritten(total, errors);

  const importId = randomUUID();
  const stamp = { importId, importedAt: ctx.now };
  const ids = rows.map((row) => rosterEntryId(row.branchId, row.name, row.phoneTail));
  const existing = await findExistingEntries(ctx.db, ids);
  const created: RosterEntryDoc[] = [];
  const updated: { id: string; partyStatus: RosterEntryDoc['partyStatus'] }[] = [];
  rows.forEach((row, index) => {
    const id = ids[index]!;
    if (existing.has(id)) updated.push({ id, partyStatus: row.partyStatus });
    else
      created.push({
        _id: id,
        branchId: row.branchId,
        name: row.name,
        partyStatus: row.partyStatus,
        phoneTail: row.phoneTail,
        ...stamp,
        matchedMemberId: null,
      });
  });
  try {
    await writeRosterEntries(ctx.db, created, updated, stamp);
  } catch (error) {
    // Another import added one of these people meanwhile; ours was removed again.
    if (isDuplicateKeyError(error)) fail('CONFLICT', { message: '花名册刚被更新，请重新校验后导入' });
    throw error;
  }
  await recordAudit(
    ctx.db,
    {
      at: ctx.now,
      actorId: ctx.member._id,
      action: 'member.importRoster',
      targetId: importId,
      detail: { rows: total, created: created.length, updated: updated.length },
    },
    ctx.log,
  );
  return { rows: total, created: created.length, updated: updated.length, importId, errors: [] };
}
