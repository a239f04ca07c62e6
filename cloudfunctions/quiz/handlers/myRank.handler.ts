import { entryId } from '../../../server/documents';
import type { MemberContext } from '../../../server/kernel/router';
import { countAhead, findEntry } from '../repository';

/** DB requests: caller, my entry, one indexed count = 3. */
export async function myRank(input: { contestId: string }, ctx: MemberContext) {
  const entry = await findEntry(ctx.db, entryId(input.contestId, ctx.member._id));
  if (!entry || entry.score === null) return { rank: null, score: null, durationMs: null };
  return {
    rank: 1 + (await countAhead(ctx.db, input.contestId, entry.sortKey)),
    score: entry.score,
    durationMs: entry.durationMs,
  };
}
