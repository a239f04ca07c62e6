import Taro from '@tarojs/taro';
import type { AttemptAnswers } from '../../types/contracts/quiz';

/**
 * Answers of an open attempt, kept in Taro storage on every change so that a crash, an incoming call
 * or closing the page loses nothing. Keyed by attemptId: `start` resumes the same open attempt, so
 * reopening the page finds its answers again. Only displayed option indexes are kept (never answers).
 */
const KEY_PREFIX = 'hongtu.quiz.attempt.';
const VERSION = 1;

export interface SavedAttempt {
  attemptId: string;
  contestId: string;
  /** Server deadline (ISO); past it the record is stale and may be pruned. */
  deadline: string;
  answers: AttemptAnswers;
  /** The question the member was on, to reopen where they left off. */
  current: number;
}

interface StoredRecord extends SavedAttempt {
  v: typeof VERSION;
}

export function storageKey(attemptId: string): string {
  return `${KEY_PREFIX}${attemptId}`;
}

function isIndexList(value: unknown): value is number[] {
  return Array.isArray(value) && value.length <= 10 && value.every((item) => Number.isInteger(item) && item >= 0 && item <= 9);
}

/** Storage is written by us but read back untrusted (older versions, manual edits): keep only what fits the contract. */
function parseRecord(raw: unknown): SavedAttempt | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const record = raw as Partial<StoredRecord>;
  if (record.v !== VERSION || typeof record.attemptId !== 'string' || typeof record.contestId !== 'string') return null;
  if (typeof record.deadline !== 'string' || typeof record.answers !== 'object' || record.answers === null) return null;
  const answers: AttemptAnswers = {};
  for (const [questionId, chosen] of Object.entries(record.answers)) {
    if (isIndexList(chosen) && chosen.length > 0) answers[questionId] = [...chosen];
  }
  const current = Number.isInteger(record.current) && (record.current ?? 0) >= 0 ? (record.current as number) : 0;
  return { attemptId: record.attemptId, contestId: record.contestId, deadline: record.deadline, answers, current };
}

export function saveAttempt(saved: SavedAttempt): void {
  const record: StoredRecord = { v: VERSION, ...saved };
  try {
    Taro.setStorageSync(storageKey(saved.attemptId), record);
  } catch {
    // Storage full or unavailable: the answers still live in memory and are submitted from there.
  }
}

export function loadAttempt(attemptId: string): SavedAttempt | null {
  try {
    const saved = parseRecord(Taro.getStorageSync(storageKey(attemptId)));
    return saved && saved.attemptId === attemptId ? saved : null;
  } catch {
    return null;
  }
}

export function clearAttempt(attemptId: string): void {
  try {
    Taro.removeStorageSync(storageKey(attemptId));
  } catch {
    // Nothing to do: a leftover record is pruned once its deadline has passed.
  }
}

function savedKeys(): string[] {
  try {
    return Taro.getStorageInfoSync().keys.filter((key) => key.startsWith(KEY_PREFIX));
  } catch {
    return [];
  }
}

/**
 * The member's unfinished attempt at a contest still before its deadline, if this phone has one
 * (the list page offers 继续答题). Records past their deadline are removed on the way.
 */
export function findOpenAttempt(contestId: string, nowMs: number): SavedAttempt | null {
  let found: SavedAttempt | null = null;
  for (const key of savedKeys()) {
    const saved = loadAttempt(key.slice(KEY_PREFIX.length));
    const deadlineMs = saved ? Date.parse(saved.deadline) : Number.NaN;
    if (!saved || !(deadlineMs > nowMs)) {
      try {
        Taro.removeStorageSync(key);
      } catch {
        // Ignore: tried again next time.
      }
      continue;
    }
    if (saved.contestId === contestId) found = saved;
  }
  return found;
}

/** Keeps answers for this attempt's questions only, with indexes inside each question's options. */
export function answersFor(
  saved: AttemptAnswers,
  questions: ReadonlyArray<{ id: string; type: string; options: readonly string[] }>,
): AttemptAnswers {
  const kept: AttemptAnswers = {};
  for (const question of questions) {
    const chosen = saved[question.id];
    if (!chosen) continue;
    const valid = [...new Set(chosen)].filter((index) => index < question.options.length);
    const fitting = question.type === 'multiple' ? valid.sort((a, b) => a - b) : valid.slice(0, 1);
    if (fitting.length > 0) kept[question.id] = fitting;
  }
  return kept;
}
