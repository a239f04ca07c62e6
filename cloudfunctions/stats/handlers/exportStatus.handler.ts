import type { ActionOutput, ParsedInput } from '../../../types/contracts';
import type { MemberContext } from '../../../server/kernel/router';
import { findJob } from '../exportJobs.repository';

/**
 * How far a 台账 export has got, for the app to show while exportLedger runs: 'unknown' before the
 * export has written its job (the two calls race) or after `cron` cleared it. DB requests: the caller, the job.
 */
export async function exportStatus(
  input: ParsedInput<'stats', 'exportStatus'>,
  ctx: MemberContext,
): Promise<ActionOutput<'stats', 'exportStatus'>> {
  const job = await findJob(ctx.db, input.jobId);
  if (job === null) return { state: 'unknown', done: 0, total: 0 };
  return { state: job.state, done: job.done, total: job.total };
}
