/** URLs of the quiz subpackage pages, built in one place so pages and tests agree. */
export function takeUrl(contestId: string): string {
  return `/quiz/take/index?contestId=${encodeURIComponent(contestId)}`;
}

export function resultUrl(attemptId: string, contestId?: string): string {
  const contest = contestId ? `&contestId=${encodeURIComponent(contestId)}` : '';
  return `/quiz/result/index?attemptId=${encodeURIComponent(attemptId)}${contest}`;
}

export function boardUrl(contestId: string): string {
  return `/quiz/board/index?contestId=${encodeURIComponent(contestId)}`;
}
