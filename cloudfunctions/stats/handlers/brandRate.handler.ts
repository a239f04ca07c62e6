import { formatDeadline } from '../../../core/story/campaign';
import type { ActionOutput, ParsedInput } from '../../../types/contracts';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { countRatingOnNomination, countRatingOnUnit, findNominationWithProgramme, insertBrandRating } from '../brand.repository';
import { average, stageOf } from '../brandView';

/**
 * 评议: any active member rates a nomination 1–5 during 评议, once, never one of their own unit's.
 * As for story ratings (ARCHITECTURE.md, "Stories"), no transaction: the rating's `_id` lets exactly
 * one of racing ratings by a member in (the rest DUPLICATE), and only that one moves the
 * nomination's and the unit's counts, by increments that never conflict. DB requests: the caller,
 * the nomination with its programme (one lookup), the insert, then both increments side by side — 5.
 */
export async function rateNomination(
  input: ParsedInput<'stats', 'rateNomination'>,
  ctx: MemberContext,
): Promise<ActionOutput<'stats', 'rateNomination'>> {
  const { db, member, now, log } = ctx;
  const found = await findNominationWithProgramme(db, input.nominationId);
  if (!found) fail('NOT_FOUND', { field: 'nominationId', message: '申报不存在或已删除' });
  const { nomination, programme } = found;
  const stage = stageOf(programme, now);
  if (nomination.branchId === member.branchId) fail('FORBIDDEN', { message: '不能评议本支部的申报' });
  if (stage !== 'rating') {
    fail(
      'CLOSED',
      stage === 'apply' || stage === 'review'
        ? { message: `评议在互查 ${formatDeadline(programme.reviewEndsAt)} 结束后开始` }
        : { message: `评议已于 ${formatDeadline(programme.ratingEndsAt)} 截止` },
    );
  }
  const inserted = await insertBrandRating(db, {
    programmeId: programme._id,
    nominationId: nomination._id,
    memberId: member._id,
    score: input.score,
    createdAt: now,
  });
  if (!inserted) fail('DUPLICATE', { message: '你已评议过这项申报' });

  const notCounted = (where: string) => (error: unknown) => {
    // The rating stands (its record is written); only a count is one short.
    log.error('brand_rating_not_counted', {
      where,
      nominationId: nomination._id,
      message: error instanceof Error ? error.message : String(error),
    });
  };
  await Promise.all([
    countRatingOnNomination(db, nomination._id, input.score).catch(notCounted('nomination')),
    countRatingOnUnit(
      db,
      { programmeId: programme._id, branchId: nomination.branchId },
      { brand: nomination.brand, score: input.score, now },
    ).catch(notCounted('unit')),
  ]);
  const count = nomination.ratingCount + 1;
  const sum = nomination.ratingSum + input.score;
  return { rating: { count, sum, average: average(sum, count) }, myRating: input.score };
}
