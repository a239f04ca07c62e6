/**
 * 四红 brand programmes in the database (ARCHITECTURE.md, "Statistics"). Every step of a nomination
 * writes the nomination, its unit's tally (`brand_units`), the programme's selected counts when they
 * move and the audit record in one transaction ("Transactions", "Audit"); a rating is a once-only
 * insert by `_id` followed by atomic increments, as story ratings are ("Stories").
 */
import { emptyBrandTallies } from '../../core/brand/recount';
import type { AuditDoc } from '../../server/audit';
import {
  brandRatingId,
  brandUnitId,
  type BrandNominationDoc,
  type BrandProgrammeDoc,
  type BrandRatingDoc,
  type BrandReviewDoc,
  type BrandUnitDoc,
  type BrandUnitTally,
  type MemberDoc,
  type OrgDoc,
} from '../../server/documents';
import { countOf, fetchAllPages, fetchById, fetchList, MAX_DOCS_PER_GET, wholeObjectWrites, type Database } from '../../server/kernel/db';
import { fail } from '../../server/kernel/failure';
import type { Logger } from '../../server/kernel/log';
import { isDuplicateKeyError } from '../../server/kernel/sdk-errors';
import { inTransaction, type TransactionSession } from '../../server/kernel/transaction';
import type { BrandKey, BrandNominationStatus } from '../../types/labels';

export const BRAND_PROGRAMMES = 'brand_programmes';
export const BRAND_NOMINATIONS = 'brand_nominations';
export const BRAND_UNITS = 'brand_units';
export const BRAND_REVIEWS = 'brand_reviews';
export const BRAND_RATINGS = 'brand_ratings';

/** A programme's nominations: units × a handful of brands; more means something is wrong. */
const MAX_NOMINATIONS = 10_000;
/** Branches one board lists, read in one aggregate (the server's cap per request). */
const MAX_BRANCHES = MAX_DOCS_PER_GET;

const NOT_FOUND_NOMINATION = { field: 'nominationId', message: '申报不存在或已删除' };

/** What a nomination holds when 申报 writes it: submitted, with no review, rating, acceptance or selection yet. */
export function submittedState(): Pick<
  BrandNominationDoc,
  'status' | 'reviewerBranchId' | 'reviewerBranchName' | 'peerReview' | 'ratingCount' | 'ratingSum' | 'acceptance' | 'selection'
> {
  return {
    status: 'submitted',
    reviewerBranchId: null,
    reviewerBranchName: null,
    peerReview: null,
    ratingCount: 0,
    ratingSum: 0,
    acceptance: null,
    selection: null,
  };
}

type AuditEntry = Pick<AuditDoc, 'action' | 'detail'>;

function auditOf(entry: AuditEntry, actorId: string, targetId: string, now: Date): Omit<AuditDoc, '_id'> {
  return { at: now, actorId, targetId, ...entry };
}

// ——— programmes ———

/** Newest first (index created_desc). */
export function listBrandProgrammes(db: Database, page: { offset: number; limit: number }): Promise<BrandProgrammeDoc[]> {
  return fetchList<BrandProgrammeDoc>(db.collection(BRAND_PROGRAMMES).orderBy('createdAt', 'desc').skip(page.offset).limit(page.limit));
}

export function findBrandProgramme(db: Database, id: string): Promise<BrandProgrammeDoc | null> {
  return fetchById<BrandProgrammeDoc>(db.collection(BRAND_PROGRAMMES), id);
}

/** The programme and its audit record together. */
export async function createBrandProgramme(db: Database, programme: BrandProgrammeDoc, log: Logger): Promise<void> {
  await inTransaction(
    db,
    async (session) => {
      await session.add(BRAND_PROGRAMMES, { ...programme });
      const audit = auditOf(
        { action: 'stats.saveBrandProgramme', detail: { title: programme.title, created: true } },
        programme.createdBy,
        programme._id,
        programme.createdAt,
      );
      await session.add('audit_logs', { ...audit });
    },
    { log },
  );
}

/**
 * Rewrites the programme's draft fields (brands replace the stored list) with its audit record;
 * `check` sees the stored programme inside the transaction and may refuse.
 */
export function updateBrandProgramme(
  db: Database,
  input: { id: string; fields: Omit<BrandProgrammeDoc, '_id' | 'selected' | 'createdBy' | 'createdAt'>; actorId: string },
  check: (stored: BrandProgrammeDoc) => void,
  log: Logger,
): Promise<BrandProgrammeDoc> {
  return inTransaction(
    db,
    async (session) => {
      const stored = await session.get<BrandProgrammeDoc>(BRAND_PROGRAMMES, input.id);
      if (!stored) fail('NOT_FOUND', { field: 'id', message: '方案不存在或已删除' });
      check(stored);
      await session.update(BRAND_PROGRAMMES, input.id, wholeObjectWrites({ ...input.fields }, session.command));
      const audit = auditOf(
        { action: 'stats.saveBrandProgramme', detail: { title: input.fields.title, created: false } },
        input.actorId,
        input.id,
        input.fields.updatedAt,
      );
      await session.add('audit_logs', { ...audit });
      return { ...stored, ...input.fields };
    },
    { log },
  );
}

/** Nominations of one brand in a programme (index programme_brand_status_created). */
export function countNominationsOfBrand(db: Database, programmeId: string, brand: BrandKey): Promise<number> {
  return countOf(db.collection(BRAND_NOMINATIONS).where({ programmeId, brand }));
}

// ——— lookups ———

export function findBranch(db: Database, id: string): Promise<OrgDoc | null> {
  return fetchById<OrgDoc>(db.collection('orgs'), id);
}

export function findMember(db: Database, id: string): Promise<MemberDoc | null> {
  return fetchById<MemberDoc>(db.collection('members'), id);
}

export function findNomination(db: Database, id: string): Promise<BrandNominationDoc | null> {
  return fetchById<BrandNominationDoc>(db.collection(BRAND_NOMINATIONS), id);
}

/** The nomination and its programme in one request (a lookup by the programme's `_id`). */
export async function findNominationWithProgramme(
  db: Database,
  id: string,
): Promise<{ nomination: BrandNominationDoc; programme: BrandProgrammeDoc } | null> {
  const reply = (await db
    .collection(BRAND_NOMINATIONS)
    .aggregate()
    .match({ _id: id })
    .lookup({ from: BRAND_PROGRAMMES, localField: 'programmeId', foreignField: '_id', as: 'programmes' })
    .limit(1)
    .end()) as { list: (BrandNominationDoc & { programmes: BrandProgrammeDoc[] })[] };
  const [found] = reply.list;
  if (!found) return null;
  const { programmes, ...nomination } = found;
  const [programme] = programmes;
  return programme ? { nomination, programme } : null;
}

// ——— lists ———

export interface NominationFilter {
  programmeId: string;
  branchId?: string;
  reviewerBranchId?: string;
  brand?: BrandKey;
  status?: BrandNominationStatus;
}

/**
 * A page of nominations, newest first. Each combination of filters has its own index
 * (`programme[_branch|_reviewer][_brand][_status]_created`), so every page is one covered query.
 */
export function listNominations(
  db: Database,
  filter: NominationFilter,
  page: { offset: number; limit: number },
): Promise<BrandNominationDoc[]> {
  const where: Record<string, string> = { programmeId: filter.programmeId };
  if (filter.reviewerBranchId !== undefined) where.reviewerBranchId = filter.reviewerBranchId;
  else if (filter.branchId !== undefined) where.branchId = filter.branchId;
  if (filter.brand !== undefined) where.brand = filter.brand;
  if (filter.status !== undefined) where.status = filter.status;
  return fetchList<BrandNominationDoc>(
    db.collection(BRAND_NOMINATIONS).where(where).orderBy('createdAt', 'desc').skip(page.offset).limit(page.limit),
  );
}

/** Every nomination of a programme, oldest first (index programme_created). */
export function listAllNominations(db: Database, programmeId: string): Promise<BrandNominationDoc[]> {
  return fetchAllPages<BrandNominationDoc>(
    db.collection(BRAND_NOMINATIONS).where({ programmeId }).orderBy('createdAt', 'asc'),
    MAX_NOMINATIONS,
  );
}

/** The caller's ratings of the listed nominations, by nomination id: one read by `_id`. */
export async function myRatings(db: Database, memberId: string, nominationIds: readonly string[]): Promise<Map<string, number>> {
  if (nominationIds.length === 0) return new Map();
  const ids = nominationIds.map((id) => brandRatingId(id, memberId));
  const ratings = await fetchList<BrandRatingDoc>(
    db
      .collection(BRAND_RATINGS)
      .where({ _id: db.command.in(ids) })
      .limit(ids.length),
  );
  return new Map(ratings.map((rating) => [rating.nominationId, rating.score]));
}

/**
 * Every 党支部 in display order with its tallies (all programmes': a handful), in one aggregate:
 * a unit that has not nominated is on the board too, with nothing met.
 */
export async function branchesWithUnits(db: Database): Promise<(OrgDoc & { units: BrandUnitDoc[] })[]> {
  const reply = (await db
    .collection('orgs')
    .aggregate()
    .match({ kind: 'branch' })
    .sort({ order: 1 })
    .lookup({ from: BRAND_UNITS, localField: '_id', foreignField: 'branchId', as: 'units' })
    .limit(MAX_BRANCHES)
    .end()) as { list: (OrgDoc & { units: BrandUnitDoc[] })[] };
  return reply.list;
}

/** Every 党支部 in display order (index kind_order): where a lone nominator's reviewer comes from. */
export function listBranchOrgs(db: Database): Promise<OrgDoc[]> {
  return fetchAllPages<OrgDoc>(db.collection('orgs').where({ kind: 'branch' }).orderBy('order', 'asc'), MAX_BRANCHES);
}

/**
 * Assigns the reviewing unit while the nomination is still unreviewed; false when it was reviewed
 * meanwhile (the assignment it was reviewed under stands).
 */
export async function assignReviewer(
  db: Database,
  id: string,
  reviewer: { branchId: string; branchName: string },
  now: Date,
): Promise<boolean> {
  const reply = (await db
    .collection(BRAND_NOMINATIONS)
    .where({ _id: id, status: 'submitted' })
    .update({ data: { reviewerBranchId: reviewer.branchId, reviewerBranchName: reviewer.branchName, updatedAt: now } })) as {
    stats: { updated: number };
  };
  return reply.stats.updated === 1;
}

// ——— steps ———

async function moveTally(
  session: TransactionSession,
  unit: { programmeId: string; branchId: string; branchName: string },
  brand: BrandKey,
  delta: Partial<BrandUnitTally>,
  now: Date,
): Promise<void> {
  const id = brandUnitId(unit.programmeId, unit.branchId);
  const stored = await session.get<BrandUnitDoc>(BRAND_UNITS, id);
  if (!stored) {
    const brands = emptyBrandTallies();
    const tally = brands[brand];
    for (const [field, by] of Object.entries(delta) as [keyof BrandUnitTally, number][]) tally[field] += by;
    await session.set(BRAND_UNITS, id, {
      programmeId: unit.programmeId,
      branchId: unit.branchId,
      branchName: unit.branchName,
      brands,
      updatedAt: now,
    });
    return;
  }
  const _ = session.command;
  const moves = Object.fromEntries(
    (Object.entries(delta) as [keyof BrandUnitTally, number][]).filter(([, by]) => by !== 0).map(([field, by]) => [field, _.inc(by)]),
  );
  await session.update(BRAND_UNITS, id, { brands: { [brand]: moves }, updatedAt: now });
}

/**
 * A new nomination, or an edit of one, with its unit's tally and the audit record. `check` sees the
 * stored nomination of an edit inside the transaction and may refuse.
 */
export function saveNomination(
  db: Database,
  input:
    | { kind: 'create'; nomination: BrandNominationDoc }
    | { kind: 'edit'; id: string; fields: Partial<BrandNominationDoc>; check: (stored: BrandNominationDoc) => void },
  actor: { id: string; now: Date },
  log: Logger,
): Promise<BrandNominationDoc> {
  return inTransaction(
    db,
    async (session) => {
      let saved: BrandNominationDoc;
      if (input.kind === 'create') {
        saved = input.nomination;
        // Read again here so that a programme edit dropping the brand, committed since the handler
        // read it, is seen: its count of the brand's nominations would have missed this one.
        const programme = await session.get<BrandProgrammeDoc>(BRAND_PROGRAMMES, saved.programmeId);
        if (!programme) fail('NOT_FOUND', { field: 'programmeId', message: '方案不存在或已删除' });
        if (!programme.brands.some((brand) => brand.key === saved.brand)) fail('CONFLICT', { field: 'brand', message: '方案已不含该品牌' });
        await session.add(BRAND_NOMINATIONS, { ...saved });
        await moveTally(session, saved, saved.brand, { nominated: 1 }, actor.now);
      } else {
        const stored = await session.get<BrandNominationDoc>(BRAND_NOMINATIONS, input.id);
        if (!stored) fail('NOT_FOUND', { field: 'id', message: '申报不存在或已删除' });
        input.check(stored);
        await session.update(BRAND_NOMINATIONS, input.id, wholeObjectWrites({ ...input.fields }, session.command));
        saved = { ...stored, ...input.fields };
      }
      const detail = { title: saved.title, brand: saved.brand, branchId: saved.branchId, created: input.kind === 'create' };
      await session.add('audit_logs', { ...auditOf({ action: 'stats.nominate', detail }, actor.id, saved._id, actor.now) });
      return saved;
    },
    { log },
  );
}

export interface StepRead {
  nomination: BrandNominationDoc;
  programme: BrandProgrammeDoc;
}

export interface StepChange {
  nomination: Partial<Omit<BrandNominationDoc, '_id' | 'createdAt' | 'updatedAt'>>;
  /** How the unit's tally for the nomination's brand moves. */
  tally?: Partial<BrandUnitTally>;
  /** The programme's selected counts after the step, when they move. */
  selected?: Record<BrandKey, number>;
  /** The once-only 互查 record (its `_id` is the nomination's). */
  review?: Omit<BrandReviewDoc, '_id'>;
  audit: AuditEntry;
}

/**
 * One step on a nomination (互查, 验收, 评选): reads it and its programme (NOT_FOUND without them), lets
 * `decide` refuse (it throws) or name the change (null: nothing to do), then writes the nomination,
 * the 互查 record, the unit's tally, the programme's selected counts and the audit record — all or
 * nothing, and against the documents as they stand at commit, so racing selections cannot pass a
 * brand's total (the last place goes once) and two reviews of one nomination leave one.
 */
export function stepOnNomination(
  db: Database,
  input: { nominationId: string; actorId: string; now: Date },
  decide: (read: StepRead) => StepChange | null,
  log: Logger,
): Promise<StepRead & { changed: boolean }> {
  const { nominationId, actorId, now } = input;
  return inTransaction(
    db,
    async (session) => {
      const nomination = await session.get<BrandNominationDoc>(BRAND_NOMINATIONS, nominationId);
      if (!nomination) fail('NOT_FOUND', NOT_FOUND_NOMINATION);
      const programme = await session.get<BrandProgrammeDoc>(BRAND_PROGRAMMES, nomination.programmeId);
      if (!programme) fail('NOT_FOUND', NOT_FOUND_NOMINATION);
      const change = decide({ nomination, programme });
      if (change === null) return { nomination, programme, changed: false };

      if (change.review) {
        if (await session.get<BrandReviewDoc>(BRAND_REVIEWS, nominationId)) fail('CONFLICT', { message: '该申报已互查过' });
        await session.add(BRAND_REVIEWS, { _id: nominationId, ...change.review });
      }
      await session.update(BRAND_NOMINATIONS, nominationId, wholeObjectWrites({ ...change.nomination, updatedAt: now }, session.command));
      if (change.tally) await moveTally(session, nomination, nomination.brand, change.tally, now);
      let programmeAfter = programme;
      if (change.selected) {
        await session.update(BRAND_PROGRAMMES, programme._id, { selected: session.command.set(change.selected), updatedAt: now });
        programmeAfter = { ...programme, selected: change.selected, updatedAt: now };
      }
      await session.add('audit_logs', { ...auditOf(change.audit, actorId, nominationId, now) });
      return { nomination: { ...nomination, ...change.nomination, updatedAt: now }, programme: programmeAfter, changed: true };
    },
    { log },
  );
}

// ——— ratings ———

/** False when the member has rated the nomination already (also a moment ago, from another tap). */
export async function insertBrandRating(db: Database, rating: Omit<BrandRatingDoc, '_id'>): Promise<boolean> {
  try {
    await db.collection(BRAND_RATINGS).add({ data: { _id: brandRatingId(rating.nominationId, rating.memberId), ...rating } });
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}

/** Counts one rating on the nomination: an increment, so any number of members rating at once never conflict. */
export async function countRatingOnNomination(db: Database, id: string, score: number): Promise<void> {
  const _ = db.command;
  await db
    .collection(BRAND_NOMINATIONS)
    .doc(id)
    .update({ data: { ratingCount: _.inc(1), ratingSum: _.inc(score) } });
}

/**
 * Counts one rating on the unit's tally of the brand (the unit exists: its nomination made it),
 * stamping `updatedAt` as every step's move does, so the recompute's recount (server/brandTally.ts)
 * never overwrites a tally an increment moved after it read it.
 */
export async function countRatingOnUnit(
  db: Database,
  unit: { programmeId: string; branchId: string },
  rating: { brand: BrandKey; score: number; now: Date },
): Promise<void> {
  const _ = db.command;
  await db
    .collection(BRAND_UNITS)
    .doc(brandUnitId(unit.programmeId, unit.branchId))
    .update({ data: { brands: { [rating.brand]: { ratingCount: _.inc(1), ratingSum: _.inc(rating.score) } }, updatedAt: rating.now } });
}
