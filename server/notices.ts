/**
 * The outbox's documents: about activities, one notice for one member (a promotion), one event for
 * everyone holding a place (a reminder, a change, a cancellation) and the notices `cron` expands an
 * event into; about works, one notice to the author for each step of the review chain. Built here
 * once for the activity and story functions and `cron`, which are deployed apart.
 */
import { activityNoticeData, type NoticeFacts } from '../core/activity/notice';
import { storyNoticeData, type StoryNoticeFacts, type StoryStep } from '../core/story/notice';
import {
  activityEventId,
  noticeId,
  type ActivityEventDoc,
  type ActivityNotificationDoc,
  type NoticeKind,
  type StoryNoticeKind,
  type StoryNotificationDoc,
} from './documents';

/**
 * The detail page a shared card, a 小程序码 and a notice open: the `activity` subpackage (src/activity/routes.ts),
 * without a leading slash, as a 小程序码's `page` and a subscribe message's `page` require.
 */
export const ACTIVITY_DETAIL_PAGE = 'activity/detail/index';

export function activityPath(id: string): string {
  return `${ACTIVITY_DETAIL_PAGE}?id=${id}`;
}

export type NoticeActivity = NoticeFacts & { _id: string };

export interface NoticeRecipient {
  memberId: string;
  openid: string;
}

interface NoticeSource {
  kind: NoticeKind;
  activityId: string;
  version: string | null;
  data: Record<string, string>;
  page: string;
}

/** A notice as it enters the outbox: due at once, waiting for `cron` to claim it (ARCHITECTURE.md, "Notifications"). */
export function queuedNow(now: Date) {
  return { state: 'pending' as const, reason: null, dueAt: now, createdAt: now, sentAt: null, payload: null };
}

function notice(source: NoticeSource, recipient: NoticeRecipient, now: Date): ActivityNotificationDoc {
  return {
    _id: noticeId(source.kind, source.activityId, recipient.memberId, source.version),
    kind: source.kind,
    activityId: source.activityId,
    memberId: recipient.memberId,
    openid: recipient.openid,
    data: source.data,
    page: source.page,
    version: source.version,
    ...queuedNow(now),
  };
}

/**
 * One notice for one member about one event. `version` tells recurring events apart (each entry
 * into the waitlist is its own promotion); with the same version, queueing it again writes the same document.
 */
export function activityNotice(
  kind: NoticeKind,
  activity: NoticeActivity,
  recipient: NoticeRecipient,
  note: string,
  now: Date,
  version: string | null,
): ActivityNotificationDoc {
  const source = { kind, activityId: activity._id, version, data: activityNoticeData(activity, note), page: activityPath(activity._id) };
  return notice(source, recipient, now);
}

/** Who an event tells: a reminder goes to those attending, a change or cancellation to the waitlist too. */
const TOLD: Record<ActivityEventDoc['kind'], ActivityEventDoc['statuses']> = {
  reminder: ['signed'],
  changed: ['signed', 'waitlisted'],
  cancelled: ['signed', 'waitlisted'],
};

/** One event for everyone holding a place at `now`; `version` as for activityNotice. */
export function activityEvent(
  kind: ActivityEventDoc['kind'],
  activity: NoticeActivity,
  note: string,
  now: Date,
  version: string | null,
): ActivityEventDoc {
  return {
    _id: activityEventId(kind, activity._id, version),
    kind,
    activityId: activity._id,
    version,
    statuses: TOLD[kind],
    heldAt: now,
    data: activityNoticeData(activity, note),
    page: activityPath(activity._id),
    state: 'pending',
    cursor: null,
    queued: 0,
    createdAt: now,
    doneAt: null,
  };
}

/**
 * How many an event about a change tells (signed and waitlisted), from the activity's counters: what
 * `update` and `cancel` report, before `cron` has written a notice. A counter can read −1 for the
 * length of a request (ARCHITECTURE.md, "Sign-ups").
 */
export function placesHeld(activity: { signedUpCount: number; waitlistCount: number }): number {
  return Math.max(0, activity.signedUpCount) + Math.max(0, activity.waitlistCount);
}

/** The notice an event means for one member: same words, `_id` by the event's kind and version. */
export function noticeFromEvent(event: ActivityEventDoc, recipient: NoticeRecipient, now: Date): ActivityNotificationDoc {
  return notice(event, recipient, now);
}

/** The work's page in the `story` subpackage (src/story/routes.ts), without a leading slash, as a message's `page` requires. */
export const STORY_DETAIL_PAGE = 'story/detail/index';

const STORY_NOTICE_KIND: Record<StoryStep['step'], StoryNoticeKind> = {
  approved: 'storyApproved',
  returned: 'storyReturned',
  recommended: 'storyRecommended',
  selected: 'storySelected',
  rejected: 'storyRejected',
};

export type NoticeWork = StoryNoticeFacts & { _id: string; version: number };

/**
 * The author's notice of one step of their work's review chain. The `_id` carries the work's
 * version after the step, so a work returned twice is told twice, and queueing the same step again
 * writes the same document. The story function's review chain and the media check's refusal use it.
 */
export function storyNotice(work: NoticeWork, step: StoryStep, author: NoticeRecipient, now: Date): StoryNotificationDoc {
  const kind = STORY_NOTICE_KIND[step.step];
  const version = String(work.version);
  return {
    _id: noticeId(kind, work._id, author.memberId, version),
    kind,
    storyId: work._id,
    memberId: author.memberId,
    openid: author.openid,
    data: storyNoticeData(work, step, now),
    page: `${STORY_DETAIL_PAGE}?id=${work._id}`,
    version,
    ...queuedNow(now),
  };
}
