/**
 * What the author's own actions share (save, submit, withdraw): loading the caller's work with the
 * refusal each kind of caller gets, the version check that keeps two devices from overwriting each
 * other, and the answer's view of the work.
 */
import { canSeeStory } from '../../core/story/access';
import type { StoryView } from '../../types/contracts/story';
import type { CampaignDoc, MemberDoc, StoryDoc } from '../../server/documents';
import { fail } from '../../server/kernel/failure';
import type { Database } from '../../server/kernel/db';
import { findWorkWithCampaign } from './ratings.repository';
import { storyCaller, toStoryView } from './storyView';

export const VERSION_CONFLICT = '作品已在别处修改，请刷新';
export const NOT_VISIBLE = { field: 'id', message: '作品不存在或尚未发布' };

export interface OwnWork {
  story: StoryDoc;
  campaign: CampaignDoc | null;
}

/**
 * The caller's own work and its campaign, in one request. A work the caller may not see does not
 * exist for them (NOT_FOUND); one they may see but did not write is FORBIDDEN.
 */
export async function loadOwnWork(db: Database, member: MemberDoc, id: string): Promise<OwnWork> {
  const found = await findWorkWithCampaign(db, id);
  if (!found || !canSeeStory(storyCaller(member), found.story)) fail('NOT_FOUND', NOT_VISIBLE);
  if (found.story.authorId !== member._id) fail('FORBIDDEN', { field: 'id', message: '只有作者本人可以修改、提交或撤回作品' });
  return found;
}

/** The version the caller last saw must still be the stored one. */
export function assertAtVersion(story: StoryDoc, version: number): void {
  if (story.version !== version) fail('CONFLICT', { message: VERSION_CONFLICT });
}

/** The work as its author sees it after their own step (the author never rates their own work). */
export function authorView(story: StoryDoc, member: MemberDoc, campaign: CampaignDoc | null, now: Date): Promise<StoryView> {
  return toStoryView(story, { caller: storyCaller(member), campaign, now, myRating: null });
}
