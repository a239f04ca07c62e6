import type { ActionOutput, ParsedInput } from '../../../types/contracts';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { RUNNING_PHASES, startRecompute } from '../../../server/stats/recompute';
import { findProgramme } from '../../../server/stats/progress.repository';

/**
 * Starts a full recompute of the programme's numbers (or reports the one under way); `cron` carries
 * it on a slice a minute until every branch is rebuilt and every campaign's tallies recounted
 * (server/stats/recompute.ts).
 */
export async function recompute(input: ParsedInput<'stats', 'recompute'>, ctx: MemberContext): Promise<ActionOutput<'stats', 'recompute'>> {
  const { db, now } = ctx;
  const programme = await findProgramme(db, input.programmeId);
  if (programme === null) fail('NOT_FOUND', { field: 'programmeId', message: '方案不存在' });
  const state = await startRecompute(db, programme, now, input.restart);
  return {
    state: (RUNNING_PHASES as readonly (string | undefined)[]).includes(state.phase) ? 'running' : 'done',
    phase: state.phase ?? 'done',
    processed: state.processed ?? 0,
    startedAt: (state.startedAt ?? state.updatedAt).toISOString(),
    finishedAt: state.finishedAt?.toISOString() ?? null,
  };
}
