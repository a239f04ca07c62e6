/**
 * Removing what has outlived its use (the clean-up jobs): documents past an expiry field, read a
 * bounded batch at a time by an index on that field and removed only while still expired, so a
 * document renewed between the read and the removal (a new rate-limit window) stays.
 */
import type { ExportJobDoc } from '../../server/documents';
import { fetchList, type Database } from '../../server/kernel/db';

interface RemoveReply {
  stats: { removed: number };
}

/** Removes up to `limit` documents whose `field` is before `now`, oldest first; returns how many went. */
export async function removeExpired(db: Database, collection: string, field: string, now: Date, limit: number): Promise<number> {
  const _ = db.command;
  const expired = await fetchList<{ _id: string }>(
    db
      .collection(collection)
      .where({ [field]: _.lt(now) })
      .orderBy(field, 'asc')
      .field({ _id: true })
      .limit(limit),
  );
  if (expired.length === 0) return 0;
  const reply = (await db
    .collection(collection)
    .where({ _id: _.in(expired.map((doc) => doc._id)), [field]: _.lt(now) })
    .remove()) as RemoveReply;
  return reply.stats.removed;
}

const EXPORT_JOBS = 'export_jobs';

/** Export jobs whose file has been kept long enough (index file_expires), oldest first. */
export function listExpiredExports(db: Database, now: Date, limit: number): Promise<Pick<ExportJobDoc, '_id' | 'fileId'>[]> {
  return fetchList<Pick<ExportJobDoc, '_id' | 'fileId'>>(
    db
      .collection(EXPORT_JOBS)
      .where({ fileExpiresAt: db.command.lt(now) })
      .orderBy('fileExpiresAt', 'asc')
      .field({ _id: true, fileId: true })
      .limit(limit),
  );
}

/** The jobs go once their files have: exportStatus then answers 'unknown' for them. */
export async function removeExportJobs(db: Database, ids: readonly string[]): Promise<number> {
  const reply = (await db
    .collection(EXPORT_JOBS)
    .where({ _id: db.command.in([...ids]) })
    .remove()) as RemoveReply;
  return reply.stats.removed;
}
