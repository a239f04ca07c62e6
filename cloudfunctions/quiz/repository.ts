import type { ContestDoc } from '../../server/documents';
import { fetchList, type Database } from '../../server/kernel/db';

/** Few contests run at once, so one page of the soonest-ending covers every open and upcoming one. */
const CONTESTS_PER_LIST = 50;

export function listContestsEndingAfter(db: Database, now: Date): Promise<ContestDoc[]> {
  return fetchList<ContestDoc>(
    db
      .collection('contests')
      .where({ status: 'published', endAt: db.command.gt(now) })
      .orderBy('endAt', 'asc')
      .limit(CONTESTS_PER_LIST),
  );
}

export function listContestsEndedBy(db: Database, now: Date): Promise<ContestDoc[]> {
  return fetchList<ContestDoc>(
    db
      .collection('contests')
      .where({ status: 'published', endAt: db.command.lte(now) })
      .orderBy('endAt', 'desc')
      .limit(CONTESTS_PER_LIST),
  );
}
