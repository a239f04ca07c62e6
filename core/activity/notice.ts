/**
 * The words of an activity's subscribe message. A template's `thing` values take at most 20
 * characters and `time` values a plain date and time, so everything is cut and formatted here, once,
 * for the outbox that `cron` sends from.
 */
import { formatShanghai } from '../time';

/** The subscribe-message limit for a `thing` value. */
export const NOTICE_THING_MAX = 20;

/** A `thing` value cut to WeChat's limit; every template's words (activities, works) go through it. */
export function noticeThing(text: string): string {
  const chars = [...text];
  return chars.length <= NOTICE_THING_MAX ? text : `${chars.slice(0, NOTICE_THING_MAX - 1).join('')}…`;
}

export interface NoticeFacts {
  title: string;
  startAt: Date;
  place: string;
  online: boolean;
}

export function activityNoticeData(activity: NoticeFacts, note: string): Record<string, string> {
  return {
    title: noticeThing(activity.title),
    time: formatShanghai(activity.startAt, 'YYYY-MM-DD HH:mm'),
    place: noticeThing(activity.online ? `线上 · ${activity.place}` : activity.place),
    note: noticeThing(note),
  };
}
