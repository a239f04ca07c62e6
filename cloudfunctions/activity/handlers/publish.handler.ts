import { ACTIVITY_STATUS_LABELS } from '../../../types/labels';
import { recordAudit } from '../../../server/audit';
import type { ActivityDoc } from '../../../server/documents';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { loadOrganisedActivity } from '../access';
import { toActivityDetail } from '../activityView';
import { changeStamp, moveActivity } from '../activities.repository';

/** Draft → published: members of its audience see it from now on. A draft nobody could sign up for any more stays a draft. */
export async function publish(input: { id: string }, ctx: MemberContext) {
  const { db, member, now } = ctx;
  const { activity, mine } = await loadOrganisedActivity(db, member, input.id);
  if (activity.status !== 'draft') fail('CONFLICT', { message: `活动${ACTIVITY_STATUS_LABELS[activity.status]}，不能再发布` });
  if (now >= activity.signUpDeadline) fail('CLOSED', { message: '报名截止时间已过，请先修改报名截止时间再发布' });
  const change = { status: 'published', publishedAt: now, updatedAt: changeStamp(activity.updatedAt, now) } as const;
  if (!(await moveActivity(db, activity._id, ['draft'], change))) fail('CONFLICT', { message: '活动刚刚有变化，请刷新后重试' });
  const published: ActivityDoc = { ...activity, ...change };
  await recordAudit(
    db,
    { at: now, actorId: member._id, action: 'activity.publish', targetId: activity._id, detail: { title: activity.title } },
    ctx.log,
  );
  return { activity: await toActivityDetail(published, { member, now, mine }) };
}
