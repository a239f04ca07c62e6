/**
 * A contest's question pool: drawn once, several times the questions an attempt needs, so attempts
 * differ while everything a contest can ask is known — and can be kept out of practice until it closes.
 */
import { drawFromSample, InsufficientQuestionsError, type DrawRule, type PoolQuestion, type SampledClass } from './draw';
import type { Rng } from '../random';

/** Preferred pool sizes as multiples of each rule's count; a small bank settles for a smaller one. */
export const POOL_FACTORS = [3, 2, 1] as const;

export function scaleRules<R extends DrawRule>(rules: readonly R[], factor: number): R[] {
  return rules.map((rule) => ({ ...rule, count: rule.count * factor }));
}

/**
 * Draws the pool from samples taken for the largest factor (a sample for a larger pool is also a
 * fair sample for a smaller one). Throws InsufficientQuestionsError when even one attempt's worth
 * cannot be drawn.
 */
export function drawPool(classes: readonly SampledClass[], rules: readonly DrawRule[], rng: Rng): PoolQuestion[] {
  const byId = new Map(classes.flatMap((group) => group.sample).map((question) => [question.id, question]));
  for (const factor of POOL_FACTORS) {
    try {
      return drawFromSample(classes, scaleRules(rules, factor), rng).map((id) => byId.get(id)!);
    } catch (error) {
      if (!(error instanceof InsufficientQuestionsError) || factor === 1) throw error;
    }
  }
  throw new RangeError('POOL_FACTORS must end with 1');
}
