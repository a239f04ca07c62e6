import type { ParsedInput } from '../../../types/contracts';
import type { StoryView } from '../../../types/contracts/story';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { refuseUnlessReviewer, scoreOf, viewAfterStep } from '../chain';
import { stepInChain } from '../chain.repository';
import { storyCaller } from '../storyView';

/**
 * 推荐: the work's branch secretary (or an org admin) puts an approved work forward to the org, once;
 * it enters the selection queue and its rank score takes the recommendation's points. The work and
 * the author's notice commit in one transaction. DB requests: the caller, then the transaction
 * (start, work, campaign, the caller's rating, author, update, notice, commit).
 */
export async function recommend(input: ParsedInput<'story', 'recommend'>, ctx: MemberContext): Promise<{ story: StoryView }> {
  const { member, now } = ctx;
  const caller = storyCaller(member);
  const result = await stepInChain(
    ctx.db,
    { storyId: input.id, callerId: member._id, now },
    ({ story, campaign }) => {
      refuseUnlessReviewer(caller, story, '只能推荐本支部的作品');
      if (story.status !== 'approved') fail('CONFLICT', { message: '作品通过审核后才能推荐' });
      if (story.selectionState !== null) fail('CONFLICT', { message: '作品已推荐' });
      const recommended = { ...story, selectionState: 'recommended' as const };
      return {
        story: {
          selectionState: 'recommended',
          recommendation: { note: input.note, byId: member._id, byName: member.name, at: now },
          rankScore: scoreOf(recommended, campaign),
        },
        notify: { step: 'recommended', note: input.note },
        audit: { action: 'story.recommend', detail: { title: story.title, reason: input.note } },
      };
    },
    ctx.log,
  );
  return { story: await viewAfterStep(result, caller, now) };
}
