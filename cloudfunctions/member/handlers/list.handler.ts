import type { MemberListItem } from '../../../types/contracts/member';
import type { PageInput } from '../../../types/common';
import { fail } from '../../../server/kernel/failure';
import { decodeOffsetCursor, toPage } from '../../../server/kernel/paging';
import type { MemberContext } from '../../../server/kernel/router';
import { orgNames } from '../../../server/orgs.repository';
import { countPending, listMembersPage } from '../repository';

/**
 * Secretaries list their own branch only; org admins any branch or everyone. Plain members are
 * refused by the router. DB requests: caller, page, pending count, org names = 4.
 */
export async function list(input: PageInput & { branchId?: string; status: 'active' | 'pending'; search?: string }, ctx: MemberContext) {
  const { db, member } = ctx;
  if (member.role === 'secretary' && input.branchId !== undefined && input.branchId !== member.branchId) fail('FORBIDDEN');
  const branchId = member.role === 'org_admin' ? input.branchId : member.branchId;
  const offset = decodeOffsetCursor(input.cursor);
  const [rows, pendingCount] = await Promise.all([
    listMembersPage(
      db,
      {
        status: input.status,
        ...(branchId === undefined ? {} : { branchId }),
        ...(input.search === undefined ? {} : { search: input.search }),
      },
      { offset, limit: input.pageSize + 1 },
    ),
    countPending(db, branchId),
  ]);
  // After the page: only its rows' branches are named, however large the tree.
  const names = await orgNames(
    db,
    rows.map((row) => row.branchId),
  );
  const items: MemberListItem[] = rows.map((row) => ({
    id: row._id,
    name: row.name,
    branchId: row.branchId,
    branchName: names.get(row.branchId) ?? '',
    role: row.role,
    partyStatus: row.partyStatus,
    status: row.status,
    joinedAt: row.joinedAt.toISOString(),
    phoneTail: row.phoneTail ?? null,
  }));
  return { ...toPage(items, input.pageSize, offset), pendingCount };
}
