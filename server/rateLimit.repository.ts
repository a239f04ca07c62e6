/**
 * Where rate-limit guards (core/rateLimit.ts) are kept and how a failure is counted on one. A guard
 * is a field of some document: a member's `checkinGuard` (read with the profile, free), or `guard`
 * of a `rate_limits` document for callers who may have no profile yet (`<purpose>_<openid>`).
 */
import type { GuardChange, RateLimitGuard } from '../core/rateLimit';
import { fetchList, type Database } from './kernel/db';
import { isDuplicateKeyError } from './kernel/sdk-errors';

export interface GuardLocation {
  collection: string;
  id: string;
  /** The guard's field in the document. */
  field: string;
  /**
   * The guard is all the document holds (rate_limits), so the first failure creates it, and the
   * document carries `expiresAt`, when its window is spent, for `cron` to remove it (cleanRateLimits).
   */
  createdByFirstFailure: boolean;
}

export const RATE_LIMITS = 'rate_limits';
const RATE_LIMIT_FIELD = 'guard';

interface RateLimitDoc {
  /** `<purpose>_<openid>`. */
  _id: string;
  guard: RateLimitGuard;
  /** When the guard's window and any lock it holds have passed (GuardChange spentAt); set with each new window. */
  expiresAt: Date;
}

/** The guard a caller has for one purpose (an invite code, a roster phone tail), whether or not they are a member. */
export function callerGuardLocation(purpose: string, openid: string): GuardLocation {
  return { collection: RATE_LIMITS, id: `${purpose}_${openid}`, field: RATE_LIMIT_FIELD, createdByFirstFailure: true };
}

/** The guards stored at these `rate_limits` locations, in one read; a location without one maps to undefined. */
export async function findCallerGuards(db: Database, locations: readonly GuardLocation[]): Promise<(RateLimitGuard | undefined)[]> {
  const docs = await fetchList<RateLimitDoc>(
    db
      .collection(RATE_LIMITS)
      .where({ _id: db.command.in(locations.map((location) => location.id)) })
      .limit(locations.length),
  );
  const byId = new Map(docs.map((doc) => [doc._id, doc.guard]));
  return locations.map((location) => byId.get(location.id));
}

interface UpdateReply {
  stats: { updated: number };
}

/**
 * Counts one failure on the guard at `at` (`change` = afterFailure of `read`), atomically so that
 * racing failures add up. A new window is only started over the guard this call read: when a
 * racing failure started it first, this one becomes an increment of that window.
 */
export async function recordFailure(db: Database, at: GuardLocation, read: RateLimitGuard | undefined, change: GuardChange): Promise<void> {
  if (change.kind === 'restart' && (await startWindow(db, at, read, change.guard, change.spentAt))) return;
  const lockUntil = change.kind === 'increment' ? change.lockUntil : null;
  await db
    .collection(at.collection)
    .doc(at.id)
    .update({
      data: { [`${at.field}.failures`]: db.command.inc(1), ...(lockUntil === null ? {} : { [`${at.field}.lockedUntil`]: lockUntil }) },
    });
}

/** False when a racing failure changed the guard since it was read (started the window first, or locked it). */
async function startWindow(
  db: Database,
  at: GuardLocation,
  read: RateLimitGuard | undefined,
  guard: RateLimitGuard,
  spentAt: Date,
): Promise<boolean> {
  const _ = db.command;
  const expiry = at.createdByFirstFailure ? { expiresAt: spentAt } : {};
  if (read === undefined && at.createdByFirstFailure) {
    try {
      await db.collection(at.collection).add({ data: { _id: at.id, [at.field]: guard, ...expiry } });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }
  // The whole guard as read: a lock set meanwhile by a racing failure must not be overwritten.
  const asRead =
    read === undefined
      ? { [at.field]: _.exists(false) }
      : { [`${at.field}.windowStart`]: read.windowStart, [`${at.field}.lockedUntil`]: read.lockedUntil };
  const reply = (await db
    .collection(at.collection)
    .where({ _id: at.id, ...asRead })
    .update({ data: { [at.field]: _.set(guard), ...expiry } })) as UpdateReply;
  return reply.stats.updated === 1;
}
