import type { ActivityDraft } from '../../../types/contracts/activity';
import { recordAudit } from '../../../server/audit';
import type { MemberContext } from '../../../server/kernel/router';
import { toActivityDetail } from '../activityView';
import { insertActivity } from '../activities.repository';
import { draftFields } from '../draft';

/** A new activity is a draft of the caller's branch (a secretary) or of the whole organisation (an org admin). */
export async function create(input: ActivityDraft, ctx: MemberContext) {
  const { db, member, now } = ctx;
  const branchId = member.role === 'org_admin' ? null : member.branchId;
  const fields = await draftFields(db, input, branchId);
  const activity = await insertActivity(db, {
    ...fields,
    branchId,
    status: 'draft',
    cancelReason: null,
    signedUpCount: 0,
    waitlistCount: 0,
    leaveCount: 0,
    cancelledCount: 0,
    createdBy: member._id,
    createdAt: now,
    updatedAt: now,
    publishedAt: null,
  });
  await recordAudit(
    db,
    { at: now, actorId: member._id, action: 'activity.create', targetId: activity._id, detail: { title: activity.title, branchId } },
    ctx.log,
  );
  return { activity: await toActivityDetail(activity, { member, now, mine: null }) };
}
