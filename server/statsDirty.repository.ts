/**
 * Tells the statistics that a branch's numbers must be rebuilt when a change leaves no event the
 * aggregator can find by time (a member deleting their data, a transfer): a marker per branch in
 * `stats_dirty` (ARCHITECTURE.md, "Statistics"). One idempotent write, no read; the aggregator
 * rebuilds each marked branch from its members' events on its next run and removes the marker.
 */
import type { Database } from './kernel/db';

export const STATS_DIRTY = 'stats_dirty';

export interface StatsDirtyDoc {
  /** The branch id. */
  _id: string;
  markedAt: Date;
}

export async function markBranchDirty(db: Database, branchId: string, now: Date): Promise<void> {
  await db
    .collection(STATS_DIRTY)
    .doc(branchId)
    .set({ data: { markedAt: now } });
}
