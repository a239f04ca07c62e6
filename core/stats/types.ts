/**
 * The shapes the statistics' pure rules read and build. Events are the fields the fold needs of the
 * stored documents (server/documents.ts picks from those, so a stored document is an event as it is).
 */
import type { EvidenceType, PointRule, PointsRules, ProgrammeItem, BranchQuota } from '../../types/contracts/stats';
import type { ProgrammeItemKey, SignUpStatus, StoryAward, StoryKind, StoryStatus, ActivityKind, ActivityStatus } from '../../types/labels';

/** One Asia/Shanghai month's counts, for a member's progress and a branch's summary. */
export interface MonthCounts {
  checkins: number;
  submissions: number;
  approvedWorks: number;
  activitiesHeld: number;
  itemsDone: number;
  studyHours: number;
}

/** What a programme's numbers depend on. */
export interface ProgrammeRules {
  startsAt: Date;
  endsAt: Date;
  items: ProgrammeItem[];
  branchQuotas: BranchQuota[];
  points: PointsRules;
}

export interface CheckinEvent {
  _id: string;
  kind: 'activity' | 'base';
  activityId: string | null;
  countsFor: ProgrammeItemKey | null;
  placeName: string;
  checkedInAt: Date;
  studyHours: number | null;
}

export interface WorkEvent {
  _id: string;
  kind: StoryKind;
  title: string;
  status: StoryStatus;
  submittedAt: Date | null;
  approvedAt: Date | null;
  selection: { award: StoryAward | null; at: Date } | null;
}

export interface ReportEvent {
  _id: string;
  item: ProgrammeItemKey;
  title: string;
  status: 'pending' | 'confirmed' | 'declined';
  reportedAt: Date;
  decidedAt: Date | null;
}

export interface AttemptEvent {
  _id: string;
  contestId: string;
  submittedAt: Date;
  score: number;
  maxScore: number;
}

/** A day's 每日一练 the member handed in: one per member and Asia/Shanghai day (`day`, YYYY-MM-DD). */
export interface PracticeEvent {
  _id: string;
  day: string;
  submittedAt: Date;
}

/** A member's sign-up with the activity it is for: a signed place at an activity that ended without a check-in is a no-show. */
export interface SignUpEvent {
  activityId: string;
  status: SignUpStatus;
  activity: { startAt: Date; endAt: Date; status: ActivityStatus };
}

export interface MemberEvents {
  checkins: CheckinEvent[];
  works: WorkEvent[];
  reports: ReportEvent[];
  attempts: AttemptEvent[];
  signUps: SignUpEvent[];
  practiceDays: PracticeEvent[];
}

export interface ItemEvidence {
  type: EvidenceType;
  refId: string;
  label: string;
  at: Date;
}

/** A member's standing in a programme, as the fold builds it from their events. */
export interface MemberProgress {
  memberId: string;
  branchId: string;
  name: string;
  items: Partial<Record<ProgrammeItemKey, ItemEvidence>>;
  doneCount: number;
  pendingReports: ProgrammeItemKey[];
  studyHours: number;
  points: number;
  checkins: number;
  submissions: number;
  approvedWorks: number;
  awards: number;
  noShows: number;
  quizAttempted: boolean;
  /** Best score over maximum in the programme's window, 0–100; null without an attempt. */
  quizBest: number | null;
  months: Record<string, MonthCounts>;
}

/** One entry behind a member's points: the rule, and the event it was earned by (`refId`). */
export interface LedgerEntry {
  rule: PointRule;
  refId: string;
  points: number;
  label: string;
  at: Date;
}

/** What a branch did itself in the window, beside its members' progress: activities it held, works approved. */
export interface BranchHeld {
  activities: { kind: ActivityKind; startAt: Date }[];
  approvedWorks: { kind: StoryKind }[];
}
