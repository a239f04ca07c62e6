/**
 * 四红 at scale (issue 14; ARCHITECTURE.md, "Statistics" and "Budgets"): `size` members over up to 400
 * units (the stats scenario's branch layout, branchCount), one programme in 评议 and one in 验收. In
 * each, every unit has nominated its quota (1 园丁, 1 书屋, 2 课堂, 1 基地: 5 a unit, 2,000 at 400
 * units), each with a photo, every nomination peer-reviewed by the next unit; in the 评议 programme
 * every member has rated 3 nominations of other units, in the 验收 one every nomination is accepted.
 * Ratings, reviews, the nominations' counts and the units' tallies (`brand_units`) are written
 * straight into the store as the steps would have left them. Then through the real `stats` function:
 * - `brandBoard` as the org admin (every unit) and as a secretary (their row): 3 DB requests at any size;
 * - `nominations`: the first page, the last page of one brand, and a secretary's `assignedToMe`;
 * - `rateNomination` by a member who has not rated the nomination, and the same rating again (DUPLICATE);
 * - `selectNomination` in 验收: one transaction, whatever the size.
 */
import { seededRng, type Rng } from '../../../core/quiz';
import { bureauBrands } from '../../../core/brand/quotas';
import { memberDoc, seedStore } from '../../../emulator/seed';
import {
  brandRatingId,
  type BrandNominationDoc,
  type BrandProgrammeDoc,
  type BrandReviewDoc,
  type OrgDoc,
} from '../../../server/documents';
import { recountBrandUnits } from '../../../core/brand/recount';
import { unitDocOf } from '../../../server/brandTally';
import type { BrandKey, BrandNominationStatus } from '../../../types/labels';
import { createBenchEnv, insertSliced, type BenchEnv } from '../env';
import type { BenchOptions, CaseResult, Sample, Scenario, ScenarioRun } from '../types';
import { branchCount } from './stats';

const ORG_ADMIN = 'demo-admin';
const PAGE_SIZE = 20;
const DAY_MS = 24 * 60 * 60 * 1000;
/** A unit's nominations: its quota of each brand (bureauBrands: 1 园丁, 1 书屋, 2 课堂, 1 基地). */
const UNIT_NOMINATIONS: readonly BrandKey[] = ['gardener', 'bookhouse', 'classroom', 'classroom', 'base'];
const PER_UNIT = UNIT_NOMINATIONS.length;
/** Ratings each member has given, each of a nomination of another unit. */
const RATINGS_PER_MEMBER = 3;
/** The brand whose last page is the deep-page case (2 a unit: the longest list). */
const DEEP_BRAND: BrandKey = 'classroom';
const RATING_PROGRAMME = 'bench-brand-rating';
const ACCEPTANCE_PROGRAMME = 'bench-brand-acceptance';

interface Layout {
  size: number;
  branches: number;
  now: Date;
}

const branchIndexOf = (layout: Layout, index: number) => index % layout.branches;
const branchIdOf = (branchIndex: number) => `bench-branch-${branchIndex}`;
const branchNameOf = (branchIndex: number) => `基准第${branchIndex + 1}党支部`;
const openidOf = (index: number) => `bench-brand-${index}`;
const memberIdOf = (index: number) => `m-${openidOf(index)}`;
const nameOf = (index: number) => `党员${index}`;
/** Member i < branches is the secretary of branch i. */
const secretaryOf = (branchIndex: number) => openidOf(branchIndex);
const nominationIdOf = (programmeId: string, n: number) => `${programmeId}-nom-${n}`;
/** Nomination n is unit ⌊n / 5⌋'s, its brand UNIT_NOMINATIONS[n mod 5]; unit u + 1 reviewed unit u's. */
const unitOfNomination = (n: number) => Math.floor(n / PER_UNIT);
const reviewerOf = (layout: Layout, unit: number) => (unit + 1) % layout.branches;

/**
 * The k-th nomination member i rated: of a unit other than theirs (offset 1 … branches − 1), spread
 * over the units and the nominations of each. k = RATINGS_PER_MEMBER is one they have not rated.
 */
function ratedBy(layout: Layout, index: number, k: number): { nomination: number; score: number } {
  const round = Math.floor(index / layout.branches);
  const offset = 1 + ((round * RATINGS_PER_MEMBER + k) % (layout.branches - 1));
  const unit = (branchIndexOf(layout, index) + offset) % layout.branches;
  return { nomination: unit * PER_UNIT + ((round + k) % PER_UNIT), score: 1 + ((index * 7 + k * 3) % 5) };
}

/** Deadlines so that the data set's now falls in 评议 (days from now: 申报, 互查, 评议, 验收 close). */
function programme(layout: Layout, id: string, offsets: [number, number, number, number], selectTotal?: number): BrandProgrammeDoc {
  const at = (days: number) => new Date(layout.now.getTime() + days * DAY_MS);
  const [apply, review, rating, acceptance] = offsets.map(at) as [Date, Date, Date, Date];
  return {
    _id: id,
    title: `基准“四红”党建品牌创建 ${id}`,
    year: layout.now.getUTCFullYear(),
    description: '',
    brands: bureauBrands().map((brand) => (selectTotal === undefined ? brand : { ...brand, selectTotal })),
    applyEndsAt: apply,
    reviewEndsAt: review,
    ratingEndsAt: rating,
    acceptanceEndsAt: acceptance,
    selected: { gardener: 0, bookhouse: 0, classroom: 0, base: 0 },
    createdBy: `m-${ORG_ADMIN}`,
    createdAt: at(offsets[0] - 30),
    updatedAt: at(offsets[0] - 30),
  };
}

function nomination(
  layout: Layout,
  programmeDoc: BrandProgrammeDoc,
  n: number,
  state: { status: BrandNominationStatus; ratingCount: number; ratingSum: number; photo: string },
): BrandNominationDoc {
  const unit = unitOfNomination(n);
  const brand = UNIT_NOMINATIONS[n % PER_UNIT]!;
  const reviewer = reviewerOf(layout, unit);
  // Spread over the 申报 window, one a minute: newest first is a well-defined order.
  const createdAt = new Date(programmeDoc.applyEndsAt.getTime() - 10 * DAY_MS + n * 60_000);
  const reviewedAt = new Date(programmeDoc.reviewEndsAt.getTime() - DAY_MS);
  const accepted = state.status === 'accepted';
  return {
    _id: nominationIdOf(programmeDoc._id, n),
    programmeId: programmeDoc._id,
    branchId: branchIdOf(unit),
    branchName: branchNameOf(unit),
    brand,
    title: `${branchNameOf(unit)}的${brand}申报 ${n}`,
    description: '本校红色书屋藏有党史书籍三百余册，每周开放两次，由党员教师轮流值守，组织师生共读红色经典并交流心得。',
    photos: [state.photo],
    nominee: brand === 'gardener' ? { memberId: memberIdOf(unit), name: nameOf(unit) } : null,
    status: state.status,
    reviewerBranchId: branchIdOf(reviewer),
    reviewerBranchName: branchNameOf(reviewer),
    peerReview: {
      score: 60 + ((n * 13) % 41),
      comment: '材料齐全，特色鲜明',
      reviewerBranchId: branchIdOf(reviewer),
      reviewerBranchName: branchNameOf(reviewer),
      byId: memberIdOf(reviewer),
      at: reviewedAt,
    },
    ratingCount: state.ratingCount,
    ratingSum: state.ratingSum,
    acceptance: accepted ? { passed: true, note: '', byId: `m-${ORG_ADMIN}`, at: new Date(layout.now.getTime() - DAY_MS) } : null,
    selection: null,
    createdBy: memberIdOf(unit),
    createdAt,
    updatedAt: accepted ? new Date(layout.now.getTime() - DAY_MS) : reviewedAt,
  };
}

/** The programme's nominations, their 互查 records and the units' tallies as the steps would have kept them. */
function putProgramme(env: BenchEnv, programmeDoc: BrandProgrammeDoc, nominations: BrandNominationDoc[]): void {
  env.store.insertMany('brand_programmes', [{ ...programmeDoc }]);
  env.store.insertMany(
    'brand_nominations',
    nominations.map((doc) => ({ ...doc })),
  );
  env.store.insertMany(
    'brand_reviews',
    nominations.map((doc): BrandReviewDoc & Record<string, unknown> => ({
      _id: doc._id,
      programmeId: doc.programmeId,
      nominationId: doc._id,
      reviewerBranchId: doc.peerReview!.reviewerBranchId,
      byId: doc.peerReview!.byId,
      score: doc.peerReview!.score,
      comment: doc.peerReview!.comment,
      createdAt: doc.peerReview!.at,
    })),
  );
  env.store.insertMany(
    'brand_units',
    recountBrandUnits(nominations).units.map((unit) => ({ ...unitDocOf(programmeDoc._id, unit, programmeDoc.updatedAt) })),
  );
}

function buildDataSet(env: BenchEnv, layout: Layout): void {
  seedStore(env.store, layout.now);
  const { size, branches, now } = layout;
  const past = new Date(now.getTime() - 90 * DAY_MS);
  const perBranch = (b: number) => Math.floor(size / branches) + (b < size % branches ? 1 : 0);
  env.store.insertMany(
    'orgs',
    Array.from({ length: branches }, (_, b): OrgDoc & Record<string, unknown> => ({
      _id: branchIdOf(b),
      name: branchNameOf(b),
      kind: 'branch',
      parentId: 'org-committee',
      order: 100 + b,
      activeMemberCount: perBranch(b),
    })),
  );
  insertSliced(env, 'members', size, (index) => ({
    ...memberDoc(
      {
        openid: openidOf(index),
        name: nameOf(index),
        branchId: branchIdOf(branchIndexOf(layout, index)),
        role: index < branches ? 'secretary' : 'member',
      },
      past,
    ),
  }));

  const nominationCount = branches * PER_UNIT;
  // One photo per unit, shared by its nominations: each page still asks storage for its links once.
  const photos = Array.from({ length: branches }, (_, b) => env.files.put(`brand/bench/${b}.jpg`, Buffer.from([0xff, 0xd8, 0xff, 0xd9])));
  const photoOf = (n: number) => photos[unitOfNomination(n)]!;

  // 评议: the ratings first, counted per nomination, then the nominations and tallies that hold those counts.
  const ratingCount = new Int32Array(nominationCount);
  const ratingSum = new Int32Array(nominationCount);
  for (let index = 0; index < size; index += 1) {
    for (let k = 0; k < RATINGS_PER_MEMBER; k += 1) {
      const { nomination: n, score } = ratedBy(layout, index, k);
      ratingCount[n] = ratingCount[n]! + 1;
      ratingSum[n] = ratingSum[n]! + score;
    }
  }
  const rating = programme(layout, RATING_PROGRAMME, [-20, -10, 10, 20]);
  insertSliced(env, 'brand_ratings', size * RATINGS_PER_MEMBER, (at) => {
    const index = Math.floor(at / RATINGS_PER_MEMBER);
    const { nomination: n, score } = ratedBy(layout, index, at % RATINGS_PER_MEMBER);
    const nominationId = nominationIdOf(RATING_PROGRAMME, n);
    return {
      _id: brandRatingId(nominationId, memberIdOf(index)),
      programmeId: RATING_PROGRAMME,
      nominationId,
      memberId: memberIdOf(index),
      score,
      createdAt: new Date(rating.reviewEndsAt.getTime() + (index % 1000) * 60_000),
    };
  });
  putProgramme(
    env,
    rating,
    Array.from({ length: nominationCount }, (_, n) =>
      nomination(layout, rating, n, { status: 'reviewed', ratingCount: ratingCount[n]!, ratingSum: ratingSum[n]!, photo: photoOf(n) }),
    ),
  );

  // 验收: every nomination accepted, places for all of them (the selections measured never run out).
  const acceptance = programme(layout, ACCEPTANCE_PROGRAMME, [-30, -20, -10, 10], 1000);
  putProgramme(
    env,
    acceptance,
    Array.from({ length: nominationCount }, (_, n) =>
      nomination(layout, acceptance, n, { status: 'accepted', ratingCount: 0, ratingSum: 0, photo: photoOf(n) }),
    ),
  );
}

async function measure(times: number, call: (sample: number) => Promise<Sample>): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (let sample = 0; sample < times; sample += 1) samples.push(await call(sample));
  return samples;
}

function expect(condition: boolean, what: string): void {
  if (!condition) throw new Error(`brand bench: ${what}`);
}

async function boardCases(env: BenchEnv, layout: Layout, rng: Rng, options: BenchOptions): Promise<CaseResult[]> {
  const programmeId = RATING_PROGRAMME;
  const admin = await measure(options.samples, async () => {
    const call = await env.call(ORG_ADMIN, 'stats', 'brandBoard', { programmeId });
    const ranked = call.data.units.filter((unit) => unit.rank !== null).length;
    expect(ranked === layout.branches, `brandBoard: ${ranked} ranked units, expected ${layout.branches}`);
    expect(call.requests.length <= 3, `brandBoard as org admin made ${call.requests.length} DB requests`);
    return call;
  });
  const secretary = await measure(options.samples, async () => {
    const branch = Math.floor(rng() * layout.branches);
    const call = await env.call(secretaryOf(branch), 'stats', 'brandBoard', { programmeId });
    const [row] = call.data.units;
    expect(
      call.data.units.length === 1 && row?.branchId === branchIdOf(branch) && row.nominated === PER_UNIT,
      'brandBoard: the secretary’s row',
    );
    expect(call.requests.length <= 3, `brandBoard as secretary made ${call.requests.length} DB requests`);
    return call;
  });
  const units = layout.branches + 5;
  return [
    { action: 'stats.brandBoard', label: `org admin, ${units} units`, real: admin },
    { action: 'stats.brandBoard', label: 'secretary, own unit ranked among all', real: secretary },
  ];
}

async function nominationCases(env: BenchEnv, layout: Layout, rng: Rng, options: BenchOptions): Promise<CaseResult[]> {
  const programmeId = RATING_PROGRAMME;
  const member = () => openidOf(layout.branches + Math.floor(rng() * (layout.size - layout.branches)));
  const total = layout.branches * PER_UNIT;
  const first = await measure(options.samples, async () => {
    const call = await env.call(member(), 'stats', 'nominations', { programmeId, pageSize: PAGE_SIZE });
    expect(call.data.items.length === PAGE_SIZE && call.data.nextCursor !== null, 'nominations: a short first page');
    expect(
      call.data.items.every((item) => item.photos.length === 1),
      'nominations: a photo without its link',
    );
    return call;
  });
  const ofBrand = UNIT_NOMINATIONS.filter((key) => key === DEEP_BRAND).length * layout.branches;
  const lastOffset = Math.floor((ofBrand - 1) / PAGE_SIZE) * PAGE_SIZE;
  const deep = await measure(options.samples, async () => {
    const call = await env.call(member(), 'stats', 'nominations', {
      programmeId,
      brand: DEEP_BRAND,
      pageSize: PAGE_SIZE,
      cursor: String(lastOffset),
    });
    expect(call.data.items.length === ofBrand - lastOffset && call.data.nextCursor === null, 'nominations: the last page of a brand');
    return call;
  });
  const assigned = await measure(options.samples, async () => {
    const branch = Math.floor(rng() * layout.branches);
    const call = await env.call(secretaryOf(branch), 'stats', 'nominations', { programmeId, pageSize: PAGE_SIZE, assignedToMe: true });
    expect(call.data.items.length === PER_UNIT, `nominations assignedToMe: ${call.data.items.length}, expected ${PER_UNIT}`);
    return call;
  });
  return [
    { action: 'stats.nominations', label: `member, first page of ${total}`, real: first },
    { action: 'stats.nominations', label: `member, by brand, last page (offset ${lastOffset})`, real: deep },
    { action: 'stats.nominations', label: 'secretary, assignedToMe', real: assigned },
  ];
}

/** Distinct (member, nomination) pairs none of the data set's ratings holds; then each again, refused. */
async function rateCases(env: BenchEnv, layout: Layout, rng: Rng, options: BenchOptions): Promise<CaseResult[]> {
  const tried = new Set<number>();
  const pairs: { openid: string; nominationId: string; score: number }[] = [];
  while (pairs.length < Math.min(options.samples, layout.size)) {
    const index = Math.floor(rng() * layout.size);
    if (tried.has(index)) continue;
    tried.add(index);
    const { nomination: n, score } = ratedBy(layout, index, RATINGS_PER_MEMBER);
    pairs.push({ openid: openidOf(index), nominationId: nominationIdOf(RATING_PROGRAMME, n), score });
  }
  const firsts = await measure(pairs.length, async (sample) => {
    const { openid, nominationId, score } = pairs[sample]!;
    const call = await env.call(openid, 'stats', 'rateNomination', { nominationId, score });
    expect(call.data.myRating === score && call.data.rating.count > 0, 'rateNomination: not counted');
    return call;
  });
  const again = await measure(pairs.length, async (sample) => {
    const { openid, nominationId, score } = pairs[sample]!;
    const { result, requests, ms } = await env.runner.invoke(
      'stats',
      { action: 'rateNomination', input: { nominationId, score } },
      { openid },
    );
    expect(!result.ok && result.error?.code === 'DUPLICATE', `rateNomination again: ${JSON.stringify(result)}`);
    return { requests, ms };
  });
  return [
    { action: 'stats.rateNomination', label: 'not rated yet, counts moved', real: firsts },
    { action: 'stats.rateNomination', label: 'the same rating again (DUPLICATE)', real: again },
  ];
}

/** The org admin selects accepted nominations one after another (and unselects them on a second round). */
async function selectCase(env: BenchEnv, layout: Layout, options: BenchOptions): Promise<CaseResult> {
  const count = layout.branches * PER_UNIT;
  const selects = await measure(options.samples, async (sample) => {
    const selected = Math.floor(sample / count) % 2 === 0;
    const nominationId = nominationIdOf(ACCEPTANCE_PROGRAMME, sample % count);
    const call = await env.call(ORG_ADMIN, 'stats', 'selectNomination', { nominationId, selected, commendation: selected ? '优秀' : null });
    expect(call.data.nomination.status === (selected ? 'selected' : 'accepted'), `selectNomination: ${call.data.nomination.status}`);
    return call;
  });
  return { action: 'stats.selectNomination', label: `验收, ${count} accepted`, real: selects };
}

async function run(size: number, options: BenchOptions): Promise<ScenarioRun> {
  const env = createBenchEnv();
  const layout: Layout = { size, branches: branchCount(size), now: new Date() };
  expect(size > layout.branches, `needs more members than units (${layout.branches})`);
  const rng = seededRng(`bench-brand-${size}`);
  const setupStarted = performance.now();
  buildDataSet(env, layout);
  const setupMs = performance.now() - setupStarted;
  options.log(
    `  brand @ ${size}: data set built in ${(setupMs / 1000).toFixed(1)} s (${layout.branches} units, ${env.store.count('brand_nominations')} nominations, ${env.store.count('brand_ratings')} ratings)`,
  );
  const cases = await boardCases(env, layout, rng, options);
  cases.push(...(await nominationCases(env, layout, rng, options)));
  cases.push(...(await rateCases(env, layout, rng, options)));
  cases.push(await selectCase(env, layout, options));
  env.store.close();
  return { size, setupMs, cases };
}

export const brandScenario: Scenario = { name: 'brand', defaultSizes: [1_000, 10_000], run };
