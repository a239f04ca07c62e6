import type { BrandNominationView, BrandProgrammeView } from '../../../types/contracts/brand';
import type { Result } from '../../../types/result';
import { callFunction } from '../../services/cloud';
import { findInPages } from '../records';

/** There is no single-programme read: the list (newest first, a few a year) holds it. */
export function findBrandProgramme(id: string): Promise<Result<BrandProgrammeView | null>> {
  return findInPages((cursor) => callFunction('stats', 'brandProgrammes', { pageSize: 50, cursor }, { silentError: true }), id);
}

/** A nomination to edit, found among those the caller may see (a secretary's unit's during 申报). */
export function findNomination(programmeId: string, id: string): Promise<Result<BrandNominationView | null>> {
  return findInPages((cursor) => callFunction('stats', 'nominations', { programmeId, pageSize: 50, cursor }, { silentError: true }), id);
}
