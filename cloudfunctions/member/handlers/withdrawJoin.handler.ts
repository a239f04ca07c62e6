import { findMemberByOpenid } from '../../../server/kernel/caller';
import { fail } from '../../../server/kernel/failure';
import type { RequestContext } from '../../../server/kernel/router';
import { toMemberView } from '../memberView';
import { changeMembership } from '../repository';

/**
 * An applicant takes back their pending application (an applicant is not yet an active member, so
 * the route is open to anyone and the check is on the caller's own record). The status and the
 * audit record change in one transaction that re-reads the member, so a secretary's decision at
 * the same moment wins or loses cleanly; a repeated tap is not an error.
 */
export async function withdrawJoin(_input: Record<string, never>, ctx: RequestContext) {
  const { db, openid, now } = ctx;
  const applicant = await findMemberByOpenid(db, openid);
  if (!applicant) fail('NOT_FOUND', { message: '没有待审核的申请' });
  const withdrawn = await changeMembership(
    db,
    applicant._id,
    (current) => {
      if (current.status === 'withdrawn') return false;
      if (current.status !== 'pending') fail('CONFLICT', { message: current.status === 'active' ? '你已加入党支部' : '没有待审核的申请' });
      return true;
    },
    {
      fields: { status: 'withdrawn', updatedAt: now },
      countDeltas: {},
      audit: { at: now, actorId: applicant._id, action: 'member.withdrawJoin', detail: { branchId: applicant.branchId } },
    },
    ctx.log,
  );
  return { member: await toMemberView(db, withdrawn) };
}
