/**
 * What the review chain's actions share: who may take a step on a work (core/story/access.ts, with
 * the error each kind of caller gets), a work's rank score, and the answer's view of the work.
 */
import { canSeeStory, reviewsBranch, type StoryCaller } from '../../core/story/access';
import { rankScore } from '../../core/story/ranking';
import type { StoryView } from '../../types/contracts/story';
import type { CampaignDoc, StoryDoc } from '../../server/documents';
import { fail } from '../../server/kernel/failure';
import { NOT_VISIBLE } from './authoring';
import type { ChainResult } from './chain.repository';
import { toStoryView } from './storyView';

type Scored = Pick<StoryDoc, 'selectionState' | 'selection' | 'ratingCount' | 'ratingSum'>;

/**
 * The work's score in its campaign (core/story/ranking.ts). A work outside any campaign is never
 * ranked; its score counts the org's steps alone.
 */
export function scoreOf(work: Scored, campaign: Pick<CampaignDoc, 'ratingWeight'> | null): number {
  const facts = {
    selectionState: work.selectionState,
    award: work.selection?.award ?? null,
    ratingCount: work.ratingCount,
    ratingSum: work.ratingSum,
  };
  return rankScore(facts, campaign?.ratingWeight ?? 0);
}

/**
 * A step a branch's reviewers take (审核, 推荐): another branch's secretary is FORBIDDEN, a work the
 * caller cannot see (a draft, one in the media check) is NOT_FOUND to them.
 */
export function refuseUnlessReviewer(caller: StoryCaller, work: StoryDoc, wrongBranch: string): void {
  if (!reviewsBranch(caller, work.branchId)) fail('FORBIDDEN', { message: wrongBranch });
  if (!canSeeStory(caller, work)) fail('NOT_FOUND', NOT_VISIBLE);
}

export function viewAfterStep(result: ChainResult, caller: StoryCaller, now: Date): Promise<StoryView> {
  const { story, campaign, myRating } = result;
  return toStoryView(story, { caller, campaign, now, myRating });
}
