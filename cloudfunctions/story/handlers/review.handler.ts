import type { ParsedInput } from '../../../types/contracts';
import type { StoryView } from '../../../types/contracts/story';
import { storyFeedKey } from '../../../server/documents';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { refuseUnlessReviewer, scoreOf, viewAfterStep } from '../chain';
import { stepInChain } from '../chain.repository';
import { storyCaller } from '../storyView';
import { tallyApproval } from '../tallies';

/**
 * 审核 by the work's branch secretary or an org admin, never its author: pending → approved (into the
 * feed, counted for its campaign) or returned with the comment. The work, its version and the
 * author's notice commit in one transaction; the campaign's tally moves after it (chain.repository.ts,
 * tallies.ts). DB requests: the caller, then the transaction (start, work, campaign, the caller's
 * rating, author, update, notice, commit), then for a campaign work's approval the author marker
 * and the tally.
 */
export async function review(input: ParsedInput<'story', 'review'>, ctx: MemberContext): Promise<{ story: StoryView }> {
  const { member, now } = ctx;
  if (input.decision === 'return' && input.comment === '') fail('INVALID_INPUT', { field: 'comment', message: '请填写退回原因' });
  const caller = storyCaller(member);
  const result = await stepInChain(
    ctx.db,
    { storyId: input.id, callerId: member._id, now },
    ({ story, campaign }) => {
      refuseUnlessReviewer(caller, story, '只能审核本支部的作品');
      if (story.authorId === member._id) fail('FORBIDDEN', { message: '不能审核自己的作品' });
      if (story.status !== 'pending') fail('CONFLICT', { message: '作品已审核或已撤回，请刷新' });
      const decided = { decision: input.decision, comment: input.comment, reviewerId: member._id, reviewerName: member.name, at: now };
      const audit = { action: 'story.review', detail: { title: story.title, decision: input.decision, reason: input.comment } };
      if (input.decision === 'return') {
        return { story: { status: 'returned', review: decided }, notify: { step: 'returned', comment: input.comment }, audit };
      }
      return {
        story: {
          status: 'approved',
          approvedAt: now,
          feedKey: storyFeedKey(now, story._id),
          review: decided,
          rankScore: scoreOf(story, campaign),
        },
        notify: { step: 'approved', comment: input.comment },
        audit,
      };
    },
    ctx.log,
  );
  if (result.story.status === 'approved') await tallyApproval(ctx, result.story);
  return { story: await viewAfterStep(result, caller, now) };
}
