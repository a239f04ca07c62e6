import { WITHDRAWABLE_STATUSES } from '../../../core/story/access';
import type { MemberDoc, StoryDoc } from '../../../server/documents';
import type { Database } from '../../../server/kernel/db';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { authorView, loadOwnWork, VERSION_CONFLICT } from '../authoring';
import { updateStoryAtVersion } from '../stories.repository';

/** Why the work cannot be taken back now: nobody has decided on it yet, or it is not handed in. */
function assertWithdrawable(work: StoryDoc): void {
  if (WITHDRAWABLE_STATUSES.includes(work.status)) return;
  if (work.status === 'approved' || work.status === 'returned') fail('CONFLICT', { message: '已审核的作品不能撤回' });
  fail('CONFLICT', { message: '作品尚未提交，不用撤回' });
}

async function loadWithdrawable(db: Database, member: MemberDoc, id: string) {
  const own = await loadOwnWork(db, member, id);
  assertWithdrawable(own.story);
  return own;
}

/**
 * Back to a draft while nobody has reviewed it (checking or pending). Image checks still under way
 * are forgotten: their verdicts, when WeChat pushes them, find no work waiting. A secretary deciding
 * at the same moment wins or loses by the version; the loser is told what happened.
 * DB requests: caller, the work with its campaign, the update = 3 (a lost race reads the work again).
 */
export async function withdraw(input: { id: string }, ctx: MemberContext) {
  const { db, member, now } = ctx;
  const { story, campaign } = await loadWithdrawable(db, member, input.id);
  const changes: Partial<StoryDoc> = { status: 'draft', mediaChecks: [], submittedAt: null, updatedAt: now };
  if (!(await updateStoryAtVersion(db, story._id, story.version, changes))) {
    await loadWithdrawable(db, member, input.id);
    fail('CONFLICT', { message: VERSION_CONFLICT });
  }
  return { story: await authorView({ ...story, ...changes, version: story.version + 1 }, member, campaign, now) };
}
