/**
 * The statistics' stored results and what they are for: programmes (by id, the current one), per-member progress, the points ledger and per-branch
 * summaries. Rebuilds write only what differs from what is stored (ARCHITECTURE.md, "Statistics").
 */
import { currentProgramme } from '../../core/stats/rules';
import type { LedgerEntry } from '../../core/stats/types';
import type { BranchStatsDoc, ProgrammeDoc, ProgressDoc } from '../documents';
import { fetchAllPages, fetchById, fetchList, fetchOne, MAX_DOCS_PER_GET, type Database } from '../kernel/db';
import { inLanes } from '../kernel/lanes';
import { isDuplicateKeyError } from '../kernel/sdk-errors';

const MAX_BRANCH_DOCS = 200_000;
/** Documents per batch add: well under CloudBase's request size with a ledger entry or a progress document each. */
const INSERT_CHUNK = 500;

export const PROGRAMMES = 'programmes';
/** More programmes than overlap in any year: the current one is among the latest this many by start. */
const RECENT_PROGRAMMES = 20;

export function findProgramme(db: Database, id: string): Promise<ProgrammeDoc | null> {
  return fetchById<ProgrammeDoc>(db.collection(PROGRAMMES), id);
}

/**
 * The current programme (core/stats/rules.ts, currentProgramme) in one read of the latest few by start
 * (index starts_ends): the one the progress pages open on and the aggregator builds.
 */
export async function findCurrentProgramme(db: Database, now: Date): Promise<ProgrammeDoc | null> {
  const recent = await fetchList<ProgrammeDoc>(db.collection(PROGRAMMES).orderBy('startsAt', 'desc').limit(RECENT_PROGRAMMES));
  return currentProgramme(recent, now);
}

/** A stored progress without its ledger (the checklist and the dashboards never show entries). */
export type ProgressOverview = Omit<ProgressDoc, 'ledger'>;
const WITHOUT_LEDGER = { ledger: false };

export function findProgress(db: Database, id: string): Promise<ProgressOverview | null> {
  return fetchOne<ProgressOverview>(db.collection('programme_progress').where({ _id: id }).field(WITHOUT_LEDGER));
}

/** The entries behind a member's points, newest first, as the last rebuild stored them; null before any. */
export async function findLedger(db: Database, id: string): Promise<LedgerEntry[] | null> {
  const found = await fetchOne<Pick<ProgressDoc, 'ledger'>>(db.collection('programme_progress').where({ _id: id }).field({ ledger: true }));
  return found?.ledger ?? null;
}

export function findBranchStats(db: Database, id: string): Promise<BranchStatsDoc | null> {
  return fetchById<BranchStatsDoc>(db.collection('programme_branches'), id);
}

/** Every branch's summary in one read (index programme_rate): an org has hundreds of branches, never a thousand. */
export function listBranchStats(db: Database, programmeId: string): Promise<BranchStatsDoc[]> {
  return fetchList<BranchStatsDoc>(db.collection('programme_branches').where({ programmeId }).limit(MAX_DOCS_PER_GET));
}

/** The stored progress of a branch's members (index programme_branch_done). */
export function listBranchProgress(db: Database, programmeId: string, branchId: string): Promise<ProgressDoc[]> {
  return fetchAllPages<ProgressDoc>(db.collection('programme_progress').where({ programmeId, branchId }), MAX_BRANCH_DOCS);
}

/** Members of a branch who have not met every item, fewest met first (index programme_branch_done). */
export function listBehindProgress(db: Database, programmeId: string, branchId: string, itemCount: number): Promise<ProgressOverview[]> {
  return fetchAllPages<ProgressOverview>(
    db
      .collection('programme_progress')
      .where({ programmeId, branchId, doneCount: db.command.lt(itemCount) })
      .orderBy('doneCount', 'asc')
      .field(WITHOUT_LEDGER),
    MAX_BRANCH_DOCS,
  );
}

/** What a rebuild changes in one collection: documents to add, to overwrite and to remove. */
export interface DocChanges<T extends { _id: string }> {
  added: T[];
  changed: T[];
  removedIds: string[];
}

/** Write requests of one rebuild in flight at once: each is a round trip, so side by side they cost about one. */
const WRITE_LANES = 16;

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let from = 0; from < list.length; from += size) out.push(list.slice(from, from + size));
  return out;
}

/**
 * Applies a rebuild's changes to one branch's documents, the requests side by side (WRITE_LANES). New documents go in batches; a
 * batch that meets a document another run added meanwhile (an aggregator and a recompute on one branch) keeps the documents
 * before it (an ordered insert) and is written one by one instead, which is what the other run wrote too, since both build
 * from the same events. Obsolete documents go a thousand per request.
 */
export async function applyChanges<T extends { _id: string; branchId: string }>(
  db: Database,
  collection: string,
  branchId: string,
  changes: DocChanges<T>,
): Promise<number> {
  const target = db.collection(collection);
  const overwrite = async (doc: T) => {
    const { _id, ...fields } = doc;
    await target.doc(_id).set({ data: fields });
  };
  type Write = { kind: 'add'; batch: T[] } | { kind: 'set'; doc: T } | { kind: 'remove'; ids: string[] };
  const writes: Write[] = [
    ...chunks(changes.added, INSERT_CHUNK).map((batch): Write => ({ kind: 'add', batch })),
    ...changes.changed.map((doc): Write => ({ kind: 'set', doc })),
    ...chunks(changes.removedIds, MAX_DOCS_PER_GET).map((ids): Write => ({ kind: 'remove', ids })),
  ];
  await inLanes(writes, WRITE_LANES, async (write) => {
    if (write.kind === 'set') return overwrite(write.doc);
    if (write.kind === 'remove') {
      // Only while still the branch's: a member's documents moved to their new branch by its rebuild meanwhile stay.
      return target.where({ _id: db.command.in(write.ids), branchId }).remove();
    }
    try {
      await target.add({ data: write.batch });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      await inLanes(write.batch, WRITE_LANES, overwrite);
    }
  });
  return changes.added.length + changes.changed.length + changes.removedIds.length;
}

export async function saveBranchStats(db: Database, doc: BranchStatsDoc): Promise<void> {
  const { _id, ...fields } = doc;
  await db.collection('programme_branches').doc(_id).set({ data: fields });
}

export async function removeBranchStats(db: Database, id: string): Promise<void> {
  await db.collection('programme_branches').where({ _id: id }).remove();
}
