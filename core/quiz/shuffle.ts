import { shuffle, type Rng } from '../random';
import type { QuestionType } from '../../types/question';

/**
 * Per-attempt option permutation: displayed position `i` shows original option `order[i]`.
 * The server stores `order` with the attempt; the phone only ever sees and sends displayed
 * positions, so a shared screenshot of "选 B" is useless to someone else's attempt.
 */
export function optionOrder(optionCount: number, rng: Rng): number[] {
  if (!Number.isInteger(optionCount) || optionCount < 0) throw new RangeError('optionCount must be a non-negative integer');
  return shuffle(
    Array.from({ length: optionCount }, (_, i) => i),
    rng,
  );
}

/** Judge options are always 正确 then 错误: swapping them would only trip people up, not deter copying. */
export function questionOptionOrder(type: QuestionType, optionCount: number, rng: Rng): number[] {
  return type === 'judge' ? Array.from({ length: optionCount }, (_, i) => i) : optionOrder(optionCount, rng);
}

/** Displayed positions → original indexes. Throws on a position outside `order`; untrusted input goes through scoring instead. */
export function toOriginal(order: readonly number[], displayed: readonly number[]): number[] {
  return displayed.map((d) => {
    const original = Number.isInteger(d) ? order[d] : undefined;
    if (original === undefined) throw new RangeError(`displayed position ${d} is not in the order`);
    return original;
  });
}

/** Original indexes → displayed positions, e.g. to show the correct answer after submit. */
export function toDisplayed(order: readonly number[], original: readonly number[]): number[] {
  return original.map((o) => {
    const displayed = order.indexOf(o);
    if (displayed === -1) throw new RangeError(`original option ${o} is not in the order`);
    return displayed;
  });
}
