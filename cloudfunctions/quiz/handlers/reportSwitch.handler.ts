import type { ActionOutput } from '../../../types/contracts';
import type { AttemptAnswers } from '../../../types/contracts/quiz';
import type { AttemptDoc } from '../../../server/documents';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { isSubmitted, toAttemptResult } from '../attemptResult';
import { handIn, putOnBoard } from '../handIn';
import { countSwitch, findAttempt } from '../repository';

type SwitchOutput = ActionOutput<'quiz', 'reportSwitch'>;

/** Past this many reports an attempt's count stops growing: a script hammering the action changes nothing more. */
export const MAX_COUNTED_SWITCHES = 100;
/** Conditional increments lost to concurrent reports before giving up with CONFLICT. */
const MAX_TRIES = 3;

/**
 * 切屏: counts one report (the app sends one per hide; every call counts, so the app must not retry
 * one blindly). When the count passes the contest's `maxSwitches` the server hands the attempt in,
 * as if the member had: in whole pace with the answers the phone sent along (none: blank), in
 * 逐题限时 pace with the answers recorded so far. The count stays on the attempt for organisers.
 * DB requests: caller, attempt, increment = 3; the hand-in adds the close and the board entry.
 */
export async function reportSwitch(input: { attemptId: string; answers?: AttemptAnswers }, ctx: MemberContext): Promise<SwitchOutput> {
  let attempt = await findAttempt(ctx.db, input.attemptId);
  if (!attempt || attempt.memberId !== ctx.member._id) fail('NOT_FOUND');
  for (let tries = 0; tries < MAX_TRIES; tries += 1) {
    if (isSubmitted(attempt)) return stateOf(attempt);
    const seen = attempt.switchCount ?? 0;
    if (seen >= MAX_COUNTED_SWITCHES) return stateOf(attempt);
    if (await countSwitch(ctx.db, attempt._id, seen)) {
      const counted: AttemptDoc = { ...attempt, switchCount: seen + 1 };
      if (counted.maxSwitches === null || counted.maxSwitches === undefined || seen + 1 <= counted.maxSwitches) return stateOf(counted);
      const answers = counted.pace === 'perQuestion' ? (counted.answers ?? {}) : (input.answers ?? {});
      const submitted = await handIn(ctx, counted, answers, { autoSubmitted: true });
      await putOnBoard(ctx, submitted);
      return stateOf(submitted);
    }
    attempt = await findAttempt(ctx.db, input.attemptId);
    if (!attempt) fail('NOT_FOUND');
  }
  fail('CONFLICT', { message: '切屏记录冲突，请稍后再试' });
}

function stateOf(attempt: AttemptDoc): SwitchOutput {
  return {
    switchCount: attempt.switchCount ?? 0,
    maxSwitches: attempt.maxSwitches ?? null,
    autoSubmitted: attempt.autoSubmitted === true,
    result: isSubmitted(attempt) ? toAttemptResult(attempt) : null,
  };
}
