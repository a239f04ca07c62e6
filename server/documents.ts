/**
 * Stored document shapes and their key conventions (derived `_id`s, sort keys), shared by the
 * functions' repositories, the emulator's seed and the bench so they can never drift. Instants are
 * Dates (UTC); what leaves a function is mapped to the contracts in types/.
 */
import type { CheckinFence } from '../types/contracts/checkin';
import type { BranchQuota, BranchSummary, PointsRules, ProgrammeItem } from '../types/contracts/stats';
import type { LedgerEntry, MemberProgress, MonthCounts } from '../core/stats/types';
import type { LocationReading } from '../core/geo';
import type { RateLimitGuard } from '../core/rateLimit';
import { countWords } from '../core/story/wordCount';
import { shanghaiDay } from '../core/time';
import type {
  ActivityKind,
  ActivityStatus,
  AttemptFlag,
  BaseLevel,
  CheckinMethod,
  OrgKind,
  PartyStatus,
  ProgrammeItemKey,
  Role,
  SignUpStatus,
  StoryAward,
  StoryKind,
  StoryStatus,
} from '../types/labels';
import type { QuestionCategory, QuestionDraft, QuestionType } from '../types/question';
import type { ContestPace, ReviewPolicy } from '../types/contracts/quiz';
import type { BrandQuota } from '../types/contracts/brand';
import type { BrandKey, BrandNominationStatus } from '../types/labels';
import type { PoolQuestion } from '../core/quiz/draw';
import type { UnitTally } from '../core/brand/board';

export const MEMBER_STATUSES = ['pending', 'active', 'rejected', 'left', 'withdrawn'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** Identity is the platform-injected OPENID, never anything the phone sends. */
export interface MemberDoc {
  _id: string;
  openid: string;
  name: string;
  branchId: string;
  role: Role;
  partyStatus: PartyStatus;
  status: MemberStatus;
  phoneTail?: string;
  joinedAt: Date;
  createdAt: Date;
  updatedAt: Date;
  /**
   * Wrong or expired check-in codes lately, kept on the profile every call already reads, so the
   * lockout costs a scan no extra request (CHECKIN_CODE_LIMIT). Absent until the first one.
   */
  checkinGuard?: RateLimitGuard;
  /**
   * Set when this person joined again after deleting their data while a contest they had used
   * attempts in was still open (server/attemptLedger.ts): only then does `quiz.start` read a ledger.
   */
  hasAttemptLedger?: true;
}

/** 党委 → 党总支 → 党支部. `activeMemberCount` is kept by member writes so the tree never counts members. */
export interface OrgDoc {
  _id: string;
  name: string;
  kind: OrgKind;
  parentId: string | null;
  order: number;
  activeMemberCount: number;
}

/** One document per person per privacy-guide version: accepting again is an idempotent write. */
export function consentId(openid: string, version: string): string {
  return `${version}_${openid}`;
}

export interface ConsentDoc {
  /** consentId(openid, version). */
  _id: string;
  openid: string;
  version: string;
  acceptedAt: Date;
}

export interface ActivityDoc {
  /** A 12-character code (server/shortId.ts), short enough for a 小程序码 scene. */
  _id: string;
  kind: ActivityKind;
  title: string;
  description: string;
  coverFileId: string | null;
  /** Organising branch; null for an org-wide activity. */
  branchId: string | null;
  /** ['all'] or the branch ids that may see and join it: one multikey `in` serves "what can I see". */
  audience: string[];
  place: string;
  baseId: string | null;
  online: boolean;
  startAt: Date;
  endAt: Date;
  signUpOpensAt: Date | null;
  signUpDeadline: Date;
  capacity: number | null;
  waitlist: boolean;
  countsFor: ProgrammeItemKey | null;
  studyHours: number | null;
  status: ActivityStatus;
  cancelReason: string | null;
  /**
   * How many sign-ups are in each status, moved by the same atomic conditional updates that move a
   * sign-up between statuses, so they equal the sign-up records (ARCHITECTURE.md, "Sign-ups").
   */
  signedUpCount: number;
  waitlistCount: number;
  leaveCount: number;
  cancelledCount: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
  /** The activity's 小程序码 in cloud storage, once a poster asked for it (activity.posterCode). */
  wxacodeFileId?: string;
  /** Where check-ins are located against, set by checkin.issueCode; absent until then. */
  checkinFence?: CheckinFence | null;
}

/** One member's place in one activity (`_id` = signUpId), kept through every status change. */
export interface SignUpDoc {
  _id: string;
  activityId: string;
  memberId: string;
  branchId: string;
  name: string;
  status: SignUpStatus;
  /** Server time the member joined the line; the waitlist is served in (signedUpAt, _id) order. */
  signedUpAt: Date;
  updatedAt: Date;
  leaveReason: string | null;
  /** The organiser who added this member over capacity, if one did. */
  addedBy: string | null;
  /**
   * Subscribe messages the member accepted for this activity and `cron` has not used yet: WeChat lets
   * one message through per acceptance of a one-time template, so each tap that accepts adds one and
   * each message sent takes one (ARCHITECTURE.md, "Notifications").
   */
  subscribeCredits: number;
}

export function signUpId(activityId: string, memberId: string): string {
  return `${activityId}_${memberId}`;
}

export type NoticeKind = 'reminder' | 'promoted' | 'changed' | 'cancelled';

/**
 * What the review chain tells a work's author (issue 13): approved, returned with the comment,
 * recommended by the branch, selected by the org (with its award), refused by the media check.
 */
export const STORY_NOTICE_KINDS = ['storyApproved', 'storyReturned', 'storyRecommended', 'storySelected', 'storyRejected'] as const;
export type StoryNoticeKind = (typeof STORY_NOTICE_KINDS)[number];

interface OutboxNotice {
  _id: string;
  memberId: string;
  openid: string;
  /** What the message says, already in its template's words (core/activity/notice.ts, core/story/notice.ts). */
  data: Record<string, string>;
  page: string;
  /** What the notice is about, where it can recur (a reminder: the start it announces, in ms; a work: its version). */
  version: string | null;
  state: 'pending' | 'sending' | 'sent' | 'failed' | 'skipped';
  /** Why a notice was skipped or failed, for the logs and the organiser's questions. */
  reason: string | null;
  dueAt: Date;
  createdAt: Date;
  sentAt: Date | null;
  /** The subscribeMessage.send parameters as sent: locally, the record of what WeChat would have shown. */
  payload: SubscribeMessagePayload | null;
}

/** A notice about an activity: a reminder, a promotion from the waitlist, a change or a cancellation. */
export interface ActivityNotificationDoc extends OutboxNotice {
  kind: NoticeKind;
  activityId: string;
}

/** A notice to a work's author about a step of its review chain; sent with the story template. */
export interface StoryNotificationDoc extends OutboxNotice {
  kind: StoryNoticeKind;
  storyId: string;
}

/** A secretary's reminder to a member behind in a programme (issue 14); sent with the study template, at most one a day. */
export interface StudyNotificationDoc extends OutboxNotice {
  kind: 'studyReminder';
  programmeId: string;
}

/**
 * A subscribe message in the outbox, for one member about one event. The `_id` (noticeId) names the
 * event, so writing the same notice twice is one document and `cron` sends each once. `cron` moves
 * it pending → sending (its claim) → sent, failed or skipped, never back. The kind tells which
 * template it goes out with (cloudfunctions/cron/subscribeMessage.ts).
 */
export type NotificationDoc = ActivityNotificationDoc | StoryNotificationDoc | StudyNotificationDoc;

export function isStoryNotice(notice: NotificationDoc): notice is StoryNotificationDoc {
  return (STORY_NOTICE_KINDS as readonly string[]).includes(notice.kind);
}

/** A notice about an activity: the only kind that spends a sign-up's subscribe-message credit. */
export function isActivityNotice(notice: NotificationDoc): notice is ActivityNotificationDoc {
  return 'activityId' in notice;
}

export interface SubscribeMessagePayload {
  touser: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
  miniprogramState: 'developer' | 'trial' | 'formal';
}

/** A notice's `_id`: kind, the activity or work, member and the version where the event can recur. */
export function noticeId(kind: NotificationDoc['kind'], subjectId: string, memberId: string, version: string | null): string {
  return [kind, subjectId, memberId, version].filter((part) => part !== null).join('_');
}

/**
 * One change that concerns everyone holding a place in an activity (a reminder before the start, a
 * moved time or place, a cancellation), written once by whoever made it; `cron` expands it into
 * one notice per member, a page of sign-ups at a time, resuming from `cursor` if a run ends early.
 */
export interface ActivityEventDoc {
  /** activityEventId: a change is one event however often it is written. */
  _id: string;
  kind: Exclude<NoticeKind, 'promoted'>;
  activityId: string;
  version: string | null;
  /** Who is told: sign-ups in these statuses that joined the line no later than `heldAt`. */
  statuses: SignUpStatus[];
  heldAt: Date;
  /** The notices' words and page, fixed when the change was made. */
  data: Record<string, string>;
  page: string;
  state: 'pending' | 'done';
  /**
   * Where expansion resumes: sign-ups from `signedUpAt` on, the first `skip` of those at exactly that
   * instant done already. Null before the first page.
   */
  cursor: { signedUpAt: Date; skip: number } | null;
  /** Notices written from this event so far. */
  queued: number;
  createdAt: Date;
  doneAt: Date | null;
}

export function activityEventId(kind: ActivityEventDoc['kind'], activityId: string, version: string | null): string {
  return [kind, activityId, version].filter((part) => part !== null).join('_');
}

/**
 * A red-education base. The seed (emulator/seed/bases.ts) predates `level` and `photoFileIds`, so
 * documents may lack them: a missing level reads as none known, missing photos as none.
 */
export interface BaseDoc {
  _id: string;
  name: string;
  level?: BaseLevel | null;
  county: string;
  address: string;
  latitude: number;
  longitude: number;
  approximate: boolean;
  radiusM: number;
  theme: string;
  intro: string;
  photoFileIds?: string[];
  createdAt: Date;
  updatedAt?: Date;
  /** The printed check-in 小程序码 in cloud storage, once an admin asked for it (checkin.baseCode). */
  wxacodeFileId?: string;
}

/**
 * One check-in. The `_id` is the rule "one per member per activity, one per member per base per
 * day" (checkinId), so concurrent or replayed scans collide on insert and only one is kept.
 */
export interface CheckinDoc {
  _id: string;
  kind: 'activity' | 'base';
  activityId: string | null;
  baseId: string | null;
  /** Asia/Shanghai day of `checkedInAt` (YYYY-MM-DD). */
  day: string;
  memberId: string;
  branchId: string;
  name: string;
  /** The activity's title or the base's name when it happened. */
  placeName: string;
  method: CheckinMethod;
  checkedInAt: Date;
  /**
   * When the server last received a scan for it — the 签到, then the 签退 that credits 学时 — later
   * than `checkedInAt` for a scan queued offline: the statistics' aggregator finds changes by it.
   */
  receivedAt: Date;
  offline: boolean;
  location: LocationReading | null;
  distanceM: number | null;
  /** The fence centre it was checked against (or the base's point), for the footprint map. */
  latitude: number | null;
  longitude: number | null;
  countsFor: ProgrammeItemKey | null;
  photoFileId: string | null;
  /** The organiser who scanned or back-filled it. */
  recordedBy: { memberId: string; name: string } | null;
  reason: string | null;
  checkedOutAt: Date | null;
  presentMinutes: number | null;
  studyHours: number | null;
}

/**
 * A check-in at `checkedInAt` by `person`, as a scan makes it: received at once, not offline, not
 * located, not yet checked out, recorded by nobody. Callers give its place and method and whatever
 * differs; the function, the seed, the bench and tests build check-ins through this one shape.
 */
export function checkinDoc(
  person: { _id: string; branchId: string; name: string },
  checkedInAt: Date,
  fields: Pick<CheckinDoc, '_id' | 'kind' | 'activityId' | 'baseId' | 'placeName' | 'method'> & Partial<CheckinDoc>,
): CheckinDoc {
  return {
    // A caller that already knows the day (the bench, writing 300,000) skips the time-zone formatting.
    day: fields.day ?? shanghaiDay(checkedInAt),
    memberId: person._id,
    branchId: person.branchId,
    name: person.name,
    checkedInAt,
    receivedAt: checkedInAt,
    offline: false,
    location: null,
    distanceM: null,
    latitude: null,
    longitude: null,
    countsFor: null,
    photoFileId: null,
    recordedBy: null,
    reason: null,
    checkedOutAt: null,
    presentMinutes: null,
    studyHours: null,
    ...fields,
  };
}

export function activityCheckinId(activityId: string, memberId: string): string {
  return `a_${activityId}_${memberId}`;
}

/** `day` is the Asia/Shanghai day (YYYY-MM-DD) of the visit. */
export function baseCheckinId(baseId: string, day: string, memberId: string): string {
  return `b_${baseId}_${day}_${memberId}`;
}

/** The branch board of one contest (`_id` = contestId), cached whole: every branch fits one document. */
export interface BranchBoardDoc {
  _id: string;
  computedAt: Date;
  rows: {
    branchId: string;
    branchName: string;
    memberCount: number;
    participantCount: number;
    participationRate: number;
    averageScore: number;
  }[];
}

export interface ContestDrawRule {
  category?: QuestionCategory;
  difficulty?: 1 | 2 | 3;
  count: number;
}

export interface ContestDoc {
  _id: string;
  title: string;
  description: string;
  status: 'draft' | 'published';
  startAt: Date;
  endAt: Date;
  /** Sum of the rules' counts, kept for list pages. */
  questionCount: number;
  rules: ContestDrawRule[];
  pointsPerQuestion: number;
  timeLimitSec: number;
  attemptsAllowed: number;
  /** Which attempt stands on the board. */
  counts: 'best' | 'latest';
  showExplanations: boolean;
  leaderboardVisible: boolean;
  /** Branches whose members may take part; null = the whole organisation. */
  audienceBranchIds: string[] | null;
  createdAt: Date;
  // Issue 11; contests stored before it lack these and read as the defaults (core/quiz/contest.ts).
  /** When answers may be shown; absent = `afterEachAttempt` with one attempt, else `afterClose`. */
  review?: ReviewPolicy;
  pace?: ContestPace;
  secondsPerQuestion?: number | null;
  maxSwitches?: number | null;
  /**
   * The questions this contest draws every attempt from, fixed when it is published (or at the first
   * start of a contest stored before pools). While the contest has not closed they are kept out of
   * 每日一练 and the 错题本 of its audience, so no practice review reveals an answer still askable.
   */
  pool?: PoolQuestion[];
  /** Set by `closeContest`: `endAt` was moved to the close. */
  closedEarly?: boolean;
  updatedAt?: Date;
}

/** What submit needs to score one question, snapshotted at start so a bank edit cannot move the goalposts. */
export interface AttemptKeyItem {
  id: string;
  type: QuestionType;
  answer: number[];
  optionCount: number;
  points: number;
  /** The least time a person needs to read the stem and options (core/quiz/flags), for the tooFast flag. */
  minReadMs?: number;
}

export interface AttemptDoc {
  _id: string;
  contestId: string;
  memberId: string;
  branchId: string;
  attemptNo: number;
  status: 'open' | 'submitted';
  startedAt: Date;
  deadline: Date;
  graceMs: number;
  key: AttemptKeyItem[];
  /** Per question, displayed position → original option index. */
  orders: Record<string, number[]>;
  counts: ContestDoc['counts'];
  showExplanations: boolean;
  pace?: ContestPace;
  /** perQuestion pace: each question's time, how many were released so far, and the latest one's window. */
  secondsPerQuestion?: number;
  released?: number;
  questionReleasedAt?: Date;
  questionDeadline?: Date;
  /** perQuestion pace: displayed indexes recorded per question, and ms from release to answer. */
  answers?: Record<string, number[]>;
  answerMs?: Record<string, number>;
  /** 切屏 reports, counted with an atomic inc, and the contest's limit snapshotted at start (null = only counted). */
  switchCount?: number;
  maxSwitches?: number | null;
  /** Handed in by the server because switches exceeded the contest's limit. */
  autoSubmitted?: boolean;
  // Set by submit:
  /** When the server received the hand-in, or closed the attempt as abandoned: the statistics' aggregator finds attempts by it. */
  receivedAt?: Date;
  submittedAt?: Date;
  onTime?: boolean;
  durationMs?: number;
  score?: number;
  maxScore?: number;
  correctCount?: number;
  /** Original option indexes chosen, per question id. */
  chosen?: Record<string, number[]>;
  /** Suspicious-attempt flags known at submit (sameAnswers is found across attempts when listed). */
  flags?: AttemptFlag[];
  /** Questions answered right, for per-question correct rates (questionStats). */
  correctIds?: string[];
  /** Hash of the chosen answers by question, to find identical sequences across members; absent for a blank attempt. */
  answerSignature?: string;
  /** Its wrong answers were put in the member's 错题本 (once the contest's answers may be shown). */
  mistakesFed?: boolean;
}

/** Sorts after every real key (digits and '-'), so entries of members who never submitted stay off the board. */
export const PENDING_SORT_KEY = 'z';

/** One board entry per member per contest, so a member's entry is read and written by `_id`. */
export function entryId(contestId: string, memberId: string): string {
  return `${contestId}_${memberId}`;
}

/**
 * One row per member per contest: the attempt that stands on the board. `sortKey` orders the board
 * ascending in one indexed query; a member who started but never submitted holds PENDING_SORT_KEY.
 */
export interface ContestEntryDoc {
  /** entryId(contestId, memberId). */
  _id: string;
  contestId: string;
  memberId: string;
  branchId: string;
  name: string;
  branchName: string;
  sortKey: string;
  score: number | null;
  durationMs: number | null;
  submittedAt: Date | null;
  attemptId: string | null;
}

export interface QuestionDoc extends QuestionDraft {
  _id: string;
  /** Normalised stem, unique, so an import cannot add the same question twice. */
  stemKey: string;
  createdAt: Date;
}

/** A 每日一练 question as drawn for one member's day: answer and explanation snapshotted, options in bank order. */
export interface PracticeItem {
  id: string;
  type: QuestionType;
  stem: string;
  options: string[];
  answer: number[];
  explanation: string;
}

/** One 每日一练 set per member per day: a second draw the same day collides on this `_id`. */
export function practiceDayId(memberId: string, day: string): string {
  return `${memberId}_${day}`;
}

/**
 * One member's 每日一练 set for one Asia/Shanghai day: drawn once on the day's first `practice`,
 * scored once by `practiceSubmit`. Answers never leave the function before submit.
 */
export interface PracticeDayDoc {
  /** practiceDayId(memberId, day). */
  _id: string;
  memberId: string;
  branchId: string;
  /** YYYY-MM-DD, Asia/Shanghai. */
  day: string;
  status: 'open' | 'submitted';
  createdAt: Date;
  items: PracticeItem[];
  /** Per question, displayed position → original option index. */
  orders: Record<string, number[]>;
  // Set by submit:
  submittedAt?: Date;
  correctCount?: number;
  pointsEarned?: number;
  /** Original option indexes chosen, per question id. */
  chosen?: Record<string, number[]>;
}

/** One open 错题本 entry, kept inside the member's practice document. */
export interface PracticeMistakeEntry {
  wrongCount: number;
  lastWrongAt: Date;
  source: 'practice' | 'contest';
}

/**
 * Per member (`_id` = memberId): streak, points and the wrong-answer notebook in one document, so a
 * day's points, streak and new mistakes land in one conditional write (`lastDay` is the guard).
 * Created by the member's first practice submit.
 */
export interface PracticeMemberDoc {
  _id: string;
  memberId: string;
  branchId: string;
  /** Length of the run of consecutive days ending at `lastDay`. */
  streak: number;
  bestStreak: number;
  points: number;
  daysDone: number;
  /** The last day whose result is counted here (YYYY-MM-DD); a day is counted once. */
  lastDay: string;
  /** Open notebook entries by question id; resolved ones are removed. Capped (newest kept). */
  mistakes: Record<string, PracticeMistakeEntry>;
  resolvedCount: number;
  updatedAt: Date;
}

/** One person on the 花名册, `_id` = rosterEntryId(branchId, name, phoneTail) (member/roster/rosterSheet). */
export interface RosterEntryDoc {
  _id: string;
  branchId: string;
  /** Stored in rosterName() form; matching compares the same form. */
  name: string;
  partyStatus: PartyStatus;
  phoneTail: string | null;
  /** The import that last wrote this entry (its audit record's targetId). */
  importId: string;
  importedAt: Date;
  /** The member who joined as this entry; null until then. */
  matchedMemberId: string | null;
}

/**
 * One 投稿 (issue 13). Author and branch names are copied in when it is saved, so a feed page is one
 * query; `deleteMine` removes the works with the person. ARCHITECTURE.md, "Stories".
 */
export interface StoryDoc {
  /** A 12-character code (server/shortId.ts): short enough for a share path and a 小程序码 scene. */
  _id: string;
  kind: StoryKind;
  status: StoryStatus;
  campaignId: string | null;
  authorId: string;
  authorName: string;
  branchId: string;
  branchName: string;
  title: string;
  body: string;
  /** 字数 as a reader counts them (core/story/wordCount.ts), kept for lists and checks. */
  words: number;
  imageFileIds: string[];
  /** Duration and size read by the server from the file (server/mediaProbe.ts), never from the phone. */
  video: { fileId: string; seconds: number; bytes: number } | null;
  activityId: string | null;
  activityTitle: string | null;
  baseId: string | null;
  baseName: string | null;
  /** Bumped by every write; save and submit compare it. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  approvedAt: Date | null;
  review: { decision: 'approve' | 'return'; comment: string; reviewerId: string; reviewerName: string; at: Date } | null;
  /** Content security's reason, for the author. */
  rejection: string | null;
  /** Images sent to WeChat's asynchronous media check while the work is `checking`. */
  mediaChecks: { traceId: string; fileId: string; state: 'pending' | 'pass' | 'risky' }[];
  recommendation: { note: string; byId: string; byName: string; at: Date } | null;
  /** 'recommended' until the org selects it, then 'selected'; null before recommendation. Indexed for the selection queue. */
  selectionState: 'recommended' | 'selected' | null;
  selection: { award: StoryAward | null; byId: string; at: Date } | null;
  ratingCount: number;
  ratingSum: number;
  /** The campaign ranking's score (core/story/ranking.ts), kept current by select and rate. */
  rankScore: number;
  /**
   * storyFeedKey(approvedAt, _id), set when the work is approved: the feed's keyset sort key, so a
   * page far down costs what the first one does. Absent before approval.
   */
  feedKey?: string;
}

/** 征集: what an org asks for, until when, from each branch, and the awards it may give. */
export interface CampaignDoc {
  _id: string;
  title: string;
  description: string;
  kinds: StoryKind[];
  opensAt: Date;
  closesAt: Date;
  ratingClosesAt: Date | null;
  branchQuotas: { kind: StoryKind; count: number }[];
  awards: Record<StoryAward, number>;
  awarded: Record<StoryAward, number>;
  ratingWeight: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** One member's rating of one work: the `_id` is the once-only rule, as for check-ins. */
export function storyRatingId(storyId: string, memberId: string): string {
  return `${storyId}_${memberId}`;
}

export interface StoryRatingDoc {
  /** storyRatingId(storyId, memberId). */
  _id: string;
  storyId: string;
  memberId: string;
  score: number;
  createdAt: Date;
}

/**
 * The feed's order in one string: approval time (ms, zero-padded so strings sort as numbers), ties
 * broken by `_id`. Newest first is `feedKey` descending; the next page starts below the last key.
 */
export function storyFeedKey(approvedAt: Date, id: string): string {
  return `${String(approvedAt.getTime()).padStart(13, '0')}_${id}`;
}

/** One campaign's tally for one branch: `_id` = campaignBranchId(campaignId, branchId). */
export function campaignBranchId(campaignId: string, branchId: string): string {
  return `${campaignId}_${branchId}`;
}

/**
 * What campaignRanking ranks branches by and `campaigns` shows against a branch's quotas, one
 * document per (campaign, branch), created by the first change and moved only by atomic increments
 * after the change they count has committed (ARCHITECTURE.md, "Hot documents"): a work approved,
 * selected or rated. A lost increment leaves a count one short until the periodic recount (issue 14).
 */
export interface CampaignBranchDoc {
  _id: string;
  campaignId: string;
  branchId: string;
  /** Approved works of the campaign from the branch, by kind. */
  approved: Record<StoryKind, number>;
  /** Members of the branch with at least one approved work in the campaign (one campaign_authors marker each). */
  authors: number;
  /** Works the org selected (择优上报), with an award or without. */
  selected: number;
  /** 群众评议 of the branch's works in the campaign. */
  ratingCount: number;
  ratingSum: number;
  updatedAt: Date;
}

/** A member's first approved work in a campaign: `_id` = campaignAuthorId; inserting it is what counts them as an author. */
export function campaignAuthorId(campaignId: string, memberId: string): string {
  return `${campaignId}_${memberId}`;
}

export interface CampaignAuthorDoc {
  _id: string;
  campaignId: string;
  memberId: string;
  branchId: string;
  /** The work that made them an author. */
  storyId: string;
  at: Date;
}

/**
 * A work by `author` as saving it first leaves it: a draft, nothing reviewed, rated or selected.
 * Callers give what differs (status, text, review steps); an approved work gets its feed key from
 * its approval time. The seed, the bench and tests build works through this one shape.
 */
export function storyDoc(
  author: { _id: string; name: string; branchId: string; branchName: string },
  createdAt: Date,
  fields: Pick<StoryDoc, '_id' | 'kind'> & Partial<StoryDoc>,
): StoryDoc {
  const body = fields.body ?? '';
  const doc: StoryDoc = {
    status: 'draft',
    campaignId: null,
    authorId: author._id,
    authorName: author.name,
    branchId: author.branchId,
    branchName: author.branchName,
    title: '',
    body,
    // A caller writing 100,000 works (the bench) passes the count it already knows.
    words: fields.words ?? countWords(body),
    imageFileIds: [],
    video: null,
    activityId: null,
    activityTitle: null,
    baseId: null,
    baseName: null,
    version: 0,
    createdAt,
    updatedAt: createdAt,
    submittedAt: null,
    approvedAt: null,
    review: null,
    rejection: null,
    mediaChecks: [],
    recommendation: null,
    selectionState: null,
    selection: null,
    ratingCount: 0,
    ratingSum: 0,
    rankScore: 0,
    ...fields,
  };
  if (doc.approvedAt !== null && doc.feedKey === undefined) doc.feedKey = storyFeedKey(doc.approvedAt, doc._id);
  return doc;
}

/** 学习活动方案 (issue 14): the 六个一 items, branch quotas, 学时 target and points rules of a year. */
export interface ProgrammeDoc {
  _id: string;
  title: string;
  year: number;
  description: string;
  startsAt: Date;
  endsAt: Date;
  items: ProgrammeItem[];
  branchQuotas: BranchQuota[];
  studyHoursTarget: number | null;
  points: PointsRules;
  createdAt: Date;
  updatedAt: Date;
}

export function progressId(programmeId: string, memberId: string): string {
  return `${programmeId}_${memberId}`;
}

export function branchStatsId(programmeId: string, branchId: string): string {
  return `${programmeId}_${branchId}`;
}

export type { MonthCounts } from '../core/stats/types';

/**
 * A member's standing in a programme, built from their events by core/stats (never edited by hand):
 * the branch rebuild (server/stats/rebuild.ts) writes it whenever it differs from what is stored.
 */
/**
 * A member's progress as stored: the fold's result without its months (only the branch summary
 * shows months, and it is built from the fold in memory), with the points ledger behind it inside,
 * newest entry first (ARCHITECTURE.md, "Statistics").
 */
export interface ProgressDoc extends Omit<MemberProgress, 'months'> {
  /** progressId(programmeId, memberId). */
  _id: string;
  programmeId: string;
  ledger: LedgerEntry[];
  updatedAt: Date;
}

/** A branch's summary in a programme, built from its members' progress (core/stats). */
export interface BranchStatsDoc extends BranchSummary {
  /** branchStatsId(programmeId, branchId). */
  _id: string;
  programmeId: string;
  months: Record<string, MonthCounts>;
  updatedAt: Date;
}

/** 读书 / 观影 reported by a member with a photo; it counts as evidence once the branch secretary confirms. */
export interface SelfReportDoc {
  _id: string;
  programmeId: string;
  memberId: string;
  branchId: string;
  memberName: string;
  item: ProgrammeItemKey;
  title: string;
  note: string;
  photoFileId: string;
  status: 'pending' | 'confirmed' | 'declined';
  /**
   * selfReportSlot while pending or confirmed, the report's own `_id` once declined: a unique index
   * on it lets a member hold one report per item at a time, however their taps race.
   */
  slot: string;
  reportedAt: Date;
  decidedAt: Date | null;
  decidedBy: string | null;
  reason: string;
}

export function selfReportSlot(programmeId: string, memberId: string, item: ProgrammeItemKey): string {
  return `${programmeId}_${memberId}_${item}`;
}

/**
 * A 台账 export (`export_jobs`, `_id` = the app's job id): its progress while the function builds
 * it, then the file, which `cron` deletes from storage after `fileExpiresAt`.
 */
export interface ExportJobDoc {
  _id: string;
  programmeId: string;
  createdBy: string;
  state: 'building' | 'done' | 'failed';
  /** Branches written so far, of `total`. */
  done: number;
  total: number;
  fileId: string | null;
  fileExpiresAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Where the aggregator got to in each stream of events, and which branches wait for a rebuild. */
export interface StatsStateDoc {
  /** 'aggregator' or `recompute_${programmeId}`. */
  _id: string;
  /** Per stream (checkins, stories, attempts, reports, members, activities): events up to here are applied. */
  watermarks: Record<string, Date>;
  /** Full recompute only: the branches left, and progress. */
  phase?: string;
  remainingBranches?: string[];
  processed?: number;
  startedAt?: Date;
  finishedAt?: Date | null;
  updatedAt: Date;
}

/**
 * A 四红 brand programme (`brand_programmes`): the brands with their quotas, the stage deadlines
 * (core/brand/stage.ts) and, per brand, how many are selected — the quota racing selections move in
 * their transaction (ARCHITECTURE.md, "Statistics").
 */
export interface BrandProgrammeDoc {
  _id: string;
  title: string;
  year: number;
  description: string;
  brands: BrandQuota[];
  applyEndsAt: Date;
  reviewEndsAt: Date;
  ratingEndsAt: Date;
  acceptanceEndsAt: Date;
  selected: Record<BrandKey, number>;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A unit's nomination (`brand_nominations`) and every step it went through. */
export interface BrandNominationDoc {
  _id: string;
  programmeId: string;
  branchId: string;
  branchName: string;
  brand: BrandKey;
  title: string;
  description: string;
  photos: string[];
  nominee: { memberId: string; name: string } | null;
  status: BrandNominationStatus;
  /** The unit assigned to review it in 互查 (indexed for that unit's list), or null before assignment. */
  reviewerBranchId: string | null;
  reviewerBranchName: string | null;
  peerReview: { score: number; comment: string; reviewerBranchId: string; reviewerBranchName: string; byId: string; at: Date } | null;
  ratingCount: number;
  ratingSum: number;
  acceptance: { passed: boolean; note: string; byId: string; at: Date } | null;
  selection: { commendation: string | null; byId: string; at: Date } | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** One 互查 per nomination: the `_id` is the nomination's, so a second is refused by the store itself. */
export interface BrandReviewDoc {
  _id: string;
  programmeId: string;
  nominationId: string;
  reviewerBranchId: string;
  byId: string;
  score: number;
  comment: string;
  createdAt: Date;
}

/** One 评议 rating per member per nomination: the `_id` is the rule, as for story ratings. */
export function brandRatingId(nominationId: string, memberId: string): string {
  return `${nominationId}_${memberId}`;
}

export interface BrandRatingDoc {
  /** brandRatingId(nominationId, memberId). */
  _id: string;
  programmeId: string;
  nominationId: string;
  memberId: string;
  score: number;
  createdAt: Date;
}

/** A unit's tally for one brand in one programme. */
export type BrandUnitTally = UnitTally;

export function brandUnitId(programmeId: string, branchId: string): string {
  return `${programmeId}_${branchId}`;
}

/**
 * What `brandBoard` reads for a unit (`brand_units`, one per programme × unit): moved in the same
 * transaction as each step it counts, except ratings, which move it by atomic increments after
 * their once-only insert (ARCHITECTURE.md, "Hot documents").
 */
export interface BrandUnitDoc {
  /** brandUnitId(programmeId, branchId). */
  _id: string;
  programmeId: string;
  branchId: string;
  branchName: string;
  brands: Record<BrandKey, BrandUnitTally>;
  updatedAt: Date;
}
