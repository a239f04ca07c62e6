/**
 * The "四红" party-building brand programme (红色园丁、红色书屋、红色课堂、红色基地) for the demo org,
 * in its 申报 stage relative to `now` (ARCHITECTURE.md, "Demo data", "Statistics"). Quotas are the
 * programme documents': each unit recommends at least 1 园丁, 1 书屋, 2 课堂 and 1 基地; the org
 * selects 10 园丁, 10 书屋, 50 课堂 and 10 基地.
 */
import { bureauBrands } from '../../core/brand/quotas';
import type { BrandProgrammeDoc } from '../../server/documents';

const DAY_MS = 24 * 60 * 60 * 1000;

export function seedBrandProgrammeId(now: Date): string {
  return `brand-sihong-${now.getUTCFullYear()}`;
}

/** 申报 closes in two weeks, then two weeks of 互查, two of 评议 and four of 验收. */
export function seedBrandProgrammeDoc(now: Date): BrandProgrammeDoc {
  const at = (days: number) => new Date(now.getTime() + days * DAY_MS);
  return {
    _id: seedBrandProgrammeId(now),
    title: `${now.getUTCFullYear()}年“四红”党建品牌创建`,
    year: now.getUTCFullYear(),
    description:
      '各党支部围绕红色园丁、红色书屋、红色课堂、红色基地开展品牌创建：每个单位至少推荐红色园丁 1 名、红色书屋 1 个、红色课堂 2 节、红色基地 1 处，经申报、互查、群众评议和实地验收，评选红色园丁 10 名、红色书屋 10 个、红色课堂 50 节、红色基地 10 处，并表彰先进单位。',
    brands: bureauBrands(),
    applyEndsAt: at(14),
    reviewEndsAt: at(28),
    ratingEndsAt: at(42),
    acceptanceEndsAt: at(70),
    selected: { gardener: 0, bookhouse: 0, classroom: 0, base: 0 },
    createdBy: 'm-demo-admin',
    createdAt: at(-7),
    updatedAt: at(-7),
  };
}
