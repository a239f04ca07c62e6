import { deleteFiles } from '../../../server/files';
import type { TimerJob } from '../../../server/kernel/timer';
import { listExpiredExports, removeExportJobs } from '../cleanup.repository';

/** Files one run deletes: one deleteFile call takes 50; the rest wait for the next minute. */
export const MAX_EXPORT_FILES_PER_RUN = 50;

/**
 * 台账 files kept for a day (exportLedger sets fileExpiresAt). Files first, then their jobs, so a run
 * cut off in between deletes the rest next time (a file already gone is no error).
 */
export const cleanExportFiles: TimerJob = {
  name: 'cleanExportFiles',
  async run({ db, now }) {
    const expired = await listExpiredExports(db, now, MAX_EXPORT_FILES_PER_RUN);
    if (expired.length === 0) return { files: 0 };
    await deleteFiles(expired.flatMap((job) => (job.fileId === null ? [] : [job.fileId])));
    await removeExportJobs(
      db,
      expired.map((job) => job._id),
    );
    return { files: expired.length };
  },
};
