/**
 * The outbox (ARCHITECTURE.md, "Notifications"): notices waiting for `cron` to send them, and the
 * activity events it expands into notices. Shared by the activity function, which queues them, and
 * `cron`, which expands events into notices; both only ever add documents that are not there yet.
 */
import type { ActivityEventDoc, NotificationDoc } from './documents';
import { fetchList, MAX_DOCS_PER_GET, type Collection, type Database } from './kernel/db';
import { isDuplicateKeyError } from './kernel/sdk-errors';

/** Documents per insert request: 500 notices of a few hundred bytes stay far below a request's payload limit. */
const INSERT_CHUNK = 500;
/** Reads of what exists before a chunk is given up to a writer that keeps beating this one to it. */
const INSERT_ROUNDS = 3;

async function existingIds(db: Database, collection: Collection, ids: string[]): Promise<Set<string>> {
  const found = await fetchList<{ _id: string }>(
    collection
      .where({ _id: db.command.in(ids) })
      .field({ _id: true })
      .limit(ids.length),
  );
  return new Set(found.map((doc) => doc._id));
}

/**
 * Adds the documents whose `_id` is not in the collection yet and returns how many this call added
 * (a batch cut short by a concurrent writer counts only what the next read still found missing).
 * Never overwrites: a notice already sent stays sent when its event is expanded again. A batch add
 * that meets a duplicate keeps the documents before it, so the chunk is read again and the rest retried.
 */
async function insertMissing<T extends { _id: string }>(db: Database, name: string, docs: readonly T[]): Promise<number> {
  const collection = db.collection(name);
  let added = 0;
  for (let start = 0; start < docs.length; start += MAX_DOCS_PER_GET) {
    const part = docs.slice(start, start + MAX_DOCS_PER_GET);
    for (let round = 0; ; round += 1) {
      const existing = await existingIds(
        db,
        collection,
        part.map((doc) => doc._id),
      );
      const missing = part.filter((doc) => !existing.has(doc._id));
      try {
        for (let at = 0; at < missing.length; at += INSERT_CHUNK) {
          const chunk = missing.slice(at, at + INSERT_CHUNK);
          await collection.add({ data: chunk.map((doc) => ({ ...doc })) });
          added += chunk.length;
        }
        break;
      } catch (error) {
        if (!isDuplicateKeyError(error) || round + 1 >= INSERT_ROUNDS) throw error;
      }
    }
  }
  return added;
}

export function queueNotices(db: Database, notices: readonly NotificationDoc[]): Promise<number> {
  return insertMissing(db, 'notifications', notices);
}

export function queueActivityEvents(db: Database, events: readonly ActivityEventDoc[]): Promise<number> {
  return insertMissing(db, 'activity_events', events);
}
