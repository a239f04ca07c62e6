/**
 * 每日一练 rules that need no database: days, streaks, notebook order. Nothing here reads the clock.
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { PRACTICE_POINTS_PER_CORRECT } from '../../../types/contracts/practice';
import type { PracticeMemberDoc, PracticeMistakeEntry } from '../../../server/documents';

dayjs.extend(utc);

/** The calendar day before `day` (both YYYY-MM-DD); calendar arithmetic, so no time zone is involved. */
export function previousDay(day: string): string {
  return dayjs.utc(day).subtract(1, 'day').format('YYYY-MM-DD');
}

export type Standing = Pick<PracticeMemberDoc, 'streak' | 'bestStreak' | 'points' | 'daysDone'>;

/** What the member sees on `today`: a run that missed yesterday and today is already broken. */
export function standingOn(doc: PracticeMemberDoc | null, today: string): Standing {
  if (!doc) return { streak: 0, bestStreak: 0, points: 0, daysDone: 0 };
  const alive = doc.lastDay === today || doc.lastDay === previousDay(today);
  return { streak: alive ? doc.streak : 0, bestStreak: doc.bestStreak, points: doc.points, daysDone: doc.daysDone };
}

/** Counting `day`: the run continues when the last counted day was yesterday, otherwise starts again at 1. */
export function standingAfter(doc: PracticeMemberDoc | null, day: string, correctCount: number): Standing & { pointsEarned: number } {
  const streak = doc && doc.lastDay === previousDay(day) ? doc.streak + 1 : 1;
  const pointsEarned = correctCount * PRACTICE_POINTS_PER_CORRECT;
  return {
    streak,
    bestStreak: Math.max(doc?.bestStreak ?? 0, streak),
    points: (doc?.points ?? 0) + pointsEarned,
    daysDone: (doc?.daysDone ?? 0) + 1,
    pointsEarned,
  };
}

/** Notebook order: most recently wrong first; ties (one day's wrong answers) by question id. */
export function compareMistakes(a: [string, PracticeMistakeEntry], b: [string, PracticeMistakeEntry]): number {
  return b[1].lastWrongAt.getTime() - a[1].lastWrongAt.getTime() || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
}

export function mistakeCursor(questionId: string, entry: PracticeMistakeEntry): string {
  return `${entry.lastWrongAt.toISOString()}~${questionId}`;
}

export function parseMistakeCursor(cursor: string): [string, PracticeMistakeEntry] {
  const [at = '', questionId = ''] = cursor.split('~');
  return [questionId, { lastWrongAt: new Date(at), wrongCount: 0, source: 'practice' }];
}

/** Question ids become field paths in the notebook (`mistakes.<id>.wrongCount`), so only plain ids qualify. */
export function isPathSafeId(id: string): boolean {
  return /^[A-Za-z0-9_-]{1,64}$/.test(id);
}
