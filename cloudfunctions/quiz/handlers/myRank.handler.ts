import { entryId } from '../../../server/documents';
import type { MemberContext } from '../../../server/kernel/router';
import { countAhead, findEntry } from '../repository';
import { findBoardContest } from '../visibleBoard';

/** The caller's place on the board, under the board's own visibility. DB requests: caller, contest + my entry (in parallel), one indexed count = 4. */
export async function myRank(input: { contestId: string }, ctx: MemberContext) {
  const [contest, entry] = await Promise.all([
    findBoardContest(ctx, input.contestId),
    findEntry(ctx.db, entryId(input.contestId, ctx.member._id)),
  ]);
  if (!entry || entry.score === null) return { rank: null, score: null, durationMs: null };
  return {
    rank: 1 + (await countAhead(ctx.db, contest._id, entry.sortKey)),
    score: entry.score,
    durationMs: entry.durationMs,
  };
}
