import type { BaseDetail, BaseSummary } from '../../types/contracts/checkin';
import { temporaryUrl } from '../../server/files';
import type { BaseDoc } from '../../server/documents';

function describe(doc: BaseDoc): Omit<BaseSummary, 'distanceM'> {
  return {
    id: doc._id,
    name: doc.name,
    level: doc.level ?? null,
    county: doc.county,
    address: doc.address,
    theme: doc.theme,
    approximate: doc.approximate,
  };
}

export function toBaseSummary(doc: BaseDoc, distanceM: number | null): BaseSummary {
  return { ...describe(doc), distanceM: distanceM === null ? null : Math.round(distanceM) };
}

export async function toBaseDetail(doc: BaseDoc): Promise<BaseDetail> {
  const photoFileIds = doc.photoFileIds ?? [];
  const urls = await Promise.all(photoFileIds.map((fileId) => temporaryUrl(fileId).catch(() => null)));
  return {
    ...describe(doc),
    latitude: doc.latitude,
    longitude: doc.longitude,
    radiusM: doc.radiusM,
    intro: doc.intro,
    photoFileIds,
    // A photo lost from storage after it was saved must not hide the base: it is left out.
    photoUrls: urls.filter((url): url is string => url !== null),
  };
}
