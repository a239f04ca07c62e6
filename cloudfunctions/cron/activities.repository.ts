/** The activities `cron` looks after: those about to start (reminders) and those that have ended. */
import type { ActivityDoc } from '../../server/documents';
import { fetchList, MAX_DOCS_PER_GET, type Database } from '../../server/kernel/db';

export type ReminderFacts = Pick<ActivityDoc, '_id' | 'title' | 'startAt' | 'place' | 'online'>;

/** Published activities starting after `from` and no later than `to`, soonest first (index status_start). */
export function listStartingBetween(db: Database, from: Date, to: Date): Promise<ReminderFacts[]> {
  const _ = db.command;
  return fetchList<ReminderFacts>(
    db
      .collection('activities')
      .where({ status: 'published', startAt: _.gt(from).and(_.lte(to)) })
      .orderBy('startAt', 'asc')
      .limit(MAX_DOCS_PER_GET)
      .field({ _id: true, title: true, startAt: true, place: true, online: true }),
  );
}

/** Published → finished for every activity whose end has passed (index status_end); how many moved. */
export async function finishEnded(db: Database, now: Date): Promise<number> {
  const reply = (await db
    .collection('activities')
    .where({ status: 'published', endAt: db.command.lte(now) })
    .update({ data: { status: 'finished', updatedAt: now } })) as { stats: { updated: number } };
  return reply.stats.updated;
}

export type ScheduleFacts = Pick<ActivityDoc, '_id' | 'status' | 'startAt'>;

/** Where and whether a batch's activities stand now, by `_id`. */
export async function findSchedules(db: Database, ids: readonly string[]): Promise<Map<string, ScheduleFacts>> {
  if (ids.length === 0) return new Map();
  const found = await fetchList<ScheduleFacts>(
    db
      .collection('activities')
      .where({ _id: db.command.in([...ids]) })
      .field({ _id: true, status: true, startAt: true })
      .limit(ids.length),
  );
  return new Map(found.map((activity) => [activity._id, activity]));
}
