import type { ActionOutput, ParsedInput } from '../../../types/contracts';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { queueNotices } from '../../../server/outbox.repository';
import { findProgramme } from '../../../server/stats/progress.repository';
import { studyReminder } from '../reminder';
import { findMembers, itemsDone } from '../reminders.repository';

/**
 * Queues a study reminder to each listed member through the outbox (`cron` sends it with the study
 * template), naming the items they have not met: a secretary reminds their own branch's members, an
 * org admin anyone's (only `branchId`'s when given). At most one per member per Shanghai day: a
 * second reminder the same day is counted as already sent. DB requests: the caller, the programme,
 * the members, their progress, then the outbox's read of what is queued and its insert.
 */
export async function remindMembers(
  input: ParsedInput<'stats', 'remindMembers'>,
  ctx: MemberContext,
): Promise<ActionOutput<'stats', 'remindMembers'>> {
  const { db, member: caller, now } = ctx;
  const branchId = caller.role === 'org_admin' ? (input.branchId ?? null) : caller.branchId;
  if (input.branchId !== undefined && input.branchId !== branchId) fail('FORBIDDEN', { field: 'branchId', message: '只能提醒本支部党员' });
  const memberIds = [...new Set(input.memberIds)];
  const programme = await findProgramme(db, input.programmeId);
  if (programme === null) fail('NOT_FOUND', { field: 'programmeId', message: '方案不存在' });

  const members = new Map((await findMembers(db, memberIds)).map((member) => [member._id, member]));
  memberIds.forEach((memberId, index) => {
    const member = members.get(memberId);
    if (member?.status !== 'active') fail('NOT_FOUND', { field: `memberIds.${index}`, message: '没有这名党员' });
    if (branchId !== null && member.branchId !== branchId)
      fail('FORBIDDEN', { field: `memberIds.${index}`, message: '只能提醒本支部党员' });
  });

  const done = await itemsDone(db, programme._id, memberIds);
  const notices = memberIds.map((memberId) => {
    const met = done.get(memberId) ?? {};
    const missing = programme.items.map((item) => item.key).filter((key) => met[key] === undefined);
    return studyReminder(programme, missing, { memberId, openid: members.get(memberId)?.openid ?? '' }, now);
  });
  const queued = await queueNotices(db, notices);
  return { queued, alreadyReminded: notices.length - queued };
}
