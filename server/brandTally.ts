/**
 * Recounts one 四红 programme's tallies (ARCHITECTURE.md, "Statistics"): every unit's tally
 * (`brand_units`) and the programme's per-brand `selected`, set to what its nominations say
 * (core/brand/recount.ts), writing only what differs. A full recompute of the statistics runs it for
 * every programme after the campaigns' tallies (server/stats/recompute.ts, phase `brandUnits`).
 */
import { isDeepStrictEqual } from 'node:util';
import { recountBrandUnits, type RecountedUnit } from '../core/brand/recount';
import { brandUnitId, type BrandUnitDoc } from './documents';
import type { Database } from './kernel/db';
import {
  findProgrammeSelected,
  listBrandUnits,
  listCountedNominations,
  writeBrandUnits,
  writeProgrammeSelected,
} from './brandTally.repository';
import type { RecountWrites } from './recountWrites.repository';

export interface BrandRecountReport {
  unitsWritten: number;
  selectedWritten: boolean;
}

/** A unit's counts: its programme, unit and brands, without its name (kept as stored) and the stamp every move sets. */
const sameUnit = (a: BrandUnitDoc, b: BrandUnitDoc) =>
  isDeepStrictEqual({ p: a.programmeId, u: a.branchId, b: a.brands }, { p: b.programmeId, u: b.branchId, b: b.brands });

/** A unit's tally document as a recount builds it (the name kept as stored when there is one). */
export function unitDocOf(programmeId: string, unit: RecountedUnit, updatedAt: Date, branchName = unit.branchName): BrandUnitDoc {
  return {
    _id: brandUnitId(programmeId, unit.branchId),
    programmeId,
    branchId: unit.branchId,
    branchName,
    brands: { ...unit.brands },
    updatedAt,
  };
}

/**
 * What to set and remove so the stored tallies become the recount. A unit whose nominations are all
 * gone (none is ever removed today, but a tally may be left by hand or by a bug) is removed rather
 * than reset to zeros: a missing tally is what the board reads as "nominated nothing" and what the
 * next step creates again, so removing keeps one shape for that state, as campaign tallies do.
 */
function unitWrites(
  programmeId: string,
  stored: readonly BrandUnitDoc[],
  recount: ReturnType<typeof recountBrandUnits>,
  now: Date,
): RecountWrites<BrandUnitDoc> {
  const storedById = new Map(stored.map((doc) => [doc._id, doc]));
  const builtIds = new Set<string>();
  const set: RecountWrites<BrandUnitDoc>['set'] = [];
  for (const unit of recount.units) {
    const id = brandUnitId(programmeId, unit.branchId);
    builtIds.add(id);
    const before = storedById.get(id) ?? null;
    const doc = unitDocOf(programmeId, unit, now, before?.branchName);
    if (before === null || !sameUnit(before, doc)) set.push({ doc, stored: before });
  }
  return { set, removed: stored.filter((doc) => !builtIds.has(doc._id)) };
}

/**
 * Sets one programme's unit tallies and selected counts to what its nominations say, writing only
 * what differs: a lost rating increment (`brand_rating_not_counted`) or a count set wrong by hand is
 * healed, and run again it writes nothing. What is stored is read before the nominations, so a step
 * or rating that lands in between is in the recount and its move, stamping `updatedAt` after the
 * read, makes the compare-and-set skip that document (server/brandTally.repository.ts).
 */
export async function recountBrandProgramme(db: Database, programmeId: string, now: Date): Promise<BrandRecountReport> {
  const [programme, storedUnits] = await Promise.all([findProgrammeSelected(db, programmeId), listBrandUnits(db, programmeId)]);
  const recount = recountBrandUnits(await listCountedNominations(db, programmeId));
  const selectedDiffers = programme !== null && !isDeepStrictEqual({ ...recount.selected, ...programme.selected }, recount.selected);
  const [unitsWritten, selectedWritten] = await Promise.all([
    writeBrandUnits(db, unitWrites(programmeId, storedUnits, recount, now)),
    selectedDiffers ? writeProgrammeSelected(db, programme, recount.selected, now) : Promise.resolve(false),
  ]);
  return { unitsWritten, selectedWritten };
}
