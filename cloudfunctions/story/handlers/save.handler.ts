import { EDITABLE_STATUSES } from '../../../core/story/access';
import type { StoryDraft } from '../../../types/contracts/story';
import { STORY_STATUS_LABELS } from '../../../types/labels';
import { storyDoc, type StoryDoc } from '../../../server/documents';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { findOrgName } from '../../../server/orgs.repository';
import { assertAtVersion, authorView, loadOwnWork, VERSION_CONFLICT } from '../authoring';
import { resolveDraft } from '../draft';
import { insertStory, updateStoryAtVersion } from '../stories.repository';

/**
 * Autosave. Without `id` a new draft (author and branch names copied in once, here); with `id` the
 * author's own draft, or a work refused by content security or returned by the secretary, which
 * stays in its status. DB requests: caller, the work with its campaign, the update = 3 for an
 * autosave; a new draft reads its branch's name instead of the work; each newly named campaign,
 * activity or base adds one read (5 at most when saving a work, 6 for a first save naming all three).
 */
export async function save(input: { id?: string; version?: number; draft: StoryDraft }, ctx: MemberContext) {
  const { db, member, now, log } = ctx;
  if (input.id === undefined) {
    const [branchName, { fields, campaign }] = await Promise.all([
      findOrgName(db, member.branchId),
      resolveDraft(db, member, input.draft, null, log),
    ]);
    const { _id: unassigned, ...draft } = storyDoc({ ...member, branchName }, now, { _id: '', ...fields });
    const story = await insertStory(db, draft);
    return { story: await authorView(story, member, campaign, now) };
  }

  const own = await loadOwnWork(db, member, input.id);
  const { story } = own;
  if (!EDITABLE_STATUSES.includes(story.status)) {
    fail('CONFLICT', {
      message: `作品${STORY_STATUS_LABELS[story.status]}，${story.status === 'approved' ? '不能再修改' : '撤回后才能修改'}`,
    });
  }
  if (input.version === undefined) fail('INVALID_INPUT', { field: 'version', message: '请带上作品的版本号' });
  assertAtVersion(story, input.version);
  const { fields, campaign } = await resolveDraft(db, member, input.draft, own, log);
  const changes = { ...fields, updatedAt: now };
  if (!(await updateStoryAtVersion(db, story._id, story.version, changes))) fail('CONFLICT', { message: VERSION_CONFLICT });
  const saved: StoryDoc = { ...story, ...changes, version: story.version + 1 };
  return { story: await authorView(saved, member, campaign, now) };
}
