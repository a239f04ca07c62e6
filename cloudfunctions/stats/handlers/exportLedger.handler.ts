import type { ActionOutput, ParsedInput } from '../../../types/contracts';
import { temporaryUrl, uploadFile } from '../../../server/files';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { findProgramme, listBranchStats } from '../../../server/stats/progress.repository';
import { buildWorkbook } from '../../../server/xlsx';
import { listLedgerMembers, startJob, updateJob } from '../exportJobs.repository';
import { ledgerSheets, type BranchLedger } from '../ledgerSheets';

/** Branches read side by side, and written to the job's progress, per step. */
export const BRANCHES_PER_STEP = 20;
/** How long the file stays in storage: `cron` deletes it after (cleanExportFiles). */
const FILE_KEEP_MS = 24 * 60 * 60 * 1000;

/**
 * The 台账 of a programme as an .xlsx in cloud storage (ledgerSheets.ts: org summary, a sheet per
 * branch, the months), from the documents the aggregator built. The app names the job and polls
 * exportStatus with it while this call runs; progress is written every BRANCHES_PER_STEP branches.
 * exceljs loads only here (server/xlsx.ts). DB requests: the caller, the programme, the job, the
 * branches' summaries, then per step its branches' members (a page per thousand) and the progress.
 */
export async function exportLedger(
  input: ParsedInput<'stats', 'exportLedger'>,
  ctx: MemberContext,
): Promise<ActionOutput<'stats', 'exportLedger'>> {
  const { db, member, now, log } = ctx;
  const programme = await findProgramme(db, input.programmeId);
  if (programme === null) fail('NOT_FOUND', { field: 'programmeId', message: '方案不存在' });
  const started = await startJob(db, {
    _id: input.jobId,
    programmeId: programme._id,
    createdBy: member._id,
    state: 'building',
    done: 0,
    total: 0,
    fileId: null,
    fileExpiresAt: null,
    createdAt: now,
    updatedAt: now,
  });
  if (!started) fail('DUPLICATE', { field: 'jobId', message: '该导出已开始，请查看进度' });

  try {
    const branches = (await listBranchStats(db, programme._id)).sort((a, b) => a.branchName.localeCompare(b.branchName, 'zh'));
    await updateJob(db, input.jobId, { total: branches.length });
    const ledgers: BranchLedger[] = [];
    for (let at = 0; at < branches.length; at += BRANCHES_PER_STEP) {
      const step = branches.slice(at, at + BRANCHES_PER_STEP);
      const members = await Promise.all(step.map((stats) => listLedgerMembers(db, programme._id, stats.branchId)));
      step.forEach((stats, index) => ledgers.push({ stats, members: members[index]! }));
      await updateJob(db, input.jobId, { done: ledgers.length });
    }
    const file = await buildWorkbook(ledgerSheets(programme, ledgers));
    const fileId = await uploadFile(`exports/ledger/${programme._id}/${input.jobId}.xlsx`, file);
    await updateJob(db, input.jobId, { state: 'done', fileId, fileExpiresAt: new Date(now.getTime() + FILE_KEEP_MS) });
    return { fileId, url: await temporaryUrl(fileId), fileName: `${programme.title}台账.xlsx`, branches: branches.length };
  } catch (error) {
    // The app stops polling on 'failed'; the error itself reaches the caller as INTERNAL.
    await updateJob(db, input.jobId, { state: 'failed' }).catch((cause: unknown) =>
      log.error('export_job_not_failed', { job: input.jobId, cause: String(cause) }),
    );
    throw error;
  }
}
