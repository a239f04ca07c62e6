/**
 * Which stage of a 四红 brand programme holds at an instant (ARCHITECTURE.md, "Statistics"). Each
 * deadline closes its stage at that very millisecond: at `applyEndsAt` 申报 is over and 互查 open.
 * Pure, shared by the server (with ctx.now) and the app (with the phone's clock, for display only).
 */
import type { BrandStage } from '../../types/labels';

export interface BrandDeadlines {
  applyEndsAt: Date;
  reviewEndsAt: Date;
  ratingEndsAt: Date;
  acceptanceEndsAt: Date;
}

export function brandStage(deadlines: BrandDeadlines, now: Date): BrandStage {
  const at = now.getTime();
  if (at < deadlines.applyEndsAt.getTime()) return 'apply';
  if (at < deadlines.reviewEndsAt.getTime()) return 'review';
  if (at < deadlines.ratingEndsAt.getTime()) return 'rating';
  if (at < deadlines.acceptanceEndsAt.getTime()) return 'acceptance';
  return 'closed';
}

const ORDER: readonly BrandStage[] = ['apply', 'review', 'rating', 'acceptance', 'closed'];

/** Whether `stage` is `from` or a later one. */
export function stageReached(stage: BrandStage, from: BrandStage): boolean {
  return ORDER.indexOf(stage) >= ORDER.indexOf(from);
}
