import { paceOf, reviewAvailableAt, reviewPolicyOf } from '../../core/quiz';
import type { ContestSummary } from '../../types/contracts/quiz';
import type { ContestDoc } from '../../server/documents';

type ContestRulesView = Pick<
  ContestSummary,
  'description' | 'review' | 'reviewAvailableAt' | 'pace' | 'secondsPerQuestion' | 'maxSwitches'
>;

/** What 竞赛须知 states, the same in the member's list and the organiser's. */
export function contestRulesView(contest: ContestDoc): ContestRulesView {
  const pace = paceOf(contest);
  return {
    description: contest.description,
    review: reviewPolicyOf(contest),
    reviewAvailableAt: reviewAvailableAt(contest)?.toISOString() ?? null,
    pace,
    secondsPerQuestion: pace === 'perQuestion' ? (contest.secondsPerQuestion ?? null) : null,
    maxSwitches: contest.maxSwitches ?? null,
  };
}
