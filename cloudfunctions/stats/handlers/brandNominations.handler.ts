import { stageReached } from '../../../core/brand/stage';
import type { ActionOutput, ParsedInput } from '../../../types/contracts';
import { fail } from '../../../server/kernel/failure';
import { decodeOffsetCursor, toPage } from '../../../server/kernel/paging';
import type { MemberContext } from '../../../server/kernel/router';
import { findBrandProgramme, listNominations, myRatings, type NominationFilter } from '../brand.repository';
import { stageOf, toNominationViews } from '../brandView';

/**
 * Nominations, newest first, filtered by unit, brand and status. Org admins see all; a secretary
 * their unit's, or (`assignedToMe`) the ones their unit reviews in 互查; from 评议 on every member
 * sees all of them, since they are rated and their results are public then (CLOSED before).
 * DB requests: the caller, the programme, the page, and from 评议 on the caller's ratings of it.
 */
export async function nominations(
  input: ParsedInput<'stats', 'nominations'>,
  ctx: MemberContext,
): Promise<ActionOutput<'stats', 'nominations'>> {
  const { db, member, now } = ctx;
  const offset = decodeOffsetCursor(input.cursor);
  const programme = await findBrandProgramme(db, input.programmeId);
  if (!programme) fail('NOT_FOUND', { field: 'programmeId', message: '方案不存在或已删除' });
  const stage = stageOf(programme, now);
  const publicNow = stageReached(stage, 'rating');

  const filter: NominationFilter = { programmeId: programme._id, brand: input.brand, status: input.status };
  if (input.assignedToMe) {
    if (member.role === 'member') fail('FORBIDDEN', { field: 'assignedToMe', message: '互查由支部书记进行' });
    filter.reviewerBranchId = member.branchId;
  } else if (member.role === 'org_admin' || publicNow) {
    filter.branchId = input.branchId;
  } else if (member.role === 'secretary') {
    if (input.branchId !== undefined && input.branchId !== member.branchId) {
      fail('FORBIDDEN', { field: 'branchId', message: '评议开始前只能查看本支部的申报' });
    }
    filter.branchId = member.branchId;
  } else {
    fail('CLOSED', { message: '评议开始后可查看各单位的申报' });
  }

  const page = toPage(await listNominations(db, filter, { offset, limit: input.pageSize + 1 }), input.pageSize, offset);
  const ratings =
    publicNow && member.role !== 'org_admin'
      ? await myRatings(
          db,
          member._id,
          page.items.map((nomination) => nomination._id),
        )
      : new Map<string, number>();
  return {
    items: await toNominationViews(page.items, { member, stage }, ratings),
    nextCursor: page.nextCursor,
  };
}
