/**
 * Writing a recount over tallies that live code moves meanwhile (ARCHITECTURE.md, "Statistics": the
 * recompute's tallies phases): story campaigns' branch tallies and 四红 unit tallies. Each move
 * stamps the tally's `updatedAt`, so the recount writes a tally only while its stamp is still the
 * one it read.
 */
import { wholeObjectWrites, type Database } from './kernel/db';
import { inLanes } from './kernel/lanes';
import { isDuplicateKeyError } from './kernel/sdk-errors';

/** Write requests in flight at once: each is a round trip. */
const WRITE_LANES = 16;

/** What a recount changes: documents to set, each with what was stored (null: none was), and stored ones nothing stands behind any more. */
export interface RecountWrites<T extends { _id: string }> {
  set: { doc: T; stored: T | null }[];
  removed: T[];
}

/**
 * Sets stamped tallies to their recount. A stored tally is overwritten (or, with nothing behind it,
 * removed) only while its stamp is still the one read, so a move that landed after the recount read
 * it is never undone (the tally stays as it is until the next recount). A missing tally is added; a
 * duplicate means a first move created it meanwhile, left alone for the same reason. How many were
 * written.
 */
export async function writeStampedRecount<T extends { _id: string; updatedAt: Date }>(
  db: Database,
  collection: string,
  writes: RecountWrites<T>,
): Promise<number> {
  const target = db.collection(collection);
  let written = 0;
  await inLanes(writes.set, WRITE_LANES, async ({ doc, stored }) => {
    const { _id, ...fields } = doc;
    if (stored === null) {
      try {
        await target.add({ data: { ...doc } });
        written += 1;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
      return;
    }
    const reply = (await target.where({ _id, updatedAt: stored.updatedAt }).update({ data: wholeObjectWrites(fields, db.command) })) as {
      stats: { updated: number };
    };
    written += reply.stats.updated;
  });
  await inLanes(writes.removed, WRITE_LANES, async ({ _id, updatedAt }) => {
    const reply = (await target.where({ _id, updatedAt }).remove()) as { stats: { removed: number } };
    written += reply.stats.removed;
  });
  return written;
}
