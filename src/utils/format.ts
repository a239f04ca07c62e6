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

/** `名额 12 / 30`, or without a cap `已报名 12 人（不限名额）` */
export function formatQuota(signedUp: number, capacity: number | null): string {
  return capacity === null ? `已报名 ${signedUp} 人（不限名额）` : `名额 ${signedUp} / ${capacity}`;
}

/** `2026年3月1日` */
export function formatDate(iso: string): string {
  return inShanghai(iso).format('YYYY年M月D日');
}
