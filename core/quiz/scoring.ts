import type { QuestionType } from '../../types/question';
import { toDisplayed } from './shuffle';

export interface ScoredQuestion {
  id: string;
  type: QuestionType;
  /** Original option indexes, as stored in the bank. */
  answer: readonly number[];
  optionCount: number;
  points: number;
}

export interface ScoreInput {
  questions: readonly ScoredQuestion[];
  /** Per question id, the permutation stored at `start`; a question without one was shown unshuffled (judge). */
  orders: Readonly<Record<string, readonly number[]>>;
  /** What the phone sent: meant to be `Record<questionId, displayedIndex[]>`, trusted for nothing. */
  answers: unknown;
}

export interface QuestionResult {
  questionId: string;
  correct: boolean;
  /** Original indexes, ascending and distinct; empty when unanswered or the answer was malformed. */
  chosen: number[];
}

export interface AttemptScore {
  score: number;
  maxScore: number;
  correctCount: number;
  results: QuestionResult[];
}

/**
 * The stored order and points come from our own database, so a bad one is a bug to surface
 * loudly rather than a reason to score someone's attempt wrongly in silence.
 */
function orderFor(q: ScoredQuestion, orders: ScoreInput['orders']): readonly number[] {
  if (!Number.isInteger(q.optionCount) || q.optionCount < 0 || !(q.points >= 0 && Number.isFinite(q.points))) {
    throw new RangeError(`question ${q.id}: invalid optionCount or points`);
  }
  const order = Object.prototype.hasOwnProperty.call(orders, q.id) ? orders[q.id] : undefined;
  if (order === undefined) return Array.from({ length: q.optionCount }, (_, i) => i);
  const isPermutation =
    order.length === q.optionCount &&
    new Set(order).size === order.length &&
    order.every((o) => Number.isInteger(o) && o >= 0 && o < q.optionCount);
  if (!isPermutation) throw new RangeError(`question ${q.id}: stored option order is not a permutation of ${q.optionCount}`);
  return order;
}

/**
 * Reads only own data properties, so keys like `__proto__` or `constructor` and accessors on a
 * crafted object neither resolve to inherited values nor run code.
 */
function ownAnswer(answers: unknown, questionId: string): unknown {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) return undefined;
  const descriptor = Object.getOwnPropertyDescriptor(answers, questionId);
  return descriptor !== undefined && 'value' in descriptor ? descriptor.value : undefined;
}

/** Displayed positions → distinct original indexes, or null when any element is not a valid position. */
function chosenOriginals(raw: unknown, order: readonly number[]): Set<number> | null {
  if (!Array.isArray(raw)) return null;
  const chosen = new Set<number>();
  for (let i = 0; i < raw.length; i++) {
    const displayed: unknown = raw[i];
    if (typeof displayed !== 'number' || !Number.isInteger(displayed)) return null;
    const original = displayed >= 0 ? order[displayed] : undefined;
    if (original === undefined) return null;
    chosen.add(original);
  }
  return chosen;
}

/**
 * Per-question correctness of a stored choice: exactly the answer's options, order and repeats
 * aside, and never an empty choice. No partial credit.
 */
export function isCorrectChoice(chosen: Iterable<number>, answer: readonly number[]): boolean {
  const picked = new Set(chosen);
  const expected = new Set(answer);
  return picked.size > 0 && picked.size === expected.size && [...picked].every((option) => expected.has(option));
}

function isCorrect(q: ScoredQuestion, chosen: ReadonlySet<number>): boolean {
  if (q.type !== 'multiple' && chosen.size !== 1) return false;
  return isCorrectChoice(chosen, q.answer);
}

export interface ReviewedChoice {
  /** Displayed positions the member chose, ascending. */
  chosen: number[];
  /** Displayed positions of the answer, ascending. */
  correct: number[];
  isCorrect: boolean;
}

/**
 * A scored question as the member saw it, for the review after submit: the stored original
 * indexes mapped through the attempt's option order. A stored choice outside the order is dropped.
 */
export function reviewChoice(order: readonly number[], answer: readonly number[], chosenOriginals: readonly number[]): ReviewedChoice {
  const ascending = (a: number, b: number) => a - b;
  const shown = chosenOriginals.filter((original) => order.includes(original));
  return {
    chosen: toDisplayed(order, shown).sort(ascending),
    correct: toDisplayed(order, answer).sort(ascending),
    isCorrect: isCorrectChoice(shown, answer),
  };
}

/**
 * Scores an attempt from the phone's displayed-position answers. Whatever `answers` holds, this
 * never throws and never awards points for anything but an exact, well-formed answer:
 * unknown question ids are ignored, repeated positions count once, a malformed answer is wrong,
 * a single/judge answer with several choices is wrong, and a multiple-choice answer must equal
 * the answer set exactly (no partial credit).
 */
export function scoreAttempt({ questions, orders, answers }: ScoreInput): AttemptScore {
  let score = 0;
  let maxScore = 0;
  let correctCount = 0;
  const results = questions.map((q): QuestionResult => {
    const order = orderFor(q, orders);
    maxScore += q.points;
    const chosen = chosenOriginals(ownAnswer(answers, q.id), order) ?? new Set<number>();
    const correct = isCorrect(q, chosen);
    if (correct) {
      score += q.points;
      correctCount++;
    }
    return { questionId: q.id, correct, chosen: [...chosen].sort((a, b) => a - b) };
  });
  return { score, maxScore, correctCount, results };
}
