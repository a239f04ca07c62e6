/** 四红 programmes, nominations and board rows as the stats function answers them, and a fake server for the brand pages. */
import { bureauBrands } from '../../../core/brand/quotas';
import type { BrandNominationView, BrandProgrammeView, BrandUnitRow } from '../../../types/contracts/brand';
import type { MemberView } from '../../../types/contracts/member';
import { meReply } from '../../components/__test__/membershipFixtures';

/** Deadlines at Beijing midnight: 申报 to 6月30日 24:00, 互查 to 7月15日, 评议 to 7月31日, 验收 to 8月31日. */
export const brandProgramme: BrandProgrammeView = {
  id: 'brand-2026',
  title: '2026年“四红”党建品牌创建',
  year: 2026,
  description: '各校推荐红色园丁、红色书屋、红色课堂、红色基地',
  brands: bureauBrands(),
  applyEndsAt: '2026-06-30T16:00:00.000Z',
  reviewEndsAt: '2026-07-15T16:00:00.000Z',
  ratingEndsAt: '2026-07-31T16:00:00.000Z',
  acceptanceEndsAt: '2026-08-31T16:00:00.000Z',
  stage: 'apply',
  selected: { gardener: 0, bookhouse: 0, classroom: 0, base: 0 },
};

/** An instant inside each stage, Beijing daytime. */
export const DURING = {
  apply: '2026-06-20T02:00:00.000Z',
  review: '2026-07-05T02:00:00.000Z',
  rating: '2026-07-20T02:00:00.000Z',
  acceptance: '2026-08-10T02:00:00.000Z',
  closed: '2026-09-10T02:00:00.000Z',
} as const;

export function nomination(overrides: Partial<BrandNominationView> = {}): BrandNominationView {
  return {
    id: 'n-1',
    programmeId: brandProgramme.id,
    branchId: 'branch-2',
    branchName: '第二党支部',
    brand: 'classroom',
    title: '“周周讲”红色故事课堂',
    description: '每周一节红色故事课，师生轮流主讲，一学期覆盖全校各班。',
    photos: [],
    nominee: null,
    status: 'submitted',
    reviewer: null,
    peerReview: null,
    rating: { count: 0, sum: 0, average: null },
    acceptance: null,
    selection: null,
    createdAt: '2026-06-10T02:00:00.000Z',
    updatedAt: '2026-06-10T02:00:00.000Z',
    myRating: null,
    can: { edit: false, review: false, rate: false },
    ...overrides,
  };
}

export function unitRow(overrides: Partial<BrandUnitRow> = {}): BrandUnitRow {
  const brand = (key: BrandUnitRow['brands'][number]['key'], nominated: number, perUnit: number) => ({
    key,
    nominated,
    perUnit,
    met: nominated >= perUnit,
    peerScore: null,
    ratingAverage: null,
    accepted: 0,
    selected: 0,
  });
  return {
    branchId: 'branch-1',
    branchName: '第一党支部',
    rank: 2,
    quotaShare: 0.5,
    quotasMet: 2,
    quotasTotal: 4,
    nominated: 3,
    accepted: 0,
    selected: 0,
    peerScore: null,
    ratingAverage: null,
    brands: [brand('gardener', 1, 1), brand('bookhouse', 1, 1), brand('classroom', 1, 2), brand('base', 0, 1)],
    ...overrides,
  };
}

export type BrandHandler = (input: Record<string, unknown>) => unknown;

/**
 * The cloud as the brand pages see it: member.me for `who`, member.list and orgTree when given, each
 * stats action by its handler; anything else fails the test.
 */
export function serveBrand(callFunction: jest.Mock, who: MemberView, handlers: Record<string, BrandHandler>): void {
  callFunction.mockImplementation(async (name: string, action: string, input: Record<string, unknown>) => {
    if (name === 'member' && action === 'me') return meReply(true, who);
    const handler = handlers[name === 'stats' ? action : `${name}.${action}`];
    if (!handler) throw new Error(`unexpected ${name}.${action}`);
    return handler(input);
  });
}
