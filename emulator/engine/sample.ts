/**
 * `$sample` as MongoDB (and so CloudBase) runs it after a `$match`: a random sort of the input, then
 * the first `size` — never the same document twice, and every document, in random order, when
 * `size` exceeds the input. mingo's own `$sample` draws with replacement, which would hand a
 * fair-draw pipeline duplicate questions and inflated group counts.
 */
import type { PipelineOperator } from 'mingo/core';

export const $sample: PipelineOperator = (collection, expr) =>
  collection.transform((docs) => {
    const size = Number((expr as { size?: unknown }).size);
    if (!Number.isInteger(size) || size < 1) throw new Error('$sample size must be a positive integer');
    const picked = docs.slice();
    const take = Math.min(size, picked.length);
    // Partial Fisher–Yates: the first `take` slots end up a uniform random ordered sample.
    for (let i = 0; i < take; i++) {
      const j = i + Math.floor(Math.random() * (picked.length - i));
      [picked[i], picked[j]] = [picked[j], picked[i]];
    }
    return picked.slice(0, take);
  });
