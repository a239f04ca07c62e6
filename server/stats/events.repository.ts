/**
 * Everything one branch's numbers are built from, read by branch (ARCHITECTURE.md, "Statistics"):
 * its active members, their check-ins, works, self-reports, contest attempts, 每日一练 days and
 * sign-ups in the programme's window, and the activities the branch organised. Each read pages ≤ 1000 documents per
 * request over an index led by `branchId`, and asks only for the fields the fold reads.
 */
import type { ActivityDoc, AttemptDoc, CheckinDoc, MemberDoc, PracticeDayDoc, SelfReportDoc, SignUpDoc, StoryDoc } from '../documents';
import { fetchAllPages, fetchList, MAX_DOCS_PER_GET, type Database } from '../kernel/db';
import type { AttemptEvent, CheckinEvent, PracticeEvent, ReportEvent, WorkEvent } from '../../core/stats/types';
import type { ProgrammeWindow } from '../../core/stats/rules';

/** A branch of thousands with years of events stays far below; more means something is wrong. */
const MAX_BRANCH_EVENTS = 100_000;

const fields = (names: readonly string[]) => Object.fromEntries(names.map((name) => [name, true]));

export type BranchMember = Pick<MemberDoc, '_id' | 'branchId' | 'name'>;

/** Active members of the branch (index branch_status_name): the ones whose progress counts. */
export function listActiveMembers(db: Database, branchId: string): Promise<BranchMember[]> {
  return fetchAllPages<BranchMember>(
    db
      .collection('members')
      .where({ branchId, status: 'active' })
      .field(fields(['_id', 'branchId', 'name'])),
    MAX_BRANCH_EVENTS,
  );
}

type Owned<T> = T & { memberId: string };

/** Check-ins of the branch's members in the window (index branch_time). */
export function listBranchCheckins(db: Database, branchId: string, window: ProgrammeWindow): Promise<Owned<CheckinEvent>[]> {
  const _ = db.command;
  const picked: (keyof CheckinDoc)[] = ['_id', 'memberId', 'kind', 'activityId', 'countsFor', 'placeName', 'checkedInAt', 'studyHours'];
  return fetchAllPages<Owned<CheckinEvent>>(
    db
      .collection('checkins')
      .where({ branchId, checkedInAt: _.gte(window.startsAt).and(_.lt(window.endsAt)) })
      .field(fields(picked)),
    MAX_BRANCH_EVENTS,
  );
}

export type BranchWork = WorkEvent & { authorId: string };

/** The branch's works submitted before the window's end (index branch_submitted); the fold keeps those in it. */
export function listBranchWorks(db: Database, branchId: string, window: ProgrammeWindow): Promise<BranchWork[]> {
  const picked: (keyof StoryDoc)[] = ['_id', 'authorId', 'kind', 'title', 'status', 'submittedAt', 'approvedAt', 'selection'];
  return fetchAllPages<BranchWork>(
    db
      .collection('stories')
      .where({ branchId, submittedAt: db.command.lt(window.endsAt) })
      .field(fields(picked)),
    MAX_BRANCH_EVENTS,
  );
}

/** The branch's self-reports in the programme (index branch_programme). */
export function listBranchReports(db: Database, branchId: string, programmeId: string): Promise<Owned<ReportEvent>[]> {
  const picked: (keyof SelfReportDoc)[] = ['_id', 'memberId', 'item', 'title', 'status', 'reportedAt', 'decidedAt'];
  return fetchAllPages<Owned<ReportEvent>>(
    db.collection('self_reports').where({ branchId, programmeId }).field(fields(picked)),
    MAX_BRANCH_EVENTS,
  );
}

/** Submitted contest attempts of the branch's members in the window (index branch_submitted). */
export function listBranchAttempts(db: Database, branchId: string, window: ProgrammeWindow): Promise<Owned<AttemptEvent>[]> {
  const _ = db.command;
  const picked: (keyof AttemptDoc)[] = ['_id', 'memberId', 'contestId', 'submittedAt', 'score', 'maxScore'];
  return fetchAllPages<Owned<AttemptEvent>>(
    db
      .collection('attempts')
      .where({ branchId, submittedAt: _.gte(window.startsAt).and(_.lt(window.endsAt)) })
      .field(fields(picked)),
    MAX_BRANCH_EVENTS,
  );
}

/**
 * 每日一练 days the branch's members handed in within the window (index branch_submitted). A day's
 * document carries the branch the member was in when they drew it, as a check-in or an attempt does;
 * a day drawn but never handed in has no `submittedAt` and is not read.
 */
export function listBranchPracticeDays(db: Database, branchId: string, window: ProgrammeWindow): Promise<Owned<PracticeEvent>[]> {
  const _ = db.command;
  const picked: (keyof PracticeDayDoc)[] = ['_id', 'memberId', 'day', 'submittedAt'];
  return fetchAllPages<Owned<PracticeEvent>>(
    db
      .collection('practice_days')
      .where({ branchId, submittedAt: _.gte(window.startsAt).and(_.lt(window.endsAt)) })
      .field(fields(picked)),
    MAX_BRANCH_EVENTS,
  );
}

export type BranchSignUp = Pick<SignUpDoc, 'activityId' | 'memberId' | 'status'>;

/** Places the branch's members hold (status signed; index branch_status): the candidates for a no-show. */
export function listBranchSignedUps(db: Database, branchId: string): Promise<BranchSignUp[]> {
  return fetchAllPages<BranchSignUp>(
    db
      .collection('sign_ups')
      .where({ branchId, status: 'signed' })
      .field(fields(['activityId', 'memberId', 'status'])),
    MAX_BRANCH_EVENTS,
  );
}

export type ActivityTimes = Pick<ActivityDoc, '_id' | 'kind' | 'startAt' | 'endAt' | 'status'>;
const ACTIVITY_TIMES: (keyof ActivityDoc)[] = ['_id', 'kind', 'startAt', 'endAt', 'status'];

/** When and whether the given activities happen, by `_id`, a thousand per read. */
export async function findActivityTimes(db: Database, ids: readonly string[]): Promise<Map<string, ActivityTimes>> {
  const unique = [...new Set(ids)];
  const found = new Map<string, ActivityTimes>();
  for (let from = 0; from < unique.length; from += MAX_DOCS_PER_GET) {
    const slice = unique.slice(from, from + MAX_DOCS_PER_GET);
    const page = await fetchList<ActivityTimes>(
      db
        .collection('activities')
        .where({ _id: db.command.in(slice) })
        .field(fields(ACTIVITY_TIMES))
        .limit(slice.length),
    );
    for (const activity of page) found.set(activity._id, activity);
  }
  return found;
}

/** Activities the branch organised that started in the window (index branch_start). */
export function listActivitiesOrganised(db: Database, branchId: string, window: ProgrammeWindow): Promise<ActivityTimes[]> {
  const _ = db.command;
  return fetchAllPages<ActivityTimes>(
    db
      .collection('activities')
      .where({ branchId, startAt: _.gte(window.startsAt).and(_.lt(window.endsAt)) })
      .field(fields(ACTIVITY_TIMES)),
    MAX_BRANCH_EVENTS,
  );
}
