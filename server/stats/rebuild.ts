/**
 * The unit of work of the statistics (ARCHITECTURE.md, "Statistics"): one branch of one programme,
 * rebuilt from its events. Every member's progress is folded from scratch (core/stats/fold.ts), the
 * branch's summary is built from those, and only what differs from what is stored is written, so
 * rebuilding twice writes nothing the second time and any run may be repeated or cut short.
 */
import { isDeepStrictEqual } from 'node:util';
import { foldProgress } from '../../core/stats/fold';
import { summarizeBranch } from '../../core/stats/summary';
import { withinWindow } from '../../core/stats/rules';
import type { LedgerEntry, MemberEvents, MemberProgress, SignUpEvent } from '../../core/stats/types';
import { branchStatsId, progressId, type ProgrammeDoc, type ProgressDoc } from '../documents';
import type { Database } from '../kernel/db';
import { findOrgName } from '../orgs.repository';
import {
  findActivityTimes,
  listActiveMembers,
  listActivitiesOrganised,
  listBranchAttempts,
  listBranchCheckins,
  listBranchPracticeDays,
  listBranchReports,
  listBranchSignedUps,
  listBranchWorks,
} from './events.repository';
import { applyChanges, listBranchProgress, saveBranchStats, type DocChanges } from './progress.repository';

/**
 * Branches the recompute and the aggregator rebuild side by side: each rebuild is a chain of a few round trips (its reads,
 * then its writes), so a few at once take about the time of one; few enough that a run cut short redoes little.
 */
export const BRANCHES_AT_ONCE = 4;

export interface RebuildReport {
  members: number;
  progressWritten: number;
}

function groupBy<T>(list: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of list) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** What to add, overwrite and remove so the stored documents become `built`; `same` ignores what may differ unseen (a stamp). */
function diff<T extends { _id: string }>(stored: readonly T[], built: readonly T[], same: (a: T, b: T) => boolean): DocChanges<T> {
  const storedById = new Map(stored.map((doc) => [doc._id, doc]));
  const builtIds = new Set(built.map((doc) => doc._id));
  const changes: DocChanges<T> = {
    added: [],
    changed: [],
    removedIds: stored.filter((doc) => !builtIds.has(doc._id)).map((doc) => doc._id),
  };
  for (const doc of built) {
    const before = storedById.get(doc._id);
    if (before === undefined) changes.added.push(doc);
    else if (!same(before, doc)) changes.changed.push(doc);
  }
  return changes;
}

const sameProgress = (a: ProgressDoc, b: ProgressDoc) => isDeepStrictEqual({ ...a, updatedAt: null }, { ...b, updatedAt: null });

/** Newest first, ties in one fixed order, so the same events always store the same ledger. */
function newestFirst(a: LedgerEntry, b: LedgerEntry): number {
  return (
    b.at.getTime() - a.at.getTime() ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
    (a.refId < b.refId ? -1 : a.refId > b.refId ? 1 : 0)
  );
}

export async function rebuildBranch(db: Database, programme: ProgrammeDoc, branchId: string, now: Date): Promise<RebuildReport> {
  const [members, checkins, works, reports, attempts, practiceDays, signedUps, organised, storedProgress, branchName] = await Promise.all([
    listActiveMembers(db, branchId),
    listBranchCheckins(db, branchId, programme),
    listBranchWorks(db, branchId, programme),
    listBranchReports(db, branchId, programme._id),
    listBranchAttempts(db, branchId, programme),
    listBranchPracticeDays(db, branchId, programme),
    listBranchSignedUps(db, branchId),
    listActivitiesOrganised(db, branchId, programme),
    listBranchProgress(db, programme._id, branchId),
    findOrgName(db, branchId),
  ]);
  const activityTimes = await findActivityTimes(
    db,
    signedUps.map((signUp) => signUp.activityId),
  );

  const checkinsBy = groupBy(checkins, (checkin) => checkin.memberId);
  const worksBy = groupBy(works, (work) => work.authorId);
  const reportsBy = groupBy(reports, (report) => report.memberId);
  const attemptsBy = groupBy(attempts, (attempt) => attempt.memberId);
  const practiceDaysBy = groupBy(practiceDays, (practice) => practice.memberId);
  const signUpsBy = groupBy(
    signedUps.flatMap((signUp): (SignUpEvent & { memberId: string })[] => {
      const activity = activityTimes.get(signUp.activityId);
      return activity ? [{ ...signUp, activity }] : [];
    }),
    (signUp) => signUp.memberId,
  );

  const folded: MemberProgress[] = [];
  const builtProgress: ProgressDoc[] = [];
  for (const member of members) {
    const events: MemberEvents = {
      checkins: checkinsBy.get(member._id) ?? [],
      works: worksBy.get(member._id) ?? [],
      reports: reportsBy.get(member._id) ?? [],
      attempts: attemptsBy.get(member._id) ?? [],
      signUps: signUpsBy.get(member._id) ?? [],
      practiceDays: practiceDaysBy.get(member._id) ?? [],
    };
    const { progress, ledger } = foldProgress(programme, { ...member, branchId }, events, now);
    folded.push(progress);
    const { months, ...stored } = progress;
    builtProgress.push({
      _id: progressId(programme._id, member._id),
      programmeId: programme._id,
      ...stored,
      ledger: [...ledger].sort(newestFirst),
      updatedAt: now,
    });
  }

  const activeIds = new Set(members.map((member) => member._id));
  const { summary, months } = summarizeBranch(programme, { _id: branchId, name: branchName }, folded, {
    activities: organised.filter((activity) => activity.status !== 'draft' && activity.status !== 'cancelled' && activity.endAt <= now),
    approvedWorks: works.filter(
      (work) => activeIds.has(work.authorId) && work.status === 'approved' && withinWindow(programme, work.approvedAt),
    ),
  });
  // The writes are independent (the summary is built from the progress in memory), so they go side by side.
  const [progressWritten] = await Promise.all([
    applyChanges(db, 'programme_progress', branchId, diff(storedProgress, builtProgress, sameProgress)),
    saveBranchStats(db, {
      _id: branchStatsId(programme._id, branchId),
      programmeId: programme._id,
      ...summary,
      months,
      updatedAt: now,
    }),
  ]);
  return { members: members.length, progressWritten };
}
