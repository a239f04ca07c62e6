import type { ProgrammeItemKey } from '../../types/labels';

/** Pages of the `activity` subpackage; the detail URL is also what a shared card opens. */
export function activityDetailUrl(id: string): string {
  return `/activity/detail/index?id=${encodeURIComponent(id)}`;
}

/** Without an id the form creates a new activity. */
export function activityEditUrl(id?: string): string {
  return id === undefined ? '/activity/edit/index' : `/activity/edit/index?id=${encodeURIComponent(id)}`;
}

export function activityAttendeesUrl(id: string): string {
  return `/activity/attendees/index?id=${encodeURIComponent(id)}`;
}

/** 现场签到: the organiser's rotating codes, 反扫 and the live roster. */
export function activityCheckinUrl(id: string): string {
  return `/activity/checkin/index?id=${encodeURIComponent(id)}`;
}

/** The activities a member can join, only those counting for `countsFor` when given (我的六个一's 去完成). */
export function activityListUrl(countsFor?: ProgrammeItemKey): string {
  return countsFor === undefined ? '/activity/list/index' : `/activity/list/index?countsFor=${encodeURIComponent(countsFor)}`;
}
