import type { AdminContest, ContestAdminStatus } from '../../../types/contracts/quiz';
import { adminStatusAt } from '../../../core/quiz';
import type { ContestDoc } from '../../../server/documents';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { contestRulesView } from '../contestRules';
import { findContest } from '../repository';
import { aggregateContestTotals, listContestsForAdmin, type ContestTotalsRow } from './organiser.repository';

/** Any contest, draft or published, for its organisers; an unknown id is NOT_FOUND. */
export async function findAnyContest(ctx: MemberContext, contestId: string): Promise<ContestDoc> {
  const contest = await findContest(ctx.db, contestId);
  if (!contest) fail('NOT_FOUND');
  return contest;
}

/** 竞赛管理: every contest with its organiser status, participation and average. DB requests: caller, contests, totals = 3. */
export async function adminContests(input: { status?: ContestAdminStatus }, ctx: MemberContext): Promise<{ items: AdminContest[] }> {
  const contests = (await listContestsForAdmin(ctx.db)).filter(
    (contest) => input.status === undefined || adminStatusAt(contest, ctx.now) === input.status,
  );
  const totals = new Map(
    (
      await aggregateContestTotals(
        ctx.db,
        contests.filter((contest) => contest.status === 'published').map((contest) => contest._id),
      )
    ).map((row) => [row._id, row]),
  );
  return { items: contests.map((contest) => toAdminContest(contest, ctx.now, totals.get(contest._id))) };
}

export function toAdminContest(contest: ContestDoc, now: Date, totals: ContestTotalsRow | undefined): AdminContest {
  const participants = totals?.participants ?? 0;
  return {
    id: contest._id,
    title: contest.title,
    status: adminStatusAt(contest, now),
    startAt: contest.startAt.toISOString(),
    endAt: contest.endAt.toISOString(),
    closedEarly: contest.closedEarly === true,
    questionCount: contest.questionCount,
    timeLimitSec: contest.timeLimitSec,
    attemptsAllowed: contest.attemptsAllowed,
    rules: contest.rules,
    pointsPerQuestion: contest.pointsPerQuestion,
    counts: contest.counts,
    showExplanations: contest.showExplanations,
    leaderboardVisible: contest.leaderboardVisible,
    audienceBranchIds: contest.audienceBranchIds,
    ...contestRulesView(contest),
    participantCount: participants,
    averageScore: participants > 0 ? (totals?.scoreSum ?? 0) / participants : null,
  };
}
