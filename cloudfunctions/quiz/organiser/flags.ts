import { ATTEMPT_FLAGS, type AttemptFlag } from '../../../types/labels';

/** Flags stored at hand-in, plus sameAnswers when one of the signatures is shared with another member. */
export function attemptFlags(
  stored: readonly string[],
  signatures: readonly (string | null | undefined)[],
  shared: ReadonlySet<string>,
): AttemptFlag[] {
  const flags = new Set(stored);
  if (signatures.some((signature) => typeof signature === 'string' && shared.has(signature))) flags.add('sameAnswers');
  return ATTEMPT_FLAGS.filter((flag) => flags.has(flag));
}
