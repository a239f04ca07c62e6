import { ATTEMPT_LEDGER_COLLECTION } from '../../../server/attemptLedger';
import type { TimerJob } from '../../../server/kernel/timer';
import { removeExpired } from '../cleanup.repository';

/** Ledgers one run removes: one read and one removal; the rest wait for the next minute. */
export const MAX_LEDGERS_PER_RUN = 1000;

/** A ledger lives until its contest ends (server/attemptLedger.ts): after that no attempt can be counted against it. */
export const cleanAttemptLedgers: TimerJob = {
  name: 'cleanAttemptLedgers',
  async run({ db, now }) {
    return { removed: await removeExpired(db, ATTEMPT_LEDGER_COLLECTION, 'expiresAt', now, MAX_LEDGERS_PER_RUN) };
  },
};
