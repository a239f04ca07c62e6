import type { TimerJob } from '../../../server/kernel/timer';
import { RATE_LIMITS } from '../../../server/rateLimit.repository';
import { removeExpired } from '../cleanup.repository';

/** Guards one run removes: one read and one removal; the rest wait for the next minute. */
export const MAX_GUARDS_PER_RUN = 1000;

/**
 * A spent guard neither locks nor counts (core/rateLimit.ts, spentAt), so removing it changes no
 * outcome; one renewed by a failure since it was read has a later expiry and stays.
 */
export const cleanRateLimits: TimerJob = {
  name: 'cleanRateLimits',
  async run({ db, now }) {
    return { removed: await removeExpired(db, RATE_LIMITS, 'expiresAt', now, MAX_GUARDS_PER_RUN) };
  },
};
