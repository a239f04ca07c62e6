/**
 * Loading an activity for a caller: with their own sign-up (read alongside, by `_id`), refused the
 * way the caller may learn of it — NOT_FOUND for what they may not see, FORBIDDEN for what they see
 * but do not organise.
 */
import type { SignUpStatus } from '../../types/labels';
import { canViewActivity, managesActivity } from '../../core/activity/access';
import { signUpId, type ActivityDoc, type MemberDoc } from '../../server/documents';
import { fail } from '../../server/kernel/failure';
import type { Database } from '../../server/kernel/db';
import { findActivity } from './activities.repository';
import { findSignUpById } from './signUps.repository';

export interface ActivityInView {
  activity: ActivityDoc;
  mine: SignUpStatus | null;
}

const NOT_VISIBLE = { field: 'id', message: '活动不存在或不面向你所在的党支部' };

async function loadWithMine(
  db: Database,
  member: MemberDoc,
  id: string,
): Promise<{ activity: ActivityDoc | null; mine: SignUpStatus | null }> {
  const [activity, signUp] = await Promise.all([findActivity(db, id), findSignUpById(db, signUpId(id, member._id))]);
  return { activity, mine: signUp?.status ?? null };
}

/** Two DB requests, whatever the activity's size. */
export async function loadVisibleActivity(db: Database, member: MemberDoc, id: string): Promise<ActivityInView> {
  const { activity, mine } = await loadWithMine(db, member, id);
  if (!activity || !canViewActivity(member, activity, mine)) fail('NOT_FOUND', NOT_VISIBLE);
  return { activity, mine };
}

export async function loadOrganisedActivity(db: Database, member: MemberDoc, id: string): Promise<ActivityInView> {
  const { activity, mine } = await loadVisibleActivity(db, member, id);
  if (!managesActivity(member, activity))
    fail('FORBIDDEN', { field: 'id', message: '只有活动的组织者（本支部书记或组织部）可以管理此活动' });
  return { activity, mine };
}
