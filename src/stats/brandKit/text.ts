/**
 * How the 四红 pages read a brand programme (ARCHITECTURE.md, "Statistics", 四红): its stage at the
 * phone's clock (core/brand/stage.ts, for what a page offers; the server decides again on every
 * call), the deadline that closes it and the per-brand numbers.
 */
import { brandStage } from '../../../core/brand/stage';
import type { BrandDeadline, BrandProgrammeView } from '../../../types/contracts/brand';
import { BRAND_LABELS, type BrandKey, type BrandStage } from '../../../types/labels';
import { deadlineText, formatDeadline } from '../../story/storyText';

/** The four stages that have a deadline, in order, each with the field that closes it. */
export const STAGE_STEPS: ReadonlyArray<{ stage: Exclude<BrandStage, 'closed'>; deadline: BrandDeadline; label: string }> = [
  { stage: 'apply', deadline: 'applyEndsAt', label: '申报' },
  { stage: 'review', deadline: 'reviewEndsAt', label: '互查' },
  { stage: 'rating', deadline: 'ratingEndsAt', label: '评议' },
  { stage: 'acceptance', deadline: 'acceptanceEndsAt', label: '验收' },
];

/** The deadlines in stage order (the contract's BRAND_DEADLINES; a value from a contract file would bring zod into the package, ARCHITECTURE.md "Layers"). */
export const DEADLINE_FIELDS: readonly BrandDeadline[] = STAGE_STEPS.map((step) => step.deadline);

/** The chip a list shows for a stage: what is happening now. */
export const STAGE_CHIP_LABELS: Record<BrandStage, string> = {
  apply: '申报中',
  review: '互查中',
  rating: '评议中',
  acceptance: '验收中',
  closed: '已结束',
};

type Deadlines = Pick<BrandProgrammeView, BrandDeadline>;

/** The stage at `nowMs` on the phone's clock. */
export function stageAt(programme: Deadlines, nowMs: number): BrandStage {
  return brandStage(
    {
      applyEndsAt: new Date(programme.applyEndsAt),
      reviewEndsAt: new Date(programme.reviewEndsAt),
      ratingEndsAt: new Date(programme.ratingEndsAt),
      acceptanceEndsAt: new Date(programme.acceptanceEndsAt),
    },
    new Date(nowMs),
  );
}

/** `申报 6月26日截止`, or `已于 9月30日 24:00 结束` once every stage is over. */
export function nextDeadlineText(programme: Deadlines, stage: BrandStage): string {
  const step = STAGE_STEPS.find((candidate) => candidate.stage === stage);
  if (!step) return `已于 ${formatDeadline(programme.acceptanceEndsAt)} 结束`;
  return `${step.label} ${deadlineText(programme[step.deadline])}`;
}

/** `6月26日 24:00` in Beijing time, as the server's messages name deadlines. */
export { formatDeadline };

/** `红色基地 8/10`. */
export function quotaText(key: BrandKey, selected: number, selectTotal: number): string {
  return `${BRAND_LABELS[key]} ${selected}/${selectTotal}`;
}

/** One decimal, or — before the first score. */
export function oneDecimal(value: number | null): string {
  return value === null ? '—' : value.toFixed(1);
}
