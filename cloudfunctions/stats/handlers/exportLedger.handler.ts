import type { ActionOutput, ParsedInput } from '../../../types/contracts';
import { temporaryUrl, uploadFile } from '../../../server/files';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { findProgramme, listBranchStats } from '../../../server/stats/progress.repository';
import { buildWorkbook } from '../../../server/xlsx';
import type { BranchStatsDoc } from '../../../server/documents';
import type { Database } from '../../../server/kernel/db';
import { listLedgerMembers, startJob, updateJob, type LedgerMember } from '../exportJobs.repository';
import { ledgerSheets } from '../ledgerSheets';

/** Branches read side by side, and written to the job's progress, per step. */
export const BRANCHES_PER_STEP = 20;
/** How long the file stays in storage: `cron` deletes it after (cleanExportFiles). */
const FILE_KEEP_MS = 24 * 60 * 60 * 1000;

/**
 * The branches' members for their sheets, read a step of BRANCHES_PER_STEP branches side by side as
 * the writer reaches the step, the next step's read started at once so it runs while this step's
 * sheets are written; a step is dropped once the writer has moved past it, so at most two steps'
 * members are held. Each step read writes the job's progress.
 */
function membersInSteps(
  db: Database,
  programmeId: string,
  branches: readonly BranchStatsDoc[],
  progress: (done: number) => Promise<void>,
): (index: number) => Promise<LedgerMember[]> {
  const steps = new Map<number, Promise<LedgerMember[][]>>();
  const step = (from: number) => {
    let read = steps.get(from);
    if (read === undefined && from < branches.length) {
      const slice = branches.slice(from, from + BRANCHES_PER_STEP);
      read = Promise.all(slice.map((stats) => listLedgerMembers(db, programmeId, stats.branchId))).then(async (members) => {
        await progress(from + slice.length);
        return members;
      });
      // Awaited when the writer reaches it; marked handled now so a failure waiting there is not reported as unhandled first.
      read.catch(() => undefined);
      steps.set(from, read);
    }
    return read;
  };
  return async (index) => {
    const from = index - (index % BRANCHES_PER_STEP);
    for (const started of steps.keys()) if (started < from) steps.delete(started);
    // Started only: its failure, if any, is thrown when the writer reaches it (the read is marked handled in step).
    void step(from + BRANCHES_PER_STEP);
    return (await step(from)!)[index - from]!;
  };
}

/**
 * The 台账 of a programme as an .xlsx in cloud storage (ledgerSheets.ts: org summary, a sheet per
 * branch, the months), from the documents the aggregator built, written as it is read
 * (membersInSteps). The app names the job and polls exportStatus with it while this call runs.
 * DB requests: the caller, the programme, the job, the branches' summaries, then per step its
 * branches' members (a page per thousand) and the progress.
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
    const membersOf = membersInSteps(db, programme._id, branches, (done) => updateJob(db, input.jobId, { done }));
    const file = await buildWorkbook(ledgerSheets(programme, branches, membersOf));
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
