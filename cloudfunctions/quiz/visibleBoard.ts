import type { ContestDoc } from '../../server/documents';
import { fail } from '../../server/kernel/failure';
import type { MemberContext } from '../../server/kernel/router';
import { findContest } from './repository';

/** The contest whose boards the caller may read: published, and public unless the caller is an org admin. */
export async function findBoardContest(ctx: MemberContext, contestId: string): Promise<ContestDoc> {
  const contest = await findContest(ctx.db, contestId);
  if (!contest || contest.status !== 'published') fail('NOT_FOUND');
  if (!contest.leaderboardVisible && ctx.member.role !== 'org_admin') fail('FORBIDDEN', { message: '本场竞赛不公开排行榜' });
  return contest;
}
