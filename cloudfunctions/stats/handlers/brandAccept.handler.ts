import { formatDeadline } from '../../../core/story/campaign';
import type { ActionOutput, ParsedInput } from '../../../types/contracts';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { stepOnNomination } from '../brand.repository';
import { stageOf, toNominationViewAfterStep } from '../brandView';

/**
 * 验收 by the org, during 验收: passed, or failed with the reason. It may be changed until the
 * nomination is selected (unselect first: CONFLICT). The nomination, its unit's accepted count and
 * the audit record commit together. DB requests: the caller, then the transaction.
 */
export async function acceptNomination(
  input: ParsedInput<'stats', 'acceptNomination'>,
  ctx: MemberContext,
): Promise<ActionOutput<'stats', 'acceptNomination'>> {
  const { db, member, now, log } = ctx;
  const result = await stepOnNomination(
    db,
    { nominationId: input.nominationId, actorId: member._id, now },
    ({ nomination, programme }) => {
      const stage = stageOf(programme, now);
      if (stage !== 'acceptance') {
        fail(
          'CLOSED',
          stage === 'closed'
            ? { message: `验收已于 ${formatDeadline(programme.acceptanceEndsAt)} 结束` }
            : { message: `验收在评议 ${formatDeadline(programme.ratingEndsAt)} 截止后开始` },
        );
      }
      if (nomination.status === 'selected') fail('CONFLICT', { message: '已评选的申报请先取消评选' });
      const status = input.passed ? 'accepted' : 'failed';
      if (nomination.status === status && nomination.acceptance?.note === input.note) return null;
      const accepted = (input.passed ? 1 : 0) - (nomination.status === 'accepted' ? 1 : 0);
      return {
        nomination: { status, acceptance: { passed: input.passed, note: input.note, byId: member._id, at: now } },
        tally: { accepted },
        audit: { action: 'stats.acceptNomination', detail: { title: nomination.title, passed: input.passed, note: input.note } },
      };
    },
    log,
  );
  return { nomination: await toNominationViewAfterStep(result.nomination, { member, stage: stageOf(result.programme, now) }) };
}
