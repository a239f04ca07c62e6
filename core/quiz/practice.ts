/**
 * 每日一练 rules that need no database: days, streaks, notebook order. Nothing here reads the clock.
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import type { PracticeStanding } from '../../types/contracts/practice';
import { shuffle, type Rng } from '../random';

dayjs.extend(utc);

/** One point per correct answer, counted once per day. */
export const PRACTICE_POINTS_PER_CORRECT = 1;

/** What is kept per member between days: the standing and the last day counted into it. */
export interface PracticeRecord extends PracticeStanding {
  /** YYYY-MM-DD, Asia/Shanghai. */
  lastDay: string;
}

/** A notebook entry as far as its order is concerned. */
export type NotebookRow = readonly [questionId: string, entry: { lastWrongAt: Date }];

/** The calendar day before `day` (both YYYY-MM-DD); calendar arithmetic, so no time zone is involved. */
export function previousDay(day: string): string {
  return dayjs.utc(day).subtract(1, 'day').format('YYYY-MM-DD');
}

/** A day is counted once: a record whose last day is `day` or later already holds it. */
export function isDayCounted(record: PracticeRecord | null, day: string): boolean {
  return record !== null && record.lastDay >= day;
}

/** What the member sees on `today`: a run that missed yesterday and today is already broken. */
export function standingOn(record: PracticeRecord | null, today: string): PracticeStanding {
  if (!record) return { streak: 0, bestStreak: 0, points: 0, daysDone: 0 };
  const alive = record.lastDay === today || record.lastDay === previousDay(today);
  return { streak: alive ? record.streak : 0, bestStreak: record.bestStreak, points: record.points, daysDone: record.daysDone };
}

/** Counting `day`: the run continues when the last counted day was yesterday, otherwise starts again at 1. */
export function standingAfter(
  record: PracticeRecord | null,
  day: string,
  correctCount: number,
): PracticeStanding & { pointsEarned: number } {
  const streak = record && record.lastDay === previousDay(day) ? record.streak + 1 : 1;
  const pointsEarned = correctCount * PRACTICE_POINTS_PER_CORRECT;
  return {
    streak,
    bestStreak: Math.max(record?.bestStreak ?? 0, streak),
    points: (record?.points ?? 0) + pointsEarned,
    daysDone: (record?.daysDone ?? 0) + 1,
    pointsEarned,
  };
}

/** Notebook order: most recently wrong first; ties (one day's wrong answers) by question id. */
export function compareMistakes(a: NotebookRow, b: NotebookRow): number {
  return b[1].lastWrongAt.getTime() - a[1].lastWrongAt.getTime() || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
}

/** Over `cap`, the entries wrong longest ago leave the notebook: their ids, in notebook order. */
export function notebookOverflow(rows: readonly NotebookRow[], cap: number): string[] {
  return [...rows]
    .sort(compareMistakes)
    .slice(cap)
    .map(([id]) => id);
}

/** `<ISO instant>~<questionId>`: the last notebook row seen, for keyset paging. */
export function mistakeCursor(row: NotebookRow): string {
  return `${row[1].lastWrongAt.toISOString()}~${row[0]}`;
}

export function parseMistakeCursor(cursor: string): NotebookRow {
  const [at = '', questionId = ''] = cursor.split('~');
  return [questionId, { lastWrongAt: new Date(at) }];
}

/** Question ids become field paths in the notebook (`mistakes.<id>.wrongCount`), so only plain ids qualify. */
export function isPathSafeId(id: string): boolean {
  return /^[A-Za-z0-9_-]{1,64}$/.test(id);
}

/**
 * Today's set from a uniform sample of the bank: `count` of them in random order, questions already
 * in the notebook only when too few others were sampled (a small bank), so practice keeps bringing
 * new questions while the notebook has its own retry.
 */
export function pickPracticeSet(sampleIds: readonly string[], inNotebook: (id: string) => boolean, count: number, rng: Rng): string[] {
  const shuffled = shuffle(sampleIds, rng);
  return [...shuffled.filter((id) => !inNotebook(id)), ...shuffled.filter(inNotebook)].slice(0, count);
}
