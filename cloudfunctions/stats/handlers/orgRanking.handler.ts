import { rankBranches } from '../../../core/stats/summary';
import type { ActionOutput, ParsedInput } from '../../../types/contracts';
import type { MemberContext } from '../../../server/kernel/router';
import { listBranchStats } from '../../../server/stats/progress.repository';
import { toProgrammeView } from '../programmeView';
import { programmeFor, toSummary } from '../progressScope';

/**
 * Every branch's summary, ranked by completion rate, then the share of members who met every item,
 * then the quiz average (core/stats/summary.ts). DB requests: the caller, the programme, the summaries.
 */
export async function orgRanking(
  input: ParsedInput<'stats', 'orgRanking'>,
  ctx: MemberContext,
): Promise<ActionOutput<'stats', 'orgRanking'>> {
  const { db, now } = ctx;
  const programme = await programmeFor(db, input.programmeId, now);
  if (programme === null) return { programme: null, branches: [], asOf: null };
  const stored = await listBranchStats(db, programme._id);
  const latest = stored.reduce<Date | null>((max, doc) => (max === null || doc.updatedAt > max ? doc.updatedAt : max), null);
  return {
    programme: toProgrammeView(programme, now),
    branches: rankBranches(stored.map(toSummary)),
    asOf: latest?.toISOString() ?? null,
  };
}
