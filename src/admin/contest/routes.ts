/** URLs of the organiser's contest pages, built in one place so pages and tests agree. */
export const CONTEST_LIST_URL = '/admin/contests/index';

export function contestFormUrl(contestId?: string): string {
  return contestId ? `/admin/contest/index?contestId=${encodeURIComponent(contestId)}` : '/admin/contest/index';
}

export function contestResultsUrl(contestId: string): string {
  return `/admin/results/index?contestId=${encodeURIComponent(contestId)}`;
}
