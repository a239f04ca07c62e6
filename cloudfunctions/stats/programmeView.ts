/**
 * A stored programme as the app sees it, and a draft from the app as it is stored, with the rules a
 * draft must meet beyond its schema (its window, unique item and quota keys).
 */
import type { ProgrammeDraft, ProgrammeView } from '../../types/contracts/stats';
import { programmeState } from '../../core/stats/rules';
import type { ProgrammeDoc } from '../../server/documents';
import { fail } from '../../server/kernel/failure';

export type ProgrammeFields = Omit<ProgrammeDoc, '_id' | 'createdAt' | 'updatedAt'>;

export function toProgrammeView(programme: ProgrammeDoc, now: Date): ProgrammeView {
  return {
    id: programme._id,
    title: programme.title,
    year: programme.year,
    description: programme.description,
    startsAt: programme.startsAt.toISOString(),
    endsAt: programme.endsAt.toISOString(),
    items: programme.items,
    branchQuotas: programme.branchQuotas,
    studyHoursTarget: programme.studyHoursTarget,
    points: programme.points,
    state: programmeState(programme, now),
  };
}

/** The index of the first element whose key an earlier one already has, or -1. */
function firstRepeat<T>(list: readonly T[], key: (element: T) => string): number {
  const seen = new Set<string>();
  return list.findIndex((element) => {
    const value = key(element);
    if (seen.has(value)) return true;
    seen.add(value);
    return false;
  });
}

/** The draft as stored, or INVALID_INPUT naming the field (under `programme.`) that breaks a rule. */
export function programmeFields(draft: ProgrammeDraft): ProgrammeFields {
  const startsAt = new Date(draft.startsAt);
  const endsAt = new Date(draft.endsAt);
  if (endsAt <= startsAt) fail('INVALID_INPUT', { field: 'programme.endsAt', message: '结束时间须晚于开始时间' });
  const repeatedItem = firstRepeat(draft.items, (item) => item.key);
  if (repeatedItem >= 0) fail('INVALID_INPUT', { field: `programme.items.${repeatedItem}.key`, message: '同一项目不能重复' });
  const repeatedQuota = firstRepeat(draft.branchQuotas, (quota) => quota.key);
  if (repeatedQuota >= 0)
    fail('INVALID_INPUT', { field: `programme.branchQuotas.${repeatedQuota}.key`, message: '支部指标的标识不能重复' });
  return { ...draft, startsAt, endsAt };
}
