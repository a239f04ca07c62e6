import { stageReached } from '../../../core/brand/stage';
import { formatDeadline } from '../../../core/story/campaign';
import type { ActionOutput, ParsedInput } from '../../../types/contracts';
import { BRAND_LABELS } from '../../../types/labels';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { stepOnNomination } from '../brand.repository';
import { stageOf, toNominationViewAfterStep, zeroSelected } from '../brandView';

/**
 * 评选 by the org, from 验收 on: an accepted nomination is selected, with an optional commendation,
 * or unselected (its place goes back). Each brand has at most `selectTotal` selected: the count is
 * on the programme and moves in the step's transaction, so of racing selections for the last place
 * exactly one gets it and the rest are FULL. DB requests: the caller, then the transaction.
 */
export async function selectNomination(
  input: ParsedInput<'stats', 'selectNomination'>,
  ctx: MemberContext,
): Promise<ActionOutput<'stats', 'selectNomination'>> {
  const { db, member, now, log } = ctx;
  const result = await stepOnNomination(
    db,
    { nominationId: input.nominationId, actorId: member._id, now },
    ({ nomination, programme }) => {
      if (!stageReached(stageOf(programme, now), 'acceptance')) {
        fail('CLOSED', { message: `评选在评议 ${formatDeadline(programme.ratingEndsAt)} 截止后开始` });
      }
      const selected = { ...zeroSelected(), ...programme.selected };
      const key = nomination.brand;
      const audit = { action: 'stats.selectNomination', detail: { title: nomination.title, selected: input.selected } };
      if (!input.selected) {
        if (nomination.status !== 'selected') return null;
        selected[key] = Math.max(0, selected[key] - 1);
        return { nomination: { status: 'accepted', selection: null }, tally: { selected: -1 }, selected, audit };
      }
      if (nomination.status !== 'accepted' && nomination.status !== 'selected') fail('CONFLICT', { message: '验收通过后才能评选' });
      const selection = { commendation: input.commendation, byId: member._id, at: now };
      if (nomination.status === 'selected') {
        if (nomination.selection?.commendation === input.commendation) return null;
        return { nomination: { selection }, audit };
      }
      const total = programme.brands.find((brand) => brand.key === key)?.selectTotal ?? 0;
      if (selected[key] >= total) fail('FULL', { field: 'selected', message: `${BRAND_LABELS[key]}评选名额已用完（共 ${total} 个）` });
      selected[key] += 1;
      return { nomination: { status: 'selected', selection }, tally: { selected: 1 }, selected, audit };
    },
    log,
  );
  const key = result.nomination.brand;
  return {
    nomination: await toNominationViewAfterStep(result.nomination, { member, stage: stageOf(result.programme, now) }),
    brand: {
      key,
      selected: result.programme.selected[key] ?? 0,
      selectTotal: result.programme.brands.find((brand) => brand.key === key)?.selectTotal ?? 0,
    },
  };
}
