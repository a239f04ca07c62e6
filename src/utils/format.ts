import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/zh-cn';

dayjs.extend(utc);

/*
 * Asia/Shanghai has been UTC+8 without daylight saving since 1991, so a fixed offset is exact and
 * avoids the timezone plugin's reliance on Intl time zones, which some mini-program engines lack.
 */
const SHANGHAI_OFFSET_MINUTES = 8 * 60;

function inShanghai(iso: string) {
  return dayjs(iso).utcOffset(SHANGHAI_OFFSET_MINUTES).locale('zh-cn');
}

/** `11月28日 周六 14:30` */
export function formatDateTime(iso: string): string {
  return inShanghai(iso).format('M月D日 ddd HH:mm');
}

/** `10 分钟` / `1 小时 30 分钟` / `45 秒` */
export function formatDuration(totalSeconds: number): string {
  if (totalSeconds < 60) return `${totalSeconds} 秒`;
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  if (hours === 0) return `${minutes} 分钟`;
  return minutes === 0 ? `${hours} 小时` : `${hours} 小时 ${minutes} 分钟`;
}

/** `11月28日 周六 14:30–16:30` on one day, otherwise both ends in full. */
export function formatTimeRange(startIso: string, endIso: string): string {
  const start = inShanghai(startIso);
  const end = inShanghai(endIso);
  const endText = start.isSame(end, 'day') ? end.format('HH:mm') : ` ${end.format('M月D日 ddd HH:mm')}`;
  return `${start.format('M月D日 ddd HH:mm')}–${endText}`;
}

/** `剩余 3 个名额`, `名额已满·可候补`, `名额已满`; null seats (no capacity) is `不限名额`. */
export function formatSeats(seatsLeft: number | null, waitlist: boolean): string {
  if (seatsLeft === null) return '不限名额';
  if (seatsLeft > 0) return `剩余 ${seatsLeft} 个名额`;
  return waitlist ? '名额已满·可候补' : '名额已满';
}

/** The Shanghai wall-clock date (`2026-11-28`) and time (`14:30`) of an instant, as date and time pickers take them. */
export function shanghaiPickerValues(iso: string): { date: string; time: string } {
  const local = inShanghai(iso);
  return { date: local.format('YYYY-MM-DD'), time: local.format('HH:mm') };
}

/** `2026-12-01` + `09:00` read on a Shanghai wall clock → `2026-12-01T01:00:00.000Z`; null if incomplete. */
export function shanghaiToIsoUtc(date: string, time: string): string | null {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const clock = /^(\d{2}):(\d{2})$/.exec(time);
  if (!day || !clock) return null;
  const minutes = Number(clock[1]) * 60 + Number(clock[2]) - SHANGHAI_OFFSET_MINUTES;
  const ms = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]), 0, minutes);
  return new Date(ms).toISOString();
}

/** The Shanghai calendar date `days` after the one containing `nowMs`, as `YYYY-MM-DD`. */
export function shanghaiDate(nowMs: number, days = 0): string {
  const shifted = new Date(nowMs + SHANGHAI_OFFSET_MINUTES * 60_000 + days * 86_400_000);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
}

/** `2026年3月1日` */
export function formatDate(iso: string): string {
  return inShanghai(iso).format('YYYY年M月D日');
}

/** `6月3日` */
export function formatMonthDay(iso: string): string {
  return inShanghai(iso).format('M月D日');
}

/** `14:03`, or `6月3日 14:03` when the instant is not on today's Shanghai date. */
export function formatClockToday(iso: string, nowMs: number): string {
  const local = inShanghai(iso);
  return local.format('YYYY-MM-DD') === shanghaiDate(nowMs) ? local.format('HH:mm') : local.format('M月D日 HH:mm');
}
