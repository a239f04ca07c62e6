import { canSeeStory } from '../../../core/story/access';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { NOT_VISIBLE } from '../authoring';
import { findRating, findWorkWithCampaign } from '../ratings.repository';
import { storyCaller, toStoryView } from '../storyView';

/**
 * One work, as far as the caller may see it (core/story/access.ts: a draft, a work in the image check
 * and a refused one are the author's alone; NOT_FOUND to anyone else). The caller's own rating is read
 * only where they could have given one: an approved work by someone else.
 * DB requests: caller, the work with its campaign, the caller's rating = 3 at most.
 */
export async function detail(input: { id: string }, ctx: MemberContext) {
  const { db, member, now } = ctx;
  const caller = storyCaller(member);
  const found = await findWorkWithCampaign(db, input.id);
  if (!found || !canSeeStory(caller, found.story)) fail('NOT_FOUND', NOT_VISIBLE);
  const { story, campaign } = found;
  const rateable = story.status === 'approved' && story.authorId !== member._id;
  const myRating = rateable ? ((await findRating(db, story._id, member._id))?.score ?? null) : null;
  return {
    story: await toStoryView(story, { caller, campaign, now, myRating }),
  };
}
