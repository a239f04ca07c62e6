import type { MemberView } from '../../types/contracts/member';
import type { MemberDoc } from '../../server/documents';
import type { Database } from '../../server/kernel/db';
import { findOrgName } from '../../server/orgs.repository';

export async function toMemberView(db: Database, member: MemberDoc): Promise<MemberView> {
  return {
    id: member._id,
    name: member.name,
    branchId: member.branchId,
    branchName: await findOrgName(db, member.branchId),
    role: member.role,
    partyStatus: member.partyStatus,
    status: member.status,
    joinedAt: member.joinedAt.toISOString(),
  };
}
