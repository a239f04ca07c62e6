/**
 * The education bureau's own 四红 numbers (DOMAIN): each unit recommends at least 1 园丁, 1 书屋,
 * 2 课堂 and 1 基地; the org selects 10 园丁, 10 书屋, 50 课堂 and 10 基地. The org's form starts
 * from them and the demo programme is seeded with them.
 */
import type { BrandQuota } from '../../types/contracts/brand';
import { BRAND_KEYS, type BrandKey } from '../../types/labels';

export const BUREAU_QUOTAS: Readonly<Record<BrandKey, Readonly<Omit<BrandQuota, 'key'>>>> = {
  gardener: { perUnit: 1, selectTotal: 10 },
  bookhouse: { perUnit: 1, selectTotal: 10 },
  classroom: { perUnit: 2, selectTotal: 50 },
  base: { perUnit: 1, selectTotal: 10 },
};

/** All four brands with the bureau's numbers, in the labels' order: a programme's `brands`. */
export function bureauBrands(): BrandQuota[] {
  return BRAND_KEYS.map((key) => ({ key, ...BUREAU_QUOTAS[key] }));
}
