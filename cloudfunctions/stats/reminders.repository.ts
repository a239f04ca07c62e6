/** What a reminder needs to know: who the listed members are, and what each has done in the programme. */
import { progressId, type MemberDoc, type ProgressDoc } from '../../server/documents';
import { fetchList, type Database } from '../../server/kernel/db';

export type ReminderMember = Pick<MemberDoc, '_id' | 'openid' | 'branchId' | 'status'>;

/** The members with these ids (at most 100, the action's limit), in one read by `_id`. */
export function findMembers(db: Database, ids: readonly string[]): Promise<ReminderMember[]> {
  return fetchList<ReminderMember>(
    db
      .collection('members')
      .where({ _id: db.command.in([...ids]) })
      .field({ _id: true, openid: true, branchId: true, status: true })
      .limit(ids.length),
  );
}

/** The items each member has met, by member id, in one read by `_id`; a member the aggregator has not reached yet is absent. */
export async function itemsDone(
  db: Database,
  programmeId: string,
  memberIds: readonly string[],
): Promise<Map<string, ProgressDoc['items']>> {
  const docs = await fetchList<Pick<ProgressDoc, 'memberId' | 'items'>>(
    db
      .collection('programme_progress')
      .where({ _id: db.command.in(memberIds.map((memberId) => progressId(programmeId, memberId))) })
      .field({ memberId: true, items: true })
      .limit(memberIds.length),
  );
  return new Map(docs.map((doc) => [doc.memberId, doc.items]));
}
