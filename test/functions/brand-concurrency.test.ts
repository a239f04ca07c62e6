/**
 * 四红 under concurrency and at scale (ARCHITECTURE.md, "Statistics", "Concurrency in the local
 * runtime"): one member's racing ratings leave one, racing selections never pass a brand's total,
 * racing 互查 leave one review, the 互查 rotation never assigns a unit to itself and is the same on
 * every run, and the board ranks by the share of quotas met in 3 DB requests.
 */
import {
  brandUnitId,
  type BrandNominationDoc,
  type BrandProgrammeDoc,
  type BrandRatingDoc,
  type BrandReviewDoc,
  type BrandUnitDoc,
} from '../../server/documents';
import type { BrandKey } from '../../types/labels';
import type { TestEnv } from '../support/localEnv';
import {
  codeOf,
  freshEnvEachTest,
  nominationDoc,
  OTHER_BRANCH,
  OWN_BRANCH,
  peerReviewOf,
  programmeDoc,
  putBrandData,
} from './brand.fixtures';
import { documentOf, documentsOf } from './stats-programmes.fixtures';

const NOW = new Date('2026-11-23T02:00:00Z');
const PROGRAMME = 'brand-race';
let env: TestEnv;
freshEnvEachTest(NOW, (fresh) => (env = fresh));

const accepted = (id: string, branchId: string, brand: BrandKey = 'classroom') =>
  nominationDoc(id, PROGRAMME, branchId, brand, NOW, {
    status: 'accepted',
    acceptance: { passed: true, note: '', byId: 'm-demo-admin', at: NOW },
  });

describe('评议：一人一票', () => {
  it('同一党员同时提交 20 次评议：只留下 1 条评议，申报与单位各只计 1 次，其余为 DUPLICATE', async () => {
    putBrandData(env, programmeDoc(PROGRAMME, NOW, 'rating'), [nominationDoc('n-rated', PROGRAMME, OTHER_BRANCH, 'bookhouse', NOW)]);
    env.scheduler.useSeed(14);
    const calls = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        env.call('demo-member', 'stats', 'rateNomination', { nominationId: 'n-rated', score: (index % 5) + 1 }),
      ),
    );
    const outcomes = calls.map((call) => codeOf(call.result));
    expect(outcomes.filter((outcome) => outcome === true)).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 'DUPLICATE')).toHaveLength(19);
    const ratings = await documentsOf<BrandRatingDoc>('brand_ratings', { nominationId: 'n-rated' });
    expect(ratings).toHaveLength(1);
    const nomination = await documentOf<BrandNominationDoc>('brand_nominations', 'n-rated');
    expect({ count: nomination?.ratingCount, sum: nomination?.ratingSum }).toEqual({ count: 1, sum: ratings[0]!.score });
    const unit = await documentOf<BrandUnitDoc>('brand_units', brandUnitId(PROGRAMME, OTHER_BRANCH));
    expect(unit?.brands.bookhouse).toMatchObject({ ratingCount: 1, ratingSum: ratings[0]!.score });
  });

  it('不同党员同时评议同一申报：全部成功，计数一个不少', async () => {
    putBrandData(env, programmeDoc(PROGRAMME, NOW, 'rating'), [nominationDoc('n-many', PROGRAMME, OTHER_BRANCH, 'base', NOW)]);
    const raters = ['demo-member', 'demo-secretary', 'demo-admin', 'seed-member-03', 'seed-member-04'];
    const calls = await Promise.all(
      raters.map((openid) => env.call(openid, 'stats', 'rateNomination', { nominationId: 'n-many', score: 4 })),
    );
    expect(calls.map((call) => codeOf(call.result))).toEqual([true, true, true, true, true]);
    expect(await documentOf<BrandNominationDoc>('brand_nominations', 'n-many')).toMatchObject({ ratingCount: 5, ratingSum: 20 });
  });
});

describe('评选：名额不超', () => {
  it.each([3, 41, 97])(
    '8 条已验收的课堂同时评选、名额 3 个（调度种子 %i）：恰好 3 条入选，计数为 3，其余 FULL 或 CONFLICT',
    async (seed) => {
      const programme = programmeDoc(PROGRAMME, NOW, 'acceptance', {
        brands: [{ key: 'classroom', perUnit: 2, selectTotal: 3 }],
      });
      const ids = Array.from({ length: 8 }, (_, index) => `n-class-${index}`);
      putBrandData(
        env,
        programme,
        ids.map((id, index) => accepted(id, `branch-${(index % 5) + 1}`)),
      );
      env.scheduler.useSeed(seed);
      const calls = await Promise.all(
        ids.map((id) => env.call('demo-admin', 'stats', 'selectNomination', { nominationId: id, selected: true })),
      );
      const outcomes = calls.map((call) => codeOf(call.result));
      expect(outcomes.filter((outcome) => outcome === true)).toHaveLength(3);
      expect(outcomes.every((outcome) => outcome === true || outcome === 'FULL' || outcome === 'CONFLICT')).toBe(true);
      const selected = await documentsOf<BrandNominationDoc>('brand_nominations', { programmeId: PROGRAMME, status: 'selected' });
      expect(selected).toHaveLength(3);
      expect((await documentOf<BrandProgrammeDoc>('brand_programmes', PROGRAMME))?.selected.classroom).toBe(3);
      const units = await documentsOf<BrandUnitDoc>('brand_units', { programmeId: PROGRAMME });
      expect(units.reduce((sum, unit) => sum + unit.brands.classroom.selected, 0)).toBe(3);
    },
  );

  it('最后一个名额只给一次，再选为 FULL；取消一条入选后名额回来，可以再选', async () => {
    const programme = programmeDoc(PROGRAMME, NOW, 'acceptance', {
      brands: [{ key: 'base', perUnit: 1, selectTotal: 1 }],
    });
    putBrandData(env, programme, [accepted('n-a', OWN_BRANCH, 'base'), accepted('n-b', OTHER_BRANCH, 'base')]);
    await env.ok('demo-admin', 'stats', 'selectNomination', { nominationId: 'n-a', selected: true, commendation: '展陈精良' });
    const full = await env.call('demo-admin', 'stats', 'selectNomination', { nominationId: 'n-b', selected: true });
    expect(full.result).toMatchObject({ ok: false, error: { code: 'FULL', message: '红色基地评选名额已用完（共 1 个）' } });
    expect(full.requests.filter((request) => request.written > 0)).toEqual([]);

    const unselected = await env.ok('demo-admin', 'stats', 'selectNomination', { nominationId: 'n-a', selected: false });
    expect(unselected).toMatchObject({
      nomination: { status: 'accepted', selection: null },
      brand: { key: 'base', selected: 0, selectTotal: 1 },
    });
    expect(await env.ok('demo-admin', 'stats', 'selectNomination', { nominationId: 'n-b', selected: true })).toMatchObject({
      brand: { selected: 1 },
    });
    expect(await documentOf<BrandUnitDoc>('brand_units', brandUnitId(PROGRAMME, OWN_BRANCH))).toMatchObject({
      brands: { base: { selected: 0 } },
    });
    expect(await documentOf<BrandUnitDoc>('brand_units', brandUnitId(PROGRAMME, OTHER_BRANCH))).toMatchObject({
      brands: { base: { selected: 1 } },
    });
  });
});

describe('互查：一次且仅一次', () => {
  it('被分配的书记同时提交两次互查：只留下一条互查，另一次为 CONFLICT，单位的互查分只计一次', async () => {
    putBrandData(env, programmeDoc(PROGRAMME, NOW, 'review'), [
      nominationDoc('n-rev', PROGRAMME, OTHER_BRANCH, 'classroom', NOW, { reviewerBranchId: OWN_BRANCH, reviewerBranchName: '第一党支部' }),
    ]);
    env.scheduler.useSeed(5);
    const calls = await Promise.all(
      [70, 90].map((score) => env.call('demo-secretary', 'stats', 'peerReview', { nominationId: 'n-rev', score, comment: '意见' })),
    );
    expect(calls.map((call) => codeOf(call.result)).sort()).toEqual(['CONFLICT', true]);
    expect(await documentsOf<BrandReviewDoc>('brand_reviews', { nominationId: 'n-rev' })).toHaveLength(1);
    const unit = await documentOf<BrandUnitDoc>('brand_units', brandUnitId(PROGRAMME, OTHER_BRANCH));
    expect(unit?.brands.classroom.reviewed).toBe(1);
  });
});

describe('互查分配的轮转', () => {
  it('五个单位都申报：没有单位互查自己，每个单位各互查另一个单位，重复分配结果相同、不再写入', async () => {
    const nominations = ['branch-1', 'branch-2', 'branch-3', 'branch-4', 'branch-5'].flatMap((branchId, index) => [
      nominationDoc(`n-${index}-a`, PROGRAMME, branchId, 'classroom', NOW),
      nominationDoc(`n-${index}-b`, PROGRAMME, branchId, 'bookhouse', NOW),
    ]);
    putBrandData(env, programmeDoc(PROGRAMME, NOW, 'review'), nominations);
    expect(await env.ok('demo-admin', 'stats', 'assignPeerReviews', { programmeId: PROGRAMME })).toEqual({
      nominations: 10,
      assigned: 10,
      unchanged: 0,
    });
    const first = await documentsOf<BrandNominationDoc>('brand_nominations', { programmeId: PROGRAMME });
    expect(first.every((doc) => doc.reviewerBranchId !== null && doc.reviewerBranchId !== doc.branchId)).toBe(true);
    const pairs = new Map(first.map((doc) => [doc.branchId, doc.reviewerBranchId]));
    expect(new Set(pairs.values()).size).toBe(5);
    for (const doc of first) expect(doc.reviewerBranchId).toBe(pairs.get(doc.branchId));

    const again = await env.call('demo-admin', 'stats', 'assignPeerReviews', { programmeId: PROGRAMME });
    expect(again.result).toEqual({ ok: true, data: { nominations: 10, assigned: 0, unchanged: 10 } });
    expect(again.requests.filter((request) => request.written > 0)).toEqual([]);
    const second = await documentsOf<BrandNominationDoc>('brand_nominations', { programmeId: PROGRAMME });
    expect(new Map(second.map((doc) => [doc._id, doc.reviewerBranchId]))).toEqual(
      new Map(first.map((doc) => [doc._id, doc.reviewerBranchId])),
    );
  });

  it('只有一个单位申报：由组织内的另一个党支部互查', async () => {
    putBrandData(env, programmeDoc(PROGRAMME, NOW, 'review'), [nominationDoc('n-lone', PROGRAMME, OWN_BRANCH, 'base', NOW)]);
    expect(await env.ok('demo-admin', 'stats', 'assignPeerReviews', { programmeId: PROGRAMME })).toMatchObject({ assigned: 1 });
    expect(await documentOf<BrandNominationDoc>('brand_nominations', 'n-lone')).toMatchObject({
      reviewerBranchId: OTHER_BRANCH,
      reviewerBranchName: '第二党支部',
    });
  });

  it('已互查的申报不再改派；申报未截止时分配为 CLOSED', async () => {
    putBrandData(env, programmeDoc(PROGRAMME, NOW, 'review'), [
      nominationDoc('n-done', PROGRAMME, OWN_BRANCH, 'base', NOW, {
        status: 'reviewed',
        reviewerBranchId: 'branch-5',
        reviewerBranchName: '离退休党支部',
        peerReview: peerReviewOf(75, 'branch-5', NOW),
      }),
      nominationDoc('n-open', PROGRAMME, OTHER_BRANCH, 'base', NOW),
    ]);
    expect(await env.ok('demo-admin', 'stats', 'assignPeerReviews', { programmeId: PROGRAMME })).toEqual({
      nominations: 2,
      assigned: 1,
      unchanged: 1,
    });
    expect(await documentOf<BrandNominationDoc>('brand_nominations', 'n-done')).toMatchObject({ reviewerBranchId: 'branch-5' });

    putBrandData(env, programmeDoc('brand-early', NOW, 'apply'), []);
    const early = await env.call('demo-admin', 'stats', 'assignPeerReviews', { programmeId: 'brand-early' });
    expect(early.result).toMatchObject({ ok: false, error: { code: 'CLOSED' } });
  });
});

describe('看板', () => {
  it('小单位完成全部指标，排在只完成一半指标、申报更多的大单位之前；看板只读 3 次数据库且都走索引', async () => {
    const programme = programmeDoc(PROGRAMME, NOW, 'acceptance', {
      brands: [
        { key: 'gardener', perUnit: 1, selectTotal: 10 },
        { key: 'bookhouse', perUnit: 1, selectTotal: 10 },
        { key: 'classroom', perUnit: 2, selectTotal: 50 },
        { key: 'base', perUnit: 1, selectTotal: 10 },
      ],
    });
    // 离退休党支部 (small) meets every quota with the minimum; 第二党支部 (big) nominates ten 课堂 and
    // one 园丁 (two of four quotas), with more selected and a better 互查 score.
    const small = [
      nominationDoc('s-g', PROGRAMME, 'branch-5', 'gardener', NOW),
      nominationDoc('s-b', PROGRAMME, 'branch-5', 'bookhouse', NOW),
      nominationDoc('s-c1', PROGRAMME, 'branch-5', 'classroom', NOW),
      nominationDoc('s-c2', PROGRAMME, 'branch-5', 'classroom', NOW),
      nominationDoc('s-x', PROGRAMME, 'branch-5', 'base', NOW, { peerReview: peerReviewOf(60, 'branch-1', NOW) }),
    ];
    const big = [
      nominationDoc('b-g', PROGRAMME, OTHER_BRANCH, 'gardener', NOW),
      ...Array.from({ length: 10 }, (_, index) =>
        nominationDoc(`b-c${index}`, PROGRAMME, OTHER_BRANCH, 'classroom', NOW, {
          status: index < 4 ? 'selected' : 'accepted',
          peerReview: peerReviewOf(95, 'branch-1', NOW),
        }),
      ),
    ];
    putBrandData(env, programme, [...small, ...big]);

    const { result, requests } = await env.call('demo-admin', 'stats', 'brandBoard', { programmeId: PROGRAMME });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(requests).toHaveLength(3);
    expect(requests.every((request) => request.indexed)).toBe(true);
    const [first, second] = result.data.units;
    expect(first).toMatchObject({ branchId: 'branch-5', rank: 1, quotaShare: 1, quotasMet: 4, quotasTotal: 4, nominated: 5, selected: 0 });
    expect(second).toMatchObject({
      branchId: OTHER_BRANCH,
      rank: 2,
      quotaShare: 0.5,
      quotasMet: 2,
      nominated: 11,
      selected: 4,
      peerScore: 95,
    });
    expect(second?.brands.find((brand) => brand.key === 'classroom')).toMatchObject({
      nominated: 10,
      perUnit: 2,
      met: true,
      accepted: 10,
      selected: 4,
    });
    expect(second?.brands.find((brand) => brand.key === 'bookhouse')).toMatchObject({ nominated: 0, met: false });
    expect(result.data.units.slice(2).map((row) => row.rank)).toEqual([null, null, null]);

    // A secretary sees only their own unit's row, with its rank among all.
    const mine = await env.ok('seed-member-02', 'stats', 'brandBoard', { programmeId: PROGRAMME });
    expect(mine.units).toEqual([second]);
  });

  it('看板的 DB 请求数不随申报数增长：每个单位 40 条申报时仍是 3 次', async () => {
    const nominations = ['branch-1', 'branch-2', 'branch-3', 'branch-4', 'branch-5'].flatMap((branchId) =>
      Array.from({ length: 40 }, (_, index) => nominationDoc(`${branchId}-${index}`, PROGRAMME, branchId, 'classroom', NOW)),
    );
    putBrandData(env, programmeDoc(PROGRAMME, NOW, 'rating'), nominations);
    const { result, requests } = await env.call('demo-admin', 'stats', 'brandBoard', { programmeId: PROGRAMME });
    expect(result.ok).toBe(true);
    expect(requests).toHaveLength(3);
  });
});
