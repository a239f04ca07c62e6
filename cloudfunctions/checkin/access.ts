/** An activity as its organisers reach it from the check-in screens, and when it takes check-ins at all. */
import { canViewActivity, managesActivity } from '../../core/activity/access';
import type { ActivityDoc, MemberDoc } from '../../server/documents';
import type { Database } from '../../server/kernel/db';
import { fail } from '../../server/kernel/failure';
import { findActivity } from './activities.repository';

/**
 * One DB request. Refused the way the activity function refuses: NOT_FOUND for what the caller may
 * not see, FORBIDDEN for what they see but do not organise.
 */
export async function loadOrganisedActivity(db: Database, member: MemberDoc, id: string): Promise<ActivityDoc> {
  const activity = await findActivity(db, id);
  if (!activity || !canViewActivity(member, activity, null))
    fail('NOT_FOUND', { field: 'activityId', message: '活动不存在或不面向你所在的党支部' });
  if (!managesActivity(member, activity))
    fail('FORBIDDEN', { field: 'activityId', message: '只有活动的组织者（本支部书记或组织部）可以管理签到' });
  return activity;
}

/** Check-ins are taken for a published or finished activity, never for a draft or a cancelled one. */
export function activityClosedReason(activity: Pick<ActivityDoc, 'status'>): string | null {
  if (activity.status === 'draft') return '活动尚未发布';
  if (activity.status === 'cancelled') return '活动已取消';
  return null;
}
