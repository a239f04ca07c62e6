import type { Database } from '../../server/kernel/db';
import type { Logger } from '../../server/kernel/log';
import { markBranchDirty } from '../../server/statsDirty.repository';

/**
 * Asks the statistics to rebuild branches after a membership change that has committed (a transfer
 * leaves no event the aggregator finds under the old branch, a deletion removes works). The change
 * stands either way, so a failed marker is logged at error level rather than reported to the caller,
 * and the next full recompute heals the branch.
 */
export async function markBranchesDirty(db: Database, branchIds: readonly string[], now: Date, log: Logger): Promise<void> {
  try {
    await Promise.all([...new Set(branchIds)].map((branchId) => markBranchDirty(db, branchId, now)));
  } catch (error) {
    log.error('stats_dirty_not_marked', { branchIds, message: error instanceof Error ? error.message : String(error) });
  }
}
