import { isInAudience } from '../../core/quiz';
import type { ContestDoc } from '../../server/documents';
import { fail } from '../../server/kernel/failure';
import type { MemberContext } from '../../server/kernel/router';
import { findContest } from './repository';

/**
 * The contest whose boards (leaderboard, branchBoard, myRank) the caller may read, by the rules
 * `contests` and `start` apply: published (a draft or unknown id is NOT_FOUND), the caller's branch
 * in its audience, and its leaderboard public. Org admins organise contests, so they may read any
 * published contest's boards.
 */
export async function findBoardContest(ctx: MemberContext, contestId: string): Promise<ContestDoc> {
  const contest = await findContest(ctx.db, contestId);
  if (!contest || contest.status !== 'published') fail('NOT_FOUND');
  if (ctx.member.role === 'org_admin') return contest;
  if (!isInAudience(contest, ctx.member.branchId)) fail('FORBIDDEN', { message: '本场竞赛不面向你所在的支部' });
  if (!contest.leaderboardVisible) fail('FORBIDDEN', { message: '本场竞赛不公开排行榜' });
  return contest;
}
