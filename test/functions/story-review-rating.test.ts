/**
 * 群众评议 (story.rate, issue 13): once per member per work, also when the taps race; never one's
 * own work; only approved works; within the campaign's rating window; the work's counts, its rank
 * score and its branch's tally move with each rating, at 5 DB requests for a campaign work.
 */
import { rankScore } from '../../core/story/ranking';
import type { StoryDoc } from '../../server/documents';
import { useServerClock } from '../support/clock';
import { createTestEnv, type TestEnv } from '../support/localEnv';
import {
  after,
  DAY,
  expectTalliesMatchWorks,
  placeApproved,
  placeCampaign,
  placeMembers,
  placeStory,
  storedStory,
  storedTally,
} from './story.fixtures';
import { tally } from '../support/outcomes';

const START = new Date('2026-11-23T02:00:00Z');
const CAMPAIGN = 'camp-rating';
const WORK = 'work-rating';
const clock = useServerClock(START);
let env: TestEnv;

beforeEach(() => {
  clock.set(START);
  env = createTestEnv({ now: clock.now() });
  placeCampaign(env, START, { _id: CAMPAIGN, ratingClosesAt: after(START, 10 * DAY) });
});

const MODES = [
  ['自由交错', undefined],
  ['种子调度下请求逐个随机放行', 2026],
] as const;

/** A work of demo-member's (第一党支部) in the campaign, approved by the branch secretary as the chain does it. */
async function approvedWork(fields: Partial<StoryDoc> = {}): Promise<void> {
  placeStory(env, START, { _id: WORK, campaignId: CAMPAIGN, ...fields });
  await env.ok('demo-secretary', 'story', 'review', { id: WORK, decision: 'approve' });
}

describe('评议一次', () => {
  it('党员给已发布的征集作品打分：作品的评议数和平均分、排名分、支部统计随之变化；5 次 DB 请求，全部走索引', async () => {
    await approvedWork();
    const { result, requests } = await env.call('seed-member-06', 'story', 'rate', { id: WORK, score: 4 });
    expect(result).toEqual({ ok: true, data: { rating: { count: 1, average: 4 }, myRating: 4 } });
    expect(requests).toHaveLength(5);
    expect(requests.filter((request) => !request.indexed)).toEqual([]);
    const stored = await storedStory(WORK);
    expect(stored).toMatchObject({ ratingCount: 1, ratingSum: 4 });
    expect(stored.rankScore).toBeCloseTo(rankScore({ selectionState: null, award: null, ratingCount: 1, ratingSum: 4 }, 30), 9);
    expect(await storedTally(CAMPAIGN, 'branch-1')).toMatchObject({ ratingCount: 1, ratingSum: 4 });
  });

  it('不属于征集的作品随时可评：4 次 DB 请求（没有支部统计要动）', async () => {
    placeApproved(env, START, { _id: WORK });
    const { result, requests } = await env.call('demo-secretary', 'story', 'rate', { id: WORK, score: 5 });
    expect(result).toMatchObject({ ok: true, data: { rating: { count: 1, average: 5 } } });
    expect(requests).toHaveLength(4);
  });

  it('第二次评议同一作品：DUPLICATE，评议数和总分不变', async () => {
    await approvedWork();
    await env.ok('seed-member-06', 'story', 'rate', { id: WORK, score: 5 });
    const again = await env.call('seed-member-06', 'story', 'rate', { id: WORK, score: 1 });
    expect(again.result).toMatchObject({ ok: false, error: { code: 'DUPLICATE', message: '你已评议过这件作品' } });
    expect(await storedStory(WORK)).toMatchObject({ ratingCount: 1, ratingSum: 5 });
    await expectTalliesMatchWorks(CAMPAIGN);
  });

  it('不能评议自己的作品（FORBIDDEN）；待审、退回、草稿的作品对评议的人不存在（NOT_FOUND）', async () => {
    placeApproved(env, START, { _id: 'own' });
    placeStory(env, START, { _id: 'pending' });
    placeStory(env, START, { _id: 'returned', status: 'returned' });
    placeStory(env, START, { _id: 'draft', status: 'draft', submittedAt: null });
    const codes = [];
    for (const [openid, id] of [
      ['demo-member', 'own'],
      ['demo-secretary', 'pending'],
      ['demo-secretary', 'returned'],
      ['demo-admin', 'draft'],
      ['demo-admin', 'missing'],
    ] as const) {
      const { result } = await env.call(openid, 'story', 'rate', { id, score: 3 });
      codes.push(result.ok || result.error.code);
    }
    expect(codes).toEqual(['FORBIDDEN', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']);
  });
});

describe('评议时间窗', () => {
  it('截止那一刻还能评，晚一毫秒是 CLOSED 并说出截止时间（上海时间，午夜记作前一天 24:00）', async () => {
    const closesAt = new Date('2026-12-01T16:00:00Z');
    placeCampaign(env, START, { _id: 'camp-window', ratingClosesAt: closesAt });
    placeApproved(env, START, { _id: WORK, campaignId: 'camp-window' });
    clock.set(closesAt);
    await env.ok('seed-member-06', 'story', 'rate', { id: WORK, score: 5 });
    clock.set(after(closesAt, 1));
    const late = await env.call('seed-member-11', 'story', 'rate', { id: WORK, score: 5 });
    expect(late.result).toMatchObject({ ok: false, error: { code: 'CLOSED', message: '群众评议已于 12月1日 24:00 截止' } });
    expect(await storedStory(WORK)).toMatchObject({ ratingCount: 1 });
  });

  it('不开展群众评议的征集：CLOSED，说明本次不评议', async () => {
    placeCampaign(env, START, { _id: 'camp-quiet', ratingClosesAt: null });
    placeApproved(env, START, { _id: WORK, campaignId: 'camp-quiet' });
    const { result } = await env.call('seed-member-06', 'story', 'rate', { id: WORK, score: 5 });
    expect(result).toMatchObject({ ok: false, error: { code: 'CLOSED', message: '本次征集不开展群众评议' } });
  });
});

describe('并发评议', () => {
  it.each(MODES)('%s：同一党员 20 次同时评议同一作品只记 1 次，其余 19 次 DUPLICATE', async (_mode, seed) => {
    await approvedWork();
    env.scheduler.useSeed(seed);
    const calls = await Promise.all(Array.from({ length: 20 }, () => env.call('seed-member-06', 'story', 'rate', { id: WORK, score: 4 })));
    expect(tally(calls.map((call) => call.result))).toEqual({ ok: 1, DUPLICATE: 19 });
    expect(await storedStory(WORK)).toMatchObject({ ratingCount: 1, ratingSum: 4 });
    await expectTalliesMatchWorks(CAMPAIGN);
    expect(Math.max(...calls.map((call) => call.requests.length))).toBeLessThanOrEqual(5);
  });

  it.each(MODES)('%s：200 位党员同时评议同一件热门作品：全部成功，没有一次冲突，评议数 200、总分一分不差', async (_mode, seed) => {
    await approvedWork();
    const raters = placeMembers(env, START, 200, 'rater', 'branch-2');
    env.scheduler.useSeed(seed);
    const calls = await Promise.all(raters.map((rater, i) => env.call(rater.openid, 'story', 'rate', { id: WORK, score: 1 + (i % 5) })));
    expect(tally(calls.map((call) => call.result))).toEqual({ ok: 200 });
    expect(await storedStory(WORK)).toMatchObject({ ratingCount: 200, ratingSum: 600 });
    await expectTalliesMatchWorks(CAMPAIGN);
    expect(Math.max(...calls.map((call) => call.requests.length))).toBeLessThanOrEqual(5);
  });

  it('评议读到作品之后、写入之前，组织部评了一等奖：评议的写入落空，重读作品再写，存下的排名分含一等奖和这次评议', async () => {
    await approvedWork();
    await env.ok('demo-secretary', 'story', 'recommend', { id: WORK });
    const held = env.scheduler.pauseBefore({ invocation: 'rate', action: 'database.modifyDocument', collection: 'stories' });
    const rating = env.call({ openid: 'seed-member-06', label: 'rate' }, 'story', 'rate', { id: WORK, score: 2 });
    await held.reached;
    await env.ok('demo-admin', 'story', 'select', { id: WORK, award: 'first' });
    held.release();
    expect((await rating).result.ok).toBe(true);
    const stored = await storedStory(WORK);
    expect(stored).toMatchObject({ ratingCount: 1, ratingSum: 2, selection: { award: 'first' } });
    expect(stored.rankScore).toBeCloseTo(rankScore({ selectionState: 'selected', award: 'first', ratingCount: 1, ratingSum: 2 }, 30), 9);
  });
});
