import { isInAudience, reservesPool } from '../../core/quiz';
import type { MemberContext } from '../../server/kernel/router';
import { listContestsEndingAfter } from './repository';

/**
 * The questions a contest that has not closed may still ask the caller: the pools of published
 * contests in their audience that end after now (upcoming ones too — their pools are fixed).
 * Practice, its review, the 错题本 and other contests' reviews never show these answers. One
 * indexed request (the open/upcoming contests, a page that covers them all).
 */
export async function reservedQuestionIds(ctx: MemberContext, exceptContestId?: string): Promise<Set<string>> {
  const contests = await listContestsEndingAfter(ctx.db, ctx.now);
  return new Set(
    contests
      .filter((contest) => contest._id !== exceptContestId && reservesPool(contest, ctx.now) && isInAudience(contest, ctx.member.branchId))
      .flatMap((contest) => (contest.pool ?? []).map((question) => question.id)),
  );
}
