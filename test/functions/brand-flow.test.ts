/**
 * A 四红 brand programme from end to end (ARCHITECTURE.md, "Statistics"): the org creates it, units
 * nominate during 申报, the org assigns 互查, reviewing secretaries score, members rate during 评议,
 * the org accepts during 验收 and selects, and the board ranks the units by the share of quotas met.
 */
import type { AuditDoc } from '../../server/audit';
import {
  brandRatingId,
  brandUnitId,
  type BrandNominationDoc,
  type BrandProgrammeDoc,
  type BrandRatingDoc,
  type BrandReviewDoc,
  type BrandUnitDoc,
} from '../../server/documents';
import { seedBrandProgrammeId } from '../../emulator/seed';
import { useServerClock } from '../support/clock';
import { createTestEnv, type TestEnv } from '../support/localEnv';
import { brandDraft, DAY_MS, DESCRIPTION, OTHER_BRANCH, OWN_BRANCH } from './brand.fixtures';
import { documentOf, documentsOf } from './stats-programmes.fixtures';

const START = new Date('2026-11-23T02:00:00Z');
const clock = useServerClock(START);
let env: TestEnv;

/** Every DB request the flow's calls made that no declared index covered. */
let unindexed: string[];

beforeEach(() => {
  clock.set(START);
  unindexed = [];
  const fresh = createTestEnv({ now: clock.now() });
  const call: typeof fresh.call = async (...args) => {
    const called = await fresh.call(...args);
    for (const request of called.requests)
      if (!request.indexed) unindexed.push(`${String(args[2])}: ${request.action} ${request.collection}`);
    return called;
  };
  const ok: typeof fresh.ok = async (openid, name, action, input) => {
    const { result } = await call(openid, name, action, input);
    if (!result.ok) throw new Error(`${name}.${action} failed: ${JSON.stringify(result.error)}`);
    return result.data;
  };
  env = { ...fresh, call, ok };
});

afterEach(() => {
  // ARCHITECTURE.md, "Budgets": every query covered by a declared index.
  expect(unindexed).toEqual([]);
});

async function createProgramme(): Promise<string> {
  const { programme } = await env.ok('demo-admin', 'stats', 'saveBrandProgramme', { programme: brandDraft(clock.now()) });
  return programme.id;
}

describe('种子与方案', () => {
  it('种子里有一个处于申报阶段的“四红”方案，四个品牌的名额取自方案文件', async () => {
    const { items } = await env.ok('demo-member', 'stats', 'brandProgrammes', {});
    const seeded = items.find((item) => item.id === seedBrandProgrammeId(clock.now()));
    expect(seeded).toMatchObject({ stage: 'apply', selected: { gardener: 0, bookhouse: 0, classroom: 0, base: 0 } });
    expect(seeded?.brands).toEqual([
      { key: 'gardener', perUnit: 1, selectTotal: 10 },
      { key: 'bookhouse', perUnit: 1, selectTotal: 10 },
      { key: 'classroom', perUnit: 2, selectTotal: 50 },
      { key: 'base', perUnit: 1, selectTotal: 10 },
    ]);
  });

  it('组织部新建方案：存下截止时间，列表最新的在前，方案与审计记录一起写入', async () => {
    const { result, requests } = await env.call('demo-admin', 'stats', 'saveBrandProgramme', { programme: brandDraft(clock.now()) });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.data).toMatchObject({ created: true, programme: { stage: 'apply', title: '“四红”党建品牌创建' } });
    const stored = await documentOf<BrandProgrammeDoc>('brand_programmes', result.data.programme.id);
    expect(stored?.applyEndsAt).toEqual(new Date(clock.now().getTime() + 10 * DAY_MS));
    expect(await documentsOf<AuditDoc>('audit_logs', { action: 'stats.saveBrandProgramme' })).toEqual([
      expect.objectContaining({ actorId: 'm-demo-admin', targetId: result.data.programme.id }),
    ]);
    // The caller, then the transaction: start, the programme, the audit record, commit.
    expect(requests.filter((request) => request.collection === 'brand_programmes')).toHaveLength(1);
    const { items } = await env.ok('demo-member', 'stats', 'brandProgrammes', {});
    expect(items[0]?.id).toBe(result.data.programme.id);
  });

  it('修改方案：名称与名额改写；已有申报的品牌不能移除（CONFLICT），方案不变', async () => {
    const id = await createProgramme();
    await env.ok('demo-secretary', 'stats', 'nominate', {
      programmeId: id,
      brand: 'bookhouse',
      title: '红色书屋',
      description: DESCRIPTION,
    });
    const renamed = await env.ok('demo-admin', 'stats', 'saveBrandProgramme', {
      id,
      programme: brandDraft(clock.now(), { title: '改名后的方案' }),
    });
    expect(renamed).toMatchObject({ created: false, programme: { id, title: '改名后的方案' } });

    const withoutBookhouse = brandDraft(clock.now(), { brands: [{ key: 'gardener', perUnit: 1, selectTotal: 10 }] });
    const { result } = await env.call('demo-admin', 'stats', 'saveBrandProgramme', { id, programme: withoutBookhouse });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'programme.brands' } });
    expect((await documentOf<BrandProgrammeDoc>('brand_programmes', id))?.brands).toHaveLength(4);
    // A brand nobody nominated for may go.
    const withoutGardener = brandDraft(clock.now(), { brands: [{ key: 'bookhouse', perUnit: 1, selectTotal: 10 }] });
    await env.ok('demo-admin', 'stats', 'saveBrandProgramme', { id, programme: withoutGardener });
  });
});

describe('从申报到评选', () => {
  it('申报 → 互查 → 评议 → 验收 → 评选，每一步的单位统计与看板一致', async () => {
    const id = await createProgramme();
    const nominate = (openid: string, brand: 'bookhouse' | 'classroom', title: string) =>
      env.ok(openid, 'stats', 'nominate', { programmeId: id, brand, title, description: DESCRIPTION });
    const own = await nominate('demo-secretary', 'bookhouse', '第一支部红色书屋');
    const other = await nominate('seed-member-02', 'classroom', '第二支部红色课堂');
    expect(own.nomination).toMatchObject({ branchId: OWN_BRANCH, branchName: '第一党支部', status: 'submitted', can: { edit: true } });

    // 申报 closes: the org assigns 互查; each unit reviews the other's.
    clock.set(new Date(START.getTime() + 10 * DAY_MS));
    const assigned = await env.ok('demo-admin', 'stats', 'assignPeerReviews', { programmeId: id });
    expect(assigned).toEqual({ nominations: 2, assigned: 2, unchanged: 0 });
    const toReview = await env.ok('demo-secretary', 'stats', 'nominations', { programmeId: id, assignedToMe: true });
    expect(toReview.items.map((item) => item.id)).toEqual([other.nomination.id]);
    expect(toReview.items[0]?.can.review).toBe(true);
    const reviewed = await env.ok('demo-secretary', 'stats', 'peerReview', {
      nominationId: other.nomination.id,
      score: 88,
      comment: '课件完整',
    });
    expect(reviewed.nomination).toMatchObject({ status: 'reviewed', peerReview: { score: 88, reviewerBranchId: OWN_BRANCH } });
    expect(await documentOf<BrandReviewDoc>('brand_reviews', other.nomination.id)).toMatchObject({
      score: 88,
      reviewerBranchId: OWN_BRANCH,
    });

    // 评议: demo-member (第一党支部) rates 第二党支部's lesson.
    clock.set(new Date(START.getTime() + 20 * DAY_MS));
    const { result: rated, requests } = await env.call('demo-member', 'stats', 'rateNomination', {
      nominationId: other.nomination.id,
      score: 5,
    });
    expect(rated).toEqual({ ok: true, data: { rating: { count: 1, sum: 5, average: 5 }, myRating: 5 } });
    expect(requests).toHaveLength(5);
    expect(await documentOf<BrandRatingDoc>('brand_ratings', brandRatingId(other.nomination.id, 'm-demo-member'))).toMatchObject({
      score: 5,
    });
    const listed = await env.ok('demo-member', 'stats', 'nominations', { programmeId: id });
    expect(listed.items.find((item) => item.id === other.nomination.id)).toMatchObject({ myRating: 5, can: { rate: false } });
    expect(listed.items.find((item) => item.id === own.nomination.id)).toMatchObject({ myRating: null, can: { rate: false } });

    // 验收 and 评选.
    clock.set(new Date(START.getTime() + 30 * DAY_MS));
    await env.ok('demo-admin', 'stats', 'acceptNomination', { nominationId: other.nomination.id, passed: true });
    await env.ok('demo-admin', 'stats', 'acceptNomination', { nominationId: own.nomination.id, passed: false, note: '现场与材料不符' });
    const selected = await env.ok('demo-admin', 'stats', 'selectNomination', {
      nominationId: other.nomination.id,
      selected: true,
      commendation: '示范课堂',
    });
    expect(selected).toMatchObject({
      nomination: { status: 'selected', selection: { commendation: '示范课堂' } },
      brand: { key: 'classroom', selected: 1, selectTotal: 50 },
    });

    const unit = await documentOf<BrandUnitDoc>('brand_units', brandUnitId(id, OTHER_BRANCH));
    expect(unit?.brands.classroom).toEqual({
      nominated: 1,
      reviewed: 1,
      peerScoreSum: 88,
      ratingCount: 1,
      ratingSum: 5,
      accepted: 1,
      selected: 1,
    });
    const { result: board, requests: boardRequests } = await env.call('demo-admin', 'stats', 'brandBoard', { programmeId: id });
    if (!board.ok) throw new Error(JSON.stringify(board.error));
    expect(boardRequests).toHaveLength(3);
    expect(boardRequests.every((request) => request.indexed)).toBe(true);
    expect(board.data.brands.find((brand) => brand.key === 'classroom')).toEqual({ key: 'classroom', selected: 1, selectTotal: 50 });
    const second = board.data.units.find((row) => row.branchId === OTHER_BRANCH);
    expect(second).toMatchObject({ nominated: 1, accepted: 1, selected: 1, peerScore: 88, ratingAverage: 5, quotasMet: 0, quotasTotal: 4 });
    expect(board.data.units).toHaveLength(5);
    expect(
      board.data.units
        .filter((row) => row.rank === null)
        .map((row) => row.branchId)
        .sort(),
    ).toEqual(['branch-3', 'branch-4', 'branch-5']);

    const audits = await documentsOf<AuditDoc>('audit_logs', { targetId: other.nomination.id });
    expect(audits.map((audit) => audit.action).sort()).toEqual([
      'stats.acceptNomination',
      'stats.nominate',
      'stats.peerReview',
      'stats.selectNomination',
    ]);
    const stored = await documentOf<BrandNominationDoc>('brand_nominations', own.nomination.id);
    expect(stored).toMatchObject({ status: 'failed', acceptance: { passed: false, note: '现场与材料不符' } });
  });
});
