/**
 * Check-ins and the lockout guard on the member profile (ARCHITECTURE.md, "Check-ins"). A check-in's
 * `_id` is its rule (one per member per activity, per base per day), so inserts need no transaction:
 * the second of two racing inserts fails on the key. Only 补录 uses one, to commit with its audit.
 */
import type { AuditDoc } from '../../server/audit';
import type { CheckinDoc } from '../../server/documents';
import { fetchAllPages, fetchById, fetchList, type Database } from '../../server/kernel/db';
import type { Logger } from '../../server/kernel/log';
import { isDuplicateKeyError } from '../../server/kernel/sdk-errors';
import { inTransaction } from '../../server/kernel/transaction';
import type { GuardLocation } from '../../server/rateLimit.repository';

/** The most check-ins a roster reads, like MAX_ROSTER_SIGN_UPS (walk-ins come on top of sign-ups). */
export const MAX_ROSTER_CHECKINS = 6000;
/** The footprint header totals a member's latest check-ins up to this many: years of weekly visits. */
export const MAX_SUMMARY_CHECKINS = 1000;

interface UpdateReply {
  stats: { updated: number };
}

/** False when the check-in exists already: its `_id` lets only the first of racing or replayed scans in. */
export async function insertCheckin(db: Database, checkin: CheckinDoc): Promise<boolean> {
  try {
    await db.collection('checkins').add({ data: { ...checkin } });
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}

export function findCheckin(db: Database, id: string): Promise<CheckinDoc | null> {
  return fetchById<CheckinDoc>(db.collection('checkins'), id);
}

/** 签退 once: false when another 签退 of the same check-in got there first. */
export async function checkOut(
  db: Database,
  id: string,
  fields: Pick<CheckinDoc, 'checkedOutAt' | 'presentMinutes' | 'studyHours' | 'receivedAt'>,
): Promise<boolean> {
  const reply = (await db
    .collection('checkins')
    .where({ _id: id, checkedOutAt: null })
    .update({ data: { ...fields } })) as UpdateReply;
  return reply.stats.updated === 1;
}

/** A page of a member's check-ins, newest first (index member_time). */
export function listMemberCheckins(db: Database, memberId: string, page: { offset: number; limit: number }): Promise<CheckinDoc[]> {
  return fetchList<CheckinDoc>(
    db.collection('checkins').where({ memberId }).orderBy('checkedInAt', 'desc').skip(page.offset).limit(page.limit),
  );
}

export type CheckinTotalsRow = Pick<CheckinDoc, 'kind' | 'baseId' | 'studyHours'>;

/** What the footprint header adds up, for the member's latest MAX_SUMMARY_CHECKINS check-ins, in one read. */
export function listMemberCheckinTotals(db: Database, memberId: string): Promise<CheckinTotalsRow[]> {
  return fetchList<CheckinTotalsRow>(
    db
      .collection('checkins')
      .where({ memberId })
      .orderBy('checkedInAt', 'desc')
      .field({ kind: true, baseId: true, studyHours: true })
      .limit(MAX_SUMMARY_CHECKINS),
  );
}

/** An activity's check-ins, newest first (index activity_time). */
export function listActivityCheckins(db: Database, activityId: string): Promise<CheckinDoc[]> {
  return fetchAllPages<CheckinDoc>(db.collection('checkins').where({ activityId }).orderBy('checkedInAt', 'desc'), MAX_ROSTER_CHECKINS);
}

/** The member's check-in lockout guard lives on their profile, which every call reads anyway. */
export function checkinGuardLocation(memberId: string): GuardLocation {
  return { collection: 'members', id: memberId, field: 'checkinGuard', createdByFirstFailure: false };
}

/**
 * 补录: the check-in and its audit record commit together. Null when the member has a check-in
 * already (that one is returned instead, nothing written).
 */
export async function insertBackfill(
  db: Database,
  checkin: CheckinDoc,
  audit: Omit<AuditDoc, '_id' | 'targetId'>,
  log: Logger,
): Promise<{ inserted: true } | { inserted: false; existing: CheckinDoc }> {
  const outcome = await inTransaction(
    db,
    async (session) => {
      const existing = await session.get<CheckinDoc>('checkins', checkin._id);
      if (existing) return { inserted: false as const, existing };
      await session.add('checkins', { ...checkin });
      await session.add('audit_logs', { ...audit, targetId: checkin._id });
      return { inserted: true as const };
    },
    { log },
  ).catch(async (error: unknown) => {
    // A scan inserted the same check-in between this transaction's read and its write.
    if (!isDuplicateKeyError(error)) throw error;
    const existing = await findCheckin(db, checkin._id);
    if (!existing) throw error;
    return { inserted: false as const, existing };
  });
  return outcome;
}
