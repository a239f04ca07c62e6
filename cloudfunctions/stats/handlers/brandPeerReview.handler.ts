import { formatDeadline } from '../../../core/story/campaign';
import type { ActionOutput, ParsedInput } from '../../../types/contracts';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { stepOnNomination } from '../brand.repository';
import { stageOf, toNominationViewAfterStep } from '../brandView';

/**
 * 互查: the secretary of the unit assigned to a nomination scores it (0–100) with a comment, once,
 * during 互查. The nominating unit never reviews its own (FORBIDDEN); a second review is CONFLICT,
 * also when two race (the review's `_id` is the nomination's, and both write the nomination in
 * their transaction). The review, the nomination, its unit's tally and the audit record commit
 * together. DB requests: the caller, then the transaction.
 */
export async function peerReview(
  input: ParsedInput<'stats', 'peerReview'>,
  ctx: MemberContext,
): Promise<ActionOutput<'stats', 'peerReview'>> {
  const { db, member, now, log } = ctx;
  const result = await stepOnNomination(
    db,
    { nominationId: input.nominationId, actorId: member._id, now },
    ({ nomination, programme }) => {
      if (nomination.branchId === member.branchId) fail('FORBIDDEN', { message: '不能互查本支部的申报' });
      if (nomination.reviewerBranchId !== member.branchId) fail('FORBIDDEN', { message: '该申报未分配给本支部互查' });
      const stage = stageOf(programme, now);
      if (stage === 'apply') fail('CLOSED', { message: `互查在申报 ${formatDeadline(programme.applyEndsAt)} 截止后开始` });
      if (stage !== 'review') fail('CLOSED', { message: `互查已于 ${formatDeadline(programme.reviewEndsAt)} 结束` });
      if (nomination.peerReview !== null) fail('CONFLICT', { message: '该申报已互查过' });
      const reviewerBranchName = nomination.reviewerBranchName ?? '';
      return {
        nomination: {
          status: 'reviewed',
          peerReview: {
            score: input.score,
            comment: input.comment,
            reviewerBranchId: member.branchId,
            reviewerBranchName,
            byId: member._id,
            at: now,
          },
        },
        review: {
          programmeId: programme._id,
          nominationId: nomination._id,
          reviewerBranchId: member.branchId,
          byId: member._id,
          score: input.score,
          comment: input.comment,
          createdAt: now,
        },
        tally: { reviewed: 1, peerScoreSum: input.score },
        audit: { action: 'stats.peerReview', detail: { title: nomination.title, score: input.score } },
      };
    },
    log,
  );
  return { nomination: await toNominationViewAfterStep(result.nomination, { member, stage: stageOf(result.programme, now) }) };
}
