/**
 * Shared pieces of the 四红 tests: a valid programme draft, programmes placed in a chosen stage
 * relative to now, nominations written straight into the store (with the unit tallies the steps
 * would have kept), and reading documents back.
 */
import { bureauBrands } from '../../core/brand/quotas';
import { seedPeople } from '../../emulator/seed/people';
import type { BrandNominationDoc, BrandProgrammeDoc } from '../../server/documents';
import type { BrandProgrammeDraftInput } from '../../types/contracts/brand';
import type { BrandKey, BrandStage } from '../../types/labels';
import { submittedState } from '../../cloudfunctions/stats/brand.repository';
import { recountBrandUnits } from '../../core/brand/recount';
import { unitDocOf } from '../../server/brandTally';
import { useServerClock } from '../support/clock';
import { createTestEnv, type TestEnv } from '../support/localEnv';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** 第一党支部 (demo-secretary, demo-member), 第二党支部 (seed-member-02 is its secretary). */
export const OWN_BRANCH = 'branch-1';
export const OTHER_BRANCH = 'branch-2';

/** Twenty 字 and more, as a unit's description must be. */
export const DESCRIPTION = '本校红色书屋藏有党史书籍三百余册，每周开放两次，由党员教师轮流值守，组织师生共读红色经典并交流心得。';

export function brandDraft(now: Date, overrides: Partial<BrandProgrammeDraftInput> = {}): BrandProgrammeDraftInput {
  const at = (days: number) => new Date(now.getTime() + days * DAY_MS).toISOString();
  return {
    title: '“四红”党建品牌创建',
    year: 2026,
    description: '',
    brands: bureauBrands(),
    applyEndsAt: at(10),
    reviewEndsAt: at(20),
    ratingEndsAt: at(30),
    acceptanceEndsAt: at(40),
    ...overrides,
  };
}

/** Days from now to each deadline, so that now falls in `stage`. */
const OFFSETS: Record<BrandStage, [number, number, number, number]> = {
  apply: [10, 20, 30, 40],
  review: [-10, 10, 20, 30],
  rating: [-20, -10, 10, 20],
  acceptance: [-30, -20, -10, 10],
  closed: [-40, -30, -20, -10],
};

export function programmeDoc(id: string, now: Date, stage: BrandStage, overrides: Partial<BrandProgrammeDoc> = {}): BrandProgrammeDoc {
  const [apply, review, rating, acceptance] = OFFSETS[stage].map((days) => new Date(now.getTime() + days * DAY_MS)) as [
    Date,
    Date,
    Date,
    Date,
  ];
  return {
    _id: id,
    title: `四红 ${id}`,
    year: 2026,
    description: '',
    brands: bureauBrands(),
    applyEndsAt: apply,
    reviewEndsAt: review,
    ratingEndsAt: rating,
    acceptanceEndsAt: acceptance,
    selected: { gardener: 0, bookhouse: 0, classroom: 0, base: 0 },
    createdBy: 'm-demo-admin',
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

/** The seeded org's units by id (第一党支部 … 离退休党支部). */
const BRANCH_NAMES: Record<string, string> = Object.fromEntries(seedPeople(new Date(0)).orgs.map((org) => [org._id, org.name]));

export function nominationDoc(
  id: string,
  programmeId: string,
  branchId: string,
  brand: BrandKey,
  now: Date,
  overrides: Partial<BrandNominationDoc> = {},
): BrandNominationDoc {
  return {
    _id: id,
    programmeId,
    branchId,
    branchName: BRANCH_NAMES[branchId] ?? branchId,
    brand,
    title: `${BRANCH_NAMES[branchId] ?? branchId}的申报 ${id}`,
    description: DESCRIPTION,
    photos: [],
    nominee: null,
    ...submittedState(),
    createdBy: 'm-demo-admin',
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

/**
 * Writes the programme and nominations into the store with the unit tallies the steps would have
 * kept for them (nominated, reviewed, accepted, selected, ratings).
 */
export function putBrandData(env: TestEnv, programme: BrandProgrammeDoc, nominations: BrandNominationDoc[]): void {
  env.store.insertMany('brand_programmes', [{ ...programme }]);
  if (nominations.length === 0) return;
  env.store.insertMany(
    'brand_nominations',
    nominations.map((doc) => ({ ...doc })),
  );
  env.store.insertMany(
    'brand_units',
    recountBrandUnits(nominations).units.map((unit) => ({ ...unitDocOf(programme._id, unit, programme.updatedAt) })),
  );
}

export function peerReviewOf(score: number, reviewerBranchId: string, at: Date): NonNullable<BrandNominationDoc['peerReview']> {
  return { score, comment: '材料齐全', reviewerBranchId, reviewerBranchName: BRANCH_NAMES[reviewerBranchId] ?? '', byId: 'm-x', at };
}

/**
 * Before each test, the server clock back at `now` and a fresh local env handed to `use`; the clock
 * is returned for tests that move it.
 */
export function freshEnvEachTest(now: Date, use: (env: TestEnv) => void): ReturnType<typeof useServerClock> {
  const clock = useServerClock(now);
  beforeEach(() => {
    clock.set(now);
    use(createTestEnv({ now: clock.now() }));
  });
  return clock;
}

/** A result's error code, or true when it succeeded. */
export function codeOf(result: { ok: boolean; error?: { code: string } }): string | true {
  return result.ok || (result.error?.code ?? 'none');
}
