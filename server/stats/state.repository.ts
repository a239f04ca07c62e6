/**
 * Where the statistics' background work stands (`stats_state`): the aggregator's watermark per
 * stream of events and a full recompute's remaining branches; the dirty-branch markers
 * (`stats_dirty`, server/statsDirty.repository.ts) it consumes; and the streams it reads.
 */
import type { StatsStateDoc } from '../documents';
import { fetchAllPages, fetchById, fetchList, MAX_DOCS_PER_GET, type Database } from '../kernel/db';

/** An activity's places; the largest events seat a few thousand. */
const MAX_PLACES = 20_000;
import { STATS_DIRTY, type StatsDirtyDoc } from '../statsDirty.repository';

export function findState(db: Database, id: string): Promise<StatsStateDoc | null> {
  return fetchById<StatsStateDoc>(db.collection('stats_state'), id);
}

export async function saveState(db: Database, state: StatsStateDoc): Promise<void> {
  const { _id, ...fields } = state;
  await db.collection('stats_state').doc(_id).set({ data: fields });
}

/** Markers set up to now, oldest first (index marked); a handful at a time in practice (a deletion or a transfer each). */
export function listDirty(db: Database, now: Date): Promise<StatsDirtyDoc[]> {
  return fetchList<StatsDirtyDoc>(
    db
      .collection(STATS_DIRTY)
      .where({ markedAt: db.command.lte(now) })
      .orderBy('markedAt', 'asc')
      .limit(MAX_DOCS_PER_GET),
  );
}

/** Removes a marker only as it was read: one set again during the rebuild stays for the next run. */
export async function clearDirty(db: Database, marker: StatsDirtyDoc): Promise<void> {
  await db.collection(STATS_DIRTY).where({ _id: marker._id, markedAt: marker.markedAt }).remove();
}

/** A stream of events the aggregator follows: a collection, its time field (with an index on it alone) and the branch field. */
export interface EventStream {
  name: string;
  collection: string;
  timeField: string;
  /** Further fields the aggregator needs to judge a row (an activity's end). */
  alsoRead?: readonly string[];
}

export interface StreamRow {
  _id: string;
  branchId: string | null;
  at: Date;
  fields: Record<string, unknown>;
}

/** The stream's next events after `since`, oldest first, a thousand at most. */
export async function readStream(db: Database, stream: EventStream, since: Date): Promise<StreamRow[]> {
  const rows = await fetchList<Record<string, unknown>>(
    db
      .collection(stream.collection)
      .where({ [stream.timeField]: db.command.gt(since) })
      .orderBy(stream.timeField, 'asc')
      .field(Object.fromEntries(['_id', 'branchId', stream.timeField, ...(stream.alsoRead ?? [])].map((name) => [name, true])))
      .limit(MAX_DOCS_PER_GET),
  );
  return rows.map((row) => ({
    _id: row._id as string,
    branchId: (row.branchId as string | null | undefined) ?? null,
    at: row[stream.timeField] as Date,
    fields: row,
  }));
}

/** Branches whose members hold a place at the activities (index activity_status_at): their no-shows move when it ends. */
export async function branchesSignedUpFor(db: Database, activityId: string): Promise<string[]> {
  const rows = await fetchAllPages<{ branchId: string }>(
    db.collection('sign_ups').where({ activityId, status: 'signed' }).field({ branchId: true }),
    MAX_PLACES,
  );
  return [...new Set(rows.map((row) => row.branchId))];
}

/** Full recomputes still under way, in their branches, their campaigns' tallies or their 四红 unit tallies (index phase). */
export function listRunningRecomputes(db: Database): Promise<StatsStateDoc[]> {
  return fetchList<StatsStateDoc>(
    db
      .collection('stats_state')
      .where({ phase: db.command.in(['branches', 'tallies', 'brandUnits']) })
      .limit(MAX_DOCS_PER_GET),
  );
}
