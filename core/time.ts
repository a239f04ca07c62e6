/**
 * Day boundaries for people in China. Cloud functions run in UTC, so every "today", "this week"
 * or "9 点" is computed in Asia/Shanghai from an instant the caller passes in — never from the clock.
 */
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

export const CHINA_TZ = 'Asia/Shanghai';

/** The Shanghai calendar day of an instant, as YYYY-MM-DD. */
export function shanghaiDay(instant: Date): string {
  return dayjs(instant).tz(CHINA_TZ).format('YYYY-MM-DD');
}

/** The instant of `hour:minute` Shanghai time, `dayOffset` calendar days after the day of `from`. */
export function shanghaiTimeOn(from: Date, dayOffset: number, hour: number, minute = 0): Date {
  return dayjs(from).tz(CHINA_TZ).add(dayOffset, 'day').hour(hour).minute(minute).second(0).millisecond(0).toDate();
}

/** An instant as people in China read it, in a dayjs format ('M月D日 HH:mm'). */
export function formatShanghai(instant: Date, format: string): string {
  return dayjs(instant).tz(CHINA_TZ).format(format);
}
