/** The only roster code that touches `cloud.database()`. */
import type { MemberDoc, RosterEntryDoc } from '../../../server/documents';
import { fetchList, MAX_DOCS_PER_GET, type Database } from '../../../server/kernel/db';
import type { Logger } from '../../../server/kernel/log';
import { inTransaction } from '../../../server/kernel/transaction';
import { adjustHeadCounts } from '../repository';
import type { PartyStatus } from '../../../types/labels';

/** Docs per insert request: 500 short entries stay far below a request's payload limit. */
export const ROSTER_INSERT_CHUNK = 500;
/** Ids per `_id in` read/update/remove. */
const ID_CHUNK = MAX_DOCS_PER_GET;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

/** Party status of the given entries that already exist, by id (one read per 1000 ids). */
export async function findExistingEntries(db: Database, ids: string[]): Promise<Map<string, PartyStatus>> {
  const _ = db.command;
  const existing = new Map<string, PartyStatus>();
  for (const part of chunks(ids, ID_CHUNK)) {
    const found = await fetchList<Pick<RosterEntryDoc, '_id' | 'partyStatus'>>(
      db
        .collection('roster_entries')
        .where({ _id: _.in(part) })
        .field({ _id: true, partyStatus: true })
        .limit(ID_CHUNK),
    );
    for (const entry of found) existing.set(entry._id, entry.partyStatus);
  }
  return existing;
}

/**
 * Inserts the new entries in batches, then refreshes the existing ones (grouped by party status, so
 * one `_id in` update per status per 1000). If a request fails, the entries this import inserted are
 * removed again so the roster never holds part of a file; refreshed entries keep the file's values,
 * which are the ones being imported anyway. Matches (`matchedMemberId`) are never touched.
 */
export async function writeRosterEntries(
  db: Database,
  created: RosterEntryDoc[],
  updated: { id: string; partyStatus: PartyStatus }[],
  stamp: { importId: string; importedAt: Date },
): Promise<void> {
  const _ = db.command;
  const attempted: string[] = [];
  try {
    for (const batch of chunks(created, ROSTER_INSERT_CHUNK)) {
      attempted.push(...batch.map((entry) => entry._id));
      await db.collection('roster_entries').add({ data: batch });
    }
    const byStatus = new Map<PartyStatus, string[]>();
    for (const { id, partyStatus } of updated) byStatus.set(partyStatus, [...(byStatus.get(partyStatus) ?? []), id]);
    for (const [partyStatus, ids] of byStatus) {
      for (const part of chunks(ids, ID_CHUNK)) {
        await db
          .collection('roster_entries')
          .where({ _id: _.in(part) })
          .update({ data: { partyStatus, ...stamp } });
      }
    }
  } catch (error) {
    // Only documents this import created carry its id among the new ids: a concurrent import's
    // entry with the same id (the usual cause of a failed insert) is left alone.
    for (const part of chunks(attempted, ID_CHUNK)) {
      await db
        .collection('roster_entries')
        .where({ _id: _.in(part), importId: stamp.importId })
        .remove();
    }
    throw error;
  }
}

/** Entries of one branch with this name (index branch_name); a handful at most. */
export function findRosterCandidates(db: Database, branchId: string, name: string): Promise<RosterEntryDoc[]> {
  return fetchList<RosterEntryDoc>(db.collection('roster_entries').where({ branchId, name }).limit(20));
}

/**
 * Turns a just-written pending member into an active one because the roster lists them: the
 * member's status and the entry's match move together in one transaction, or not at all (then the
 * member simply stays pending for the secretary); the branch head count follows after the commit,
 * as for every membership change (see changeMembership). Returns the member as written, or null
 * when the entry was matched meanwhile or the member is no longer pending.
 */
export async function activateFromRoster(
  db: Database,
  entryId: string,
  memberId: string,
  now: Date,
  log: Logger,
): Promise<MemberDoc | null> {
  const activated = await inTransaction(
    db,
    async (session) => {
      const entry = await session.get<RosterEntryDoc>('roster_entries', entryId);
      const member = await session.get<MemberDoc>('members', memberId);
      if (!entry || entry.matchedMemberId !== null || !member || member.status !== 'pending' || member.branchId !== entry.branchId) {
        return null;
      }
      const fields = { status: 'active' as const, partyStatus: entry.partyStatus, joinedAt: now, updatedAt: now };
      await session.update('members', memberId, fields);
      await session.update('roster_entries', entryId, { matchedMemberId: memberId });
      return { ...member, _id: memberId, ...fields };
    },
    { log },
  );
  if (activated) await adjustHeadCounts(db, { [activated.branchId]: 1 }, log);
  return activated;
}
