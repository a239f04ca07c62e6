import type { ActivityDoc } from '../../server/documents';
import { fetchList, type Database } from '../../server/kernel/db';

/** Published activities the branch can see that have not started yet, soonest first (index status_audience_start). */
export function listUpcomingForBranch(
  db: Database,
  branchId: string,
  now: Date,
  page: { offset: number; limit: number },
): Promise<ActivityDoc[]> {
  const _ = db.command;
  return fetchList<ActivityDoc>(
    db
      .collection('activities')
      .where({ status: 'published', audienceKey: _.in(['all', branchId]), startAt: _.gte(now) })
      .orderBy('startAt', 'asc')
      .skip(page.offset)
      .limit(page.limit),
  );
}
