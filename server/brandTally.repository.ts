/**
 * What the recount of the 四红 tallies reads and writes (ARCHITECTURE.md, "Statistics"): the brand
 * programmes, one programme's stored unit tallies (`brand_units`) and its nominations, and the writes
 * that set the tallies and the programme's per-brand `selected` to what the nominations say. Every
 * read pages ≤ 1000 documents per request over a declared index and asks only for the fields the
 * recount uses. Here rather than beside the steps (cloudfunctions/stats/brand.repository.ts) because
 * the recompute in server/ runs it.
 */
import type { CountedNomination } from '../core/brand/recount';
import type { BrandProgrammeDoc, BrandUnitDoc } from './documents';
import { fetchAllPages, fetchOne, type Database } from './kernel/db';
import { writeStampedRecount, type RecountWrites } from './recountWrites.repository';

const PROGRAMMES = 'brand_programmes';
const NOMINATIONS = 'brand_nominations';
const UNITS = 'brand_units';
/** An org runs a programme a year; more means something is wrong. */
const MAX_PROGRAMMES = 10_000;
/** A programme's nominations and units: units × a handful of brands, far below. */
const MAX_PROGRAMME_DOCS = 100_000;

export type StoredNomination = CountedNomination & { _id: string };

const COUNTED_FIELDS: (keyof StoredNomination)[] = [
  '_id',
  'branchId',
  'branchName',
  'brand',
  'status',
  'peerReview',
  'ratingCount',
  'ratingSum',
];

/** Every brand programme's id (index created_desc). */
export async function listBrandProgrammeIds(db: Database): Promise<string[]> {
  const rows = await fetchAllPages<{ _id: string }>(
    db.collection(PROGRAMMES).orderBy('createdAt', 'desc').field({ _id: true }),
    MAX_PROGRAMMES,
  );
  return rows.map((row) => row._id);
}

/** The programme's per-brand selected counts with the stamp its compare-and-set needs; null once it is gone. */
export function findProgrammeSelected(db: Database, id: string): Promise<Pick<BrandProgrammeDoc, '_id' | 'selected' | 'updatedAt'> | null> {
  return fetchOne(db.collection(PROGRAMMES).where({ _id: id }).field({ _id: true, selected: true, updatedAt: true }));
}

/** The programme's stored unit tallies (index programme). */
export function listBrandUnits(db: Database, programmeId: string): Promise<BrandUnitDoc[]> {
  return fetchAllPages<BrandUnitDoc>(db.collection(UNITS).where({ programmeId }), MAX_PROGRAMME_DOCS);
}

/** The programme's nominations, oldest first, with what a tally counts (index programme_created). */
export function listCountedNominations(db: Database, programmeId: string): Promise<StoredNomination[]> {
  return fetchAllPages<StoredNomination>(
    db
      .collection(NOMINATIONS)
      .where({ programmeId })
      .orderBy('createdAt', 'asc')
      .field(Object.fromEntries(COUNTED_FIELDS.map((name) => [name, true]))),
    MAX_PROGRAMME_DOCS,
  );
}

/** What to write so the stored unit tallies become the recounted ones. */
/** Sets unit tallies to their recount (server/recountWrites.repository.ts); how many were written. */
export function writeBrandUnits(db: Database, writes: RecountWrites<BrandUnitDoc>): Promise<number> {
  return writeStampedRecount(db, UNITS, writes);
}

/**
 * Sets the programme's per-brand `selected` to its recount while the programme's stamp is the one
 * read: a selection (or an edit) committed since moved it and is left for the next recount. Whether
 * it was written.
 */
export async function writeProgrammeSelected(
  db: Database,
  stored: Pick<BrandProgrammeDoc, '_id' | 'updatedAt'>,
  selected: BrandProgrammeDoc['selected'],
  now: Date,
): Promise<boolean> {
  const reply = (await db
    .collection(PROGRAMMES)
    .where({ _id: stored._id, updatedAt: stored.updatedAt })
    .update({ data: { selected: db.command.set(selected), updatedAt: now } })) as { stats: { updated: number } };
  return reply.stats.updated === 1;
}
