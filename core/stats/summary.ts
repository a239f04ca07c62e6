/**
 * A branch's summary built from its members' progress (core/stats/fold.ts) and what the branch held
 * itself, and the org ranking over those summaries. Rates, not totals: a branch's size wins nothing.
 */
import type { BranchSummary } from '../../types/contracts/stats';
import { addToMonth, emptyMonth } from './months';
import { withinWindow } from './rules';
import type { BranchHeld, MemberProgress, MonthCounts, ProgrammeRules } from './types';

export interface BranchBuilt {
  summary: BranchSummary;
  months: Record<string, MonthCounts>;
}

const roundTenth = (value: number) => Math.round(value * 10) / 10;

export function summarizeBranch(
  programme: ProgrammeRules,
  branch: { _id: string; name: string },
  progress: readonly MemberProgress[],
  held: BranchHeld,
): BranchBuilt {
  const itemsDone = Object.fromEntries(programme.items.map((item) => [item.key, 0]));
  const months: Record<string, MonthCounts> = {};
  let studyHours = 0;
  let quizTotal = 0;
  const totals = {
    points: 0,
    checkins: 0,
    submissions: 0,
    approvedWorks: 0,
    awards: 0,
    noShows: 0,
    quizParticipants: 0,
    membersComplete: 0,
  };
  for (const member of progress) {
    for (const key of Object.keys(member.items)) if (key in itemsDone) itemsDone[key]! += 1;
    if (member.doneCount >= programme.items.length) totals.membersComplete += 1;
    studyHours += member.studyHours;
    totals.points += member.points;
    totals.checkins += member.checkins;
    totals.submissions += member.submissions;
    totals.approvedWorks += member.approvedWorks;
    totals.awards += member.awards;
    totals.noShows += member.noShows;
    if (member.quizBest !== null) {
      totals.quizParticipants += 1;
      quizTotal += member.quizBest;
    }
    for (const [key, counts] of Object.entries(member.months)) {
      const month = (months[key] ??= emptyMonth());
      for (const field of Object.keys(counts) as (keyof MonthCounts)[]) month[field] += counts[field];
    }
  }
  const activities = held.activities.filter((activity) => withinWindow(programme, activity.startAt));
  for (const activity of activities) addToMonth(months, activity.startAt, { activitiesHeld: 1 });
  for (const month of Object.values(months)) month.studyHours = roundTenth(month.studyHours);

  const slots = progress.length * programme.items.length;
  const met = Object.values(itemsDone).reduce((sum, count) => sum + count, 0);
  return {
    summary: {
      branchId: branch._id,
      branchName: branch.name,
      members: progress.length,
      itemsDone,
      completionRate: slots === 0 ? 0 : met / slots,
      ...totals,
      studyHours: roundTenth(studyHours),
      activitiesHeld: activities.length,
      quizAverage: totals.quizParticipants === 0 ? null : roundTenth(quizTotal / totals.quizParticipants),
      quotas: programme.branchQuotas.map((quota) => ({
        key: quota.key,
        label: quota.label,
        required: quota.count,
        done:
          quota.source.type === 'story'
            ? held.approvedWorks.filter((work) => work.kind === quota.source.kind).length
            : activities.filter((activity) => activity.kind === quota.source.kind).length,
      })),
    },
    months,
  };
}

type Ranked<S> = S & { rank: number | null };

/** The order of the ranking: completion rate, then the share of members who met every item, then the quiz average. */
function rankKey(summary: BranchSummary): [number, number, number] {
  return [summary.completionRate, summary.membersComplete / summary.members, summary.quizAverage ?? -1];
}

/**
 * Branches best first; equal keys share a rank (1, 1, 3). A branch without members has nothing to
 * be ranked on: it comes last, without a rank.
 */
export function rankBranches<S extends BranchSummary>(summaries: readonly S[]): Ranked<S>[] {
  const withMembers = summaries.filter((summary) => summary.members > 0);
  const keyed = withMembers.map((summary) => ({ summary, key: rankKey(summary) }));
  keyed.sort(
    (a, b) =>
      b.key[0] - a.key[0] || b.key[1] - a.key[1] || b.key[2] - a.key[2] || a.summary.branchName.localeCompare(b.summary.branchName, 'zh'),
  );
  const ranked: Ranked<S>[] = [];
  keyed.forEach(({ summary, key }, index) => {
    const previous = keyed[index - 1];
    const tied = previous !== undefined && previous.key.every((value, i) => value === key[i]);
    ranked.push({ ...summary, rank: tied ? ranked[index - 1]!.rank : index + 1 });
  });
  const unranked = summaries.filter((summary) => summary.members === 0).map((summary) => ({ ...summary, rank: null }));
  return [...ranked, ...unranked];
}
