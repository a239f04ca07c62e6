/**
 * Suspicious-attempt flags (issue 11). They inform organisers and never change a score. Nothing
 * here reads the clock or the database.
 */

/**
 * 1,500 characters a minute: several times faster than reading Chinese with care (300–600), so a
 * person who answers faster than this did not read the question — a script did, or a helper did.
 */
export const MIN_READ_MS_PER_CHAR = 40;
/** Even the shortest 判断题 needs a look and a tap. */
export const MIN_READ_MS_PER_QUESTION = 1_000;

/** The least time a person needs to read a question's stem and options. */
export function minReadMs(stem: string, options: readonly string[]): number {
  const chars = [...stem].length + options.reduce((sum, option) => sum + [...option].length, 0);
  return Math.max(MIN_READ_MS_PER_QUESTION, chars * MIN_READ_MS_PER_CHAR);
}

export interface TimedQuestion {
  id: string;
  minReadMs?: number;
}

/**
 * Too fast: the answered questions took less time, all together, than reading them needs. `spentMs`
 * is the attempt's duration in whole pace, or the sum of per-question times in 逐题限时 pace. A blank
 * attempt is never too fast: nothing was answered.
 */
export function isTooFast(questions: readonly TimedQuestion[], answeredIds: ReadonlySet<string>, spentMs: number): boolean {
  const needed = questions
    .filter((question) => answeredIds.has(question.id))
    .reduce((sum, question) => sum + (question.minReadMs ?? MIN_READ_MS_PER_QUESTION), 0);
  return needed > 0 && spentMs < needed;
}

/** Fewer answered questions than this make identical sequences likely by chance, so they are not compared. */
export const MIN_ANSWERS_TO_COMPARE = 5;

/**
 * A canonical text of the chosen original options by question, or null when too few were answered
 * to compare. Options are compared in bank order, so two members with different shuffles who picked
 * the same answers have the same sequence.
 */
export function answerSequence(chosen: Readonly<Record<string, readonly number[]>>): string | null {
  const answered = Object.entries(chosen)
    .filter(([, options]) => options.length > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (answered.length < MIN_ANSWERS_TO_COMPARE) return null;
  return answered.map(([id, options]) => `${id}:${[...options].sort((a, b) => a - b).join(',')}`).join(';');
}
