/**
 * Each 四红 step's rules (ARCHITECTURE.md, "Statistics"): the stage windows to the millisecond, who
 * may nominate, edit, see, review, rate, accept and select, and what a refusal leaves (nothing).
 */
import type { AuditDoc } from '../../server/audit';
import { brandUnitId, type BrandNominationDoc, type BrandProgrammeDoc, type BrandUnitDoc } from '../../server/documents';
import { seedBrandProgrammeId } from '../../emulator/seed';
import type { TestEnv } from '../support/localEnv';
import {
  codeOf,
  DAY_MS,
  DESCRIPTION,
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
const PROGRAMME = 'brand-steps';
let env: TestEnv;
const clock = freshEnvEachTest(NOW, (fresh) => (env = fresh));

function writes(requests: { written: number }[]): number {
  return requests.filter((request) => request.written > 0).length;
}

const at = (date: Date, ms: number) => new Date(date.getTime() + ms);

describe('阶段窗口（截止时刻前 1 毫秒仍开放，截止时刻即关闭）', () => {
  /** A programme whose deadlines are 10, 20, 30 and 40 days from NOW, with one nomination of 第二党支部 assigned to 第一党支部. */
  let programme: BrandProgrammeDoc;
  beforeEach(() => {
    programme = programmeDoc(PROGRAMME, NOW, 'apply');
    putBrandData(env, programme, [
      nominationDoc('n-win', PROGRAMME, OTHER_BRANCH, 'classroom', NOW, { reviewerBranchId: OWN_BRANCH, reviewerBranchName: '第一党支部' }),
    ]);
  });

  const stageAt = async (instant: Date) => {
    clock.set(instant);
    const { items } = await env.ok('demo-member', 'stats', 'brandProgrammes', {});
    return items.find((item) => item.id === PROGRAMME)?.stage;
  };

  it('阶段随现在推进：申报 → 互查 → 评议 → 验收 → 已结束，每个截止时刻前后 1 毫秒分属两个阶段', async () => {
    expect(await stageAt(at(programme.applyEndsAt, -1))).toBe('apply');
    expect(await stageAt(programme.applyEndsAt)).toBe('review');
    expect(await stageAt(at(programme.reviewEndsAt, -1))).toBe('review');
    expect(await stageAt(programme.reviewEndsAt)).toBe('rating');
    expect(await stageAt(at(programme.ratingEndsAt, -1))).toBe('rating');
    expect(await stageAt(programme.ratingEndsAt)).toBe('acceptance');
    expect(await stageAt(at(programme.acceptanceEndsAt, -1))).toBe('acceptance');
    expect(await stageAt(programme.acceptanceEndsAt)).toBe('closed');
  });

  it('申报：截止前 1 毫秒可以申报，截止时刻为 CLOSED 且不写入', async () => {
    const input = { programmeId: PROGRAMME, brand: 'bookhouse' as const, title: '红色书屋', description: DESCRIPTION };
    clock.set(at(programme.applyEndsAt, -1));
    expect(codeOf((await env.call('demo-secretary', 'stats', 'nominate', input)).result)).toBe(true);
    clock.set(programme.applyEndsAt);
    const closed = await env.call('demo-secretary', 'stats', 'nominate', input);
    expect(closed.result).toMatchObject({ ok: false, error: { code: 'CLOSED' } });
    expect(writes(closed.requests)).toBe(0);
  });

  it('互查：申报截止前 1 毫秒为 CLOSED，互查截止前 1 毫秒可以，互查截止时刻为 CLOSED', async () => {
    const review = () => env.call('demo-secretary', 'stats', 'peerReview', { nominationId: 'n-win', score: 80, comment: '好' });
    clock.set(at(programme.applyEndsAt, -1));
    expect(codeOf((await review()).result)).toBe('CLOSED');
    clock.set(programme.reviewEndsAt);
    expect(codeOf((await review()).result)).toBe('CLOSED');
    clock.set(at(programme.reviewEndsAt, -1));
    expect(codeOf((await review()).result)).toBe(true);
  });

  it('评议：互查截止前 1 毫秒为 CLOSED，评议截止前 1 毫秒可以，评议截止时刻为 CLOSED', async () => {
    const rate = (openid: string) => env.call(openid, 'stats', 'rateNomination', { nominationId: 'n-win', score: 4 });
    clock.set(at(programme.reviewEndsAt, -1));
    expect(codeOf((await rate('demo-member')).result)).toBe('CLOSED');
    clock.set(programme.ratingEndsAt);
    expect(codeOf((await rate('demo-member')).result)).toBe('CLOSED');
    clock.set(at(programme.ratingEndsAt, -1));
    expect(codeOf((await rate('demo-member')).result)).toBe(true);
    clock.set(programme.reviewEndsAt);
    expect(codeOf((await rate('demo-secretary')).result)).toBe(true);
  });

  it('验收：评议截止前 1 毫秒为 CLOSED，验收截止前 1 毫秒可以，验收截止时刻为 CLOSED', async () => {
    const accept = () => env.call('demo-admin', 'stats', 'acceptNomination', { nominationId: 'n-win', passed: true });
    clock.set(at(programme.ratingEndsAt, -1));
    expect(codeOf((await accept()).result)).toBe('CLOSED');
    clock.set(programme.acceptanceEndsAt);
    expect(codeOf((await accept()).result)).toBe('CLOSED');
    clock.set(at(programme.acceptanceEndsAt, -1));
    expect(codeOf((await accept()).result)).toBe(true);
  });

  it('评选：评议截止前 1 毫秒为 CLOSED，验收开始的时刻起可以，验收结束后仍可以', async () => {
    clock.set(programme.ratingEndsAt);
    await env.ok('demo-admin', 'stats', 'acceptNomination', { nominationId: 'n-win', passed: true });
    const select = (selected: boolean) => env.call('demo-admin', 'stats', 'selectNomination', { nominationId: 'n-win', selected });
    clock.set(at(programme.ratingEndsAt, -1));
    expect(codeOf((await select(true)).result)).toBe('CLOSED');
    clock.set(programme.ratingEndsAt);
    expect(codeOf((await select(true)).result)).toBe(true);
    clock.set(at(programme.acceptanceEndsAt, DAY_MS));
    expect(codeOf((await select(false)).result)).toBe(true);
  });
});

describe('nominate', () => {
  const SEEDED = () => seedBrandProgrammeId(NOW);

  it('书记为本支部推荐红色园丁：园丁须是本支部党员，存下姓名；照片带可显示的临时链接；单位统计与审计记录同时写入', async () => {
    const photo = env.files.put('brand-nominations/demo-secretary/gardener.jpg', Buffer.from('photo of the teacher'), {
      side: 'client',
      openid: 'demo-secretary',
    });
    const { nomination } = await env.ok('demo-secretary', 'stats', 'nominate', {
      programmeId: SEEDED(),
      branchId: OWN_BRANCH,
      brand: 'gardener',
      title: '扎根讲台的红色园丁',
      description: DESCRIPTION,
      photos: [photo],
      nomineeMemberId: 'm-demo-member',
    });
    expect(nomination).toMatchObject({
      branchId: OWN_BRANCH,
      nominee: { memberId: 'm-demo-member', name: '林红' },
      photos: [{ fileId: photo, url: expect.stringMatching(/^(https:\/\/|\/cloud-files\/)/) }],
    });
    const listed = await env.ok('demo-secretary', 'stats', 'nominations', { programmeId: SEEDED(), pageSize: 20 });
    expect(listed.items.find((item) => item.id === nomination.id)?.photos).toEqual(nomination.photos);
    const unit = await documentOf<BrandUnitDoc>('brand_units', brandUnitId(SEEDED(), OWN_BRANCH));
    expect(unit).toMatchObject({ branchName: '第一党支部', brands: { gardener: { nominated: 1 } } });
    expect(await documentsOf<AuditDoc>('audit_logs', { action: 'stats.nominate', targetId: nomination.id })).toHaveLength(1);
  });

  it('书记修改本支部的申报：标题与简介改写，单位申报数不变；外支部书记改它为 FORBIDDEN；品牌不能改', async () => {
    const input = { programmeId: SEEDED(), brand: 'bookhouse' as const, title: '红色书屋', description: DESCRIPTION };
    const { nomination } = await env.ok('demo-secretary', 'stats', 'nominate', input);
    const edited = await env.ok('demo-secretary', 'stats', 'nominate', { ...input, id: nomination.id, title: '党史书屋' });
    expect(edited.nomination).toMatchObject({ id: nomination.id, title: '党史书屋', status: 'submitted' });
    expect((await documentOf<BrandUnitDoc>('brand_units', brandUnitId(SEEDED(), OWN_BRANCH)))?.brands.bookhouse.nominated).toBe(1);

    const foreign = await env.call('seed-member-02', 'stats', 'nominate', { ...input, id: nomination.id });
    expect(foreign.result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const rebrand = await env.call('demo-secretary', 'stats', 'nominate', { ...input, id: nomination.id, brand: 'base' });
    expect(rebrand.result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'brand' } });
    expect(writes(foreign.requests) + writes(rebrand.requests)).toBe(0);
  });

  it('组织部代某单位申报须指明单位，单位取自输入；书记的单位只取自本人', async () => {
    const input = { programmeId: SEEDED(), brand: 'base' as const, title: '校史馆红色基地', description: DESCRIPTION };
    const missing = await env.call('demo-admin', 'stats', 'nominate', input);
    expect(missing.result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'branchId' } });
    const forThird = await env.ok('demo-admin', 'stats', 'nominate', { ...input, branchId: 'branch-3' });
    expect(forThird.nomination).toMatchObject({ branchId: 'branch-3', branchName: '第三党支部' });
    const own = await env.ok('seed-member-02', 'stats', 'nominate', input);
    expect(own.nomination.branchId).toBe(OTHER_BRANCH);
  });

  it('标题或简介含违规内容：CONTENT_REJECTED 指明字段，什么都不写', async () => {
    const input = { programmeId: SEEDED(), brand: 'bookhouse' as const, title: '红色书屋', description: DESCRIPTION };
    const title = await env.call('demo-secretary', 'stats', 'nominate', { ...input, title: '测试违规词书屋' });
    expect(title.result).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED', field: 'title' } });
    const body = await env.call('demo-secretary', 'stats', 'nominate', { ...input, description: `${DESCRIPTION}测试违规词` });
    expect(body.result).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED', field: 'description' } });
    expect(writes(title.requests) + writes(body.requests)).toBe(0);
  });

  it('方案不存在为 NOT_FOUND', async () => {
    const { result } = await env.call('demo-secretary', 'stats', 'nominate', {
      programmeId: 'nope',
      brand: 'base',
      title: '基地',
      description: DESCRIPTION,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'programmeId' } });
  });
});

describe('nominations', () => {
  const docs = (now: Date) => [
    nominationDoc('n-1', PROGRAMME, OWN_BRANCH, 'bookhouse', now),
    nominationDoc('n-2', PROGRAMME, OWN_BRANCH, 'classroom', at(now, 1000), {
      status: 'reviewed',
      peerReview: peerReviewOf(80, OTHER_BRANCH, now),
    }),
    nominationDoc('n-3', PROGRAMME, OTHER_BRANCH, 'classroom', at(now, 2000), {
      reviewerBranchId: OWN_BRANCH,
      reviewerBranchName: '第一党支部',
    }),
    nominationDoc('n-4', PROGRAMME, 'branch-3', 'base', at(now, 3000)),
  ];
  const ids = (page: { items: { id: string }[] }) => page.items.map((item) => item.id);

  it('互查阶段：书记看本支部的和分给本支部互查的；党员为 CLOSED；组织部看全部并可按单位、品牌、状态筛选', async () => {
    putBrandData(env, programmeDoc(PROGRAMME, NOW, 'review'), docs(NOW));
    expect(ids(await env.ok('demo-secretary', 'stats', 'nominations', { programmeId: PROGRAMME }))).toEqual(['n-2', 'n-1']);
    expect(ids(await env.ok('demo-secretary', 'stats', 'nominations', { programmeId: PROGRAMME, assignedToMe: true }))).toEqual(['n-3']);
    const foreign = await env.call('demo-secretary', 'stats', 'nominations', { programmeId: PROGRAMME, branchId: OTHER_BRANCH });
    expect(foreign.result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'branchId' } });
    expect(codeOf((await env.call('demo-member', 'stats', 'nominations', { programmeId: PROGRAMME })).result)).toBe('CLOSED');

    expect(ids(await env.ok('demo-admin', 'stats', 'nominations', { programmeId: PROGRAMME }))).toEqual(['n-4', 'n-3', 'n-2', 'n-1']);
    expect(ids(await env.ok('demo-admin', 'stats', 'nominations', { programmeId: PROGRAMME, brand: 'classroom' }))).toEqual(['n-3', 'n-2']);
    expect(ids(await env.ok('demo-admin', 'stats', 'nominations', { programmeId: PROGRAMME, status: 'reviewed' }))).toEqual(['n-2']);
    const filtered = await env.call('demo-admin', 'stats', 'nominations', {
      programmeId: PROGRAMME,
      branchId: OWN_BRANCH,
      brand: 'classroom',
      status: 'reviewed',
    });
    expect(filtered.result).toMatchObject({ ok: true, data: { items: [{ id: 'n-2' }] } });
    expect(filtered.requests.every((request) => request.indexed)).toBe(true);
  });

  it('评议阶段起党员看全部，附上自己的评分；分页给出下一页游标；每次调用的查询都走索引', async () => {
    putBrandData(env, programmeDoc(PROGRAMME, NOW, 'rating'), docs(NOW));
    await env.ok('demo-member', 'stats', 'rateNomination', { nominationId: 'n-3', score: 3 });
    const { result, requests } = await env.call('demo-member', 'stats', 'nominations', { programmeId: PROGRAMME, pageSize: 2 });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.data).toMatchObject({
      items: [
        { id: 'n-4', myRating: null, can: { rate: true } },
        { id: 'n-3', myRating: 3 },
      ],
      nextCursor: '2',
    });
    // The caller, the programme, the page, the caller's ratings of it.
    expect(requests).toHaveLength(4);
    expect(requests.every((request) => request.indexed)).toBe(true);
    const next = await env.ok('demo-member', 'stats', 'nominations', { programmeId: PROGRAMME, pageSize: 2, cursor: '2' });
    expect(next).toMatchObject({ items: [{ id: 'n-2', can: { rate: false } }, { id: 'n-1' }], nextCursor: null });
  });
});

describe('peerReview', () => {
  beforeEach(() => {
    putBrandData(env, programmeDoc(PROGRAMME, NOW, 'review'), [
      nominationDoc('n-r', PROGRAMME, OTHER_BRANCH, 'base', NOW, { reviewerBranchId: OWN_BRANCH, reviewerBranchName: '第一党支部' }),
      nominationDoc('n-own', PROGRAMME, OWN_BRANCH, 'base', NOW, { reviewerBranchId: 'branch-3', reviewerBranchName: '第三党支部' }),
    ]);
  });

  it('被分配单位的书记互查一次；再次互查为 CONFLICT 且不写入', async () => {
    const { nomination } = await env.ok('demo-secretary', 'stats', 'peerReview', {
      nominationId: 'n-r',
      score: 92,
      comment: '展陈丰富，讲解到位',
    });
    expect(nomination).toMatchObject({
      status: 'reviewed',
      peerReview: { score: 92, reviewerBranchName: '第一党支部' },
      can: { review: false },
    });
    expect(await documentOf<BrandUnitDoc>('brand_units', brandUnitId(PROGRAMME, OTHER_BRANCH))).toMatchObject({
      brands: { base: { reviewed: 1, peerScoreSum: 92 } },
    });
    const again = await env.call('demo-secretary', 'stats', 'peerReview', { nominationId: 'n-r', score: 10, comment: '改分' });
    expect(again.result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(writes(again.requests)).toBe(0);
  });

  it('申报单位的书记互查自己的为 FORBIDDEN；未分配到的单位书记也为 FORBIDDEN；不存在的申报为 NOT_FOUND', async () => {
    expect(
      codeOf((await env.call('seed-member-02', 'stats', 'peerReview', { nominationId: 'n-r', score: 100, comment: '自评' })).result),
    ).toBe('FORBIDDEN');
    expect(
      codeOf((await env.call('demo-secretary', 'stats', 'peerReview', { nominationId: 'n-own', score: 100, comment: '自评' })).result),
    ).toBe('FORBIDDEN');
    expect(
      codeOf((await env.call('demo-secretary', 'stats', 'peerReview', { nominationId: 'nope', score: 1, comment: '无' })).result),
    ).toBe('NOT_FOUND');
    expect(await documentsOf('brand_reviews')).toEqual([]);
  });
});

describe('rateNomination', () => {
  it('不能评议本支部的申报（FORBIDDEN，不写入）', async () => {
    putBrandData(env, programmeDoc(PROGRAMME, NOW, 'rating'), [nominationDoc('n-mine', PROGRAMME, OWN_BRANCH, 'base', NOW)]);
    const { result, requests } = await env.call('demo-member', 'stats', 'rateNomination', { nominationId: 'n-mine', score: 5 });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(writes(requests)).toBe(0);
  });
});

describe('acceptNomination / selectNomination', () => {
  beforeEach(() => {
    putBrandData(env, programmeDoc(PROGRAMME, NOW, 'acceptance'), [
      nominationDoc('n-x', PROGRAMME, OTHER_BRANCH, 'bookhouse', NOW, {
        status: 'reviewed',
        peerReview: peerReviewOf(70, OWN_BRANCH, NOW),
      }),
    ]);
  });
  const unit = async () => (await documentOf<BrandUnitDoc>('brand_units', brandUnitId(PROGRAMME, OTHER_BRANCH)))?.brands.bookhouse;

  it('验收未通过写明原因；改判为通过后单位的通过数加一；同样的结论再提交不写入', async () => {
    await env.ok('demo-admin', 'stats', 'acceptNomination', { nominationId: 'n-x', passed: false, note: '书屋未对学生开放' });
    expect(await unit()).toMatchObject({ accepted: 0 });
    const passed = await env.ok('demo-admin', 'stats', 'acceptNomination', { nominationId: 'n-x', passed: true });
    expect(passed.nomination).toMatchObject({ status: 'accepted', acceptance: { passed: true, note: '' } });
    expect(await unit()).toMatchObject({ accepted: 1 });
    const same = await env.call('demo-admin', 'stats', 'acceptNomination', { nominationId: 'n-x', passed: true });
    expect(same.result.ok).toBe(true);
    expect(writes(same.requests)).toBe(0);
    expect(await documentsOf<AuditDoc>('audit_logs', { action: 'stats.acceptNomination' })).toHaveLength(2);
  });

  it('未验收通过的不能评选（CONFLICT）；已评选的不能改验收结论（CONFLICT）；评语可改且不再占名额', async () => {
    expect(codeOf((await env.call('demo-admin', 'stats', 'selectNomination', { nominationId: 'n-x', selected: true })).result)).toBe(
      'CONFLICT',
    );
    await env.ok('demo-admin', 'stats', 'acceptNomination', { nominationId: 'n-x', passed: true });
    await env.ok('demo-admin', 'stats', 'selectNomination', { nominationId: 'n-x', selected: true, commendation: '书香校园' });
    const recommend = await env.ok('demo-admin', 'stats', 'selectNomination', {
      nominationId: 'n-x',
      selected: true,
      commendation: '书香满园',
    });
    expect(recommend).toMatchObject({ nomination: { selection: { commendation: '书香满园' } }, brand: { selected: 1 } });
    expect(
      codeOf((await env.call('demo-admin', 'stats', 'acceptNomination', { nominationId: 'n-x', passed: false, note: '撤销' })).result),
    ).toBe('CONFLICT');
    expect(await unit()).toMatchObject({ accepted: 1, selected: 1 });
    expect(await documentOf<BrandNominationDoc>('brand_nominations', 'n-x')).toMatchObject({ status: 'selected' });
  });
});
