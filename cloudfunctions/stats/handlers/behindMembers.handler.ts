import type { ActionOutput, ParsedInput } from '../../../types/contracts';
import { decodeOffsetCursor, toPage } from '../../../server/kernel/paging';
import type { MemberContext } from '../../../server/kernel/router';
import { listBehindProgress } from '../../../server/stats/progress.repository';
import { managedBranch, programmeFor } from '../progressScope';

/**
 * Members of the branch who have not met an item yet (or any item), fewest met first. The branch's
 * unfinished members are read whole (a branch is hundreds, a few pages) since "missing this item" has
 * no index. DB requests: the caller, the programme, the branch's unfinished progress.
 */
export async function behindMembers(
  input: ParsedInput<'stats', 'behindMembers'>,
  ctx: MemberContext,
): Promise<ActionOutput<'stats', 'behindMembers'>> {
  const { db, member, now } = ctx;
  const branchId = managedBranch(member, input.branchId);
  const offset = decodeOffsetCursor(input.cursor);
  const programme = await programmeFor(db, input.programmeId, now);
  if (programme === null) return { items: [], nextCursor: null };
  const keys = programme.items.map((item) => item.key);
  const behind = await listBehindProgress(db, programme._id, branchId, keys.length);
  const rows = behind
    .map((progress) => ({
      memberId: progress.memberId,
      name: progress.name,
      doneCount: progress.doneCount,
      missing: keys.filter((key) => progress.items[key] === undefined),
    }))
    .filter((row) => input.item === undefined || row.missing.includes(input.item));
  return toPage(rows.slice(offset, offset + input.pageSize + 1), input.pageSize, offset);
}
