/**
 * The feed of approved works and the review queues (issue 13): newest approval first, narrowed by a
 * kind and/or one of campaign, branch and base, keyset paging that neither repeats nor skips while
 * works keep being approved, at most 3 DB requests a page, every query on a declared index.
 */
import { STORY_KINDS } from '../../types/labels';
import { PENDING_STORY_ID } from '../../emulator/seed';
import { useServerClock } from '../support/clock';
import { createTestEnv, type TestEnv } from '../support/localEnv';
import { after, HOUR, placeApproved, placeCampaign, placeStory } from './story.fixtures';

const START = new Date('2026-11-23T02:00:00Z');
const MINUTE = 60_000;
const clock = useServerClock(START);
let env: TestEnv;

beforeEach(() => {
  clock.set(START);
  env = createTestEnv({ now: clock.now() });
});

async function feedIds(input: Record<string, unknown>, openid = 'demo-member'): Promise<string[]> {
  return (await env.ok(openid, 'story', 'feed', input)).items.map((card) => card.id);
}

describe('信息流（feed）', () => {
  it('只有已发布的作品，最新发布在前；待审、退回、草稿、安全检测中和未通过的都不在其中', async () => {
    placeApproved(env, START, { _id: 'older', author: 'seed-member-06' }, 2 * HOUR);
    placeApproved(env, START, { _id: 'newer', author: 'seed-member-07' }, HOUR);
    for (const status of ['pending', 'returned', 'draft', 'checking', 'rejected'] as const) placeStory(env, START, { _id: status, status });
    const ids = await feedIds({ pageSize: 50 });
    expect(ids.slice(0, 2)).toEqual(['newer', 'older']);
    expect(ids.filter((id) => ['pending', 'returned', 'draft', 'checking', 'rejected', PENDING_STORY_ID].includes(id))).toEqual([]);
  });

  it('一页至多 3 次 DB 请求（调用者、这一页、本页作品所属征集的名称），没有征集作品时 2 次；都走声明的索引', async () => {
    placeCampaign(env, START, { _id: 'camp-feed', title: '红色家书征文' });
    placeApproved(env, START, { _id: 'in-campaign', campaignId: 'camp-feed' });
    placeApproved(env, START, { _id: 'on-its-own', author: 'seed-member-06' }, 2 * HOUR);
    const withCampaign = await env.call('demo-member', 'story', 'feed', { branchId: 'branch-1', pageSize: 2 });
    expect(withCampaign.result).toMatchObject({
      ok: true,
      data: {
        items: [
          { id: 'in-campaign', campaignTitle: '红色家书征文' },
          { id: 'on-its-own', campaignTitle: null },
        ],
      },
    });
    expect(withCampaign.requests.map((request) => [request.collection, request.indexed])).toEqual([
      ['members', true],
      ['stories', true],
      ['campaigns', true],
    ]);
    placeApproved(env, START, { _id: 'at-a-base', baseId: 'jianghua-residence' });
    const withoutCampaign = await env.call('demo-member', 'story', 'feed', { baseId: 'jianghua-residence' });
    expect(withoutCampaign.result).toMatchObject({ ok: true, data: { items: [{ id: 'at-a-base' }] } });
    expect(withoutCampaign.requests).toHaveLength(2);
  });

  it('按类型、征集、支部、基地筛选，也可以类型加其中一项；每种组合都有自己的索引', async () => {
    placeCampaign(env, START, { _id: 'camp-a' });
    placeApproved(env, START, { _id: 'story-b1', campaignId: 'camp-a', baseId: 'shuangpai-hongjunquan' });
    placeApproved(env, START, { _id: 'reflection-b1', kind: 'reflection', baseId: 'shuangpai-hongjunquan' });
    placeApproved(env, START, { _id: 'story-b2', author: 'seed-member-07', campaignId: 'camp-a' });
    const cases: [Record<string, unknown>, string[]][] = [
      [{ campaignId: 'camp-a' }, ['story-b1', 'story-b2']],
      [{ baseId: 'shuangpai-hongjunquan' }, ['story-b1', 'reflection-b1']],
      [{ branchId: 'branch-2', kind: 'story' }, ['story-b2']],
      [{ baseId: 'shuangpai-hongjunquan', kind: 'reflection' }, ['reflection-b1']],
      [{ campaignId: 'camp-a', kind: 'reflection' }, []],
    ];
    for (const [filter, expected] of cases) {
      const { result, requests } = await env.call('demo-member', 'story', 'feed', filter);
      const ids = result.ok
        ? result.data.items.map((card) => card.id).filter((id) => ['story-b1', 'reflection-b1', 'story-b2'].includes(id))
        : [];
      expect({ filter, ids: ids.sort() }).toEqual({ filter, ids: [...expected].sort() });
      expect({ filter, unindexed: requests.filter((request) => !request.indexed) }).toEqual({ filter, unindexed: [] });
    }
    for (const kind of STORY_KINDS) {
      const { requests } = await env.call('demo-member', 'story', 'feed', { kind, branchId: 'branch-3' });
      expect(requests.filter((request) => !request.indexed)).toEqual([]);
    }
  });

  it('同时按征集和支部筛选：INVALID_INPUT，指明多出的那一项', async () => {
    const { result } = await env.call('demo-member', 'story', 'feed', { campaignId: 'camp-a', branchId: 'branch-1' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'branchId' } });
  });

  it('翻页期间不断有新作品通过审核：已翻过的不重复、没翻到的不遗漏，新作品只出现在重新加载的第一页；同一时刻发布的也一样', async () => {
    const campaignId = 'camp-paging';
    placeCampaign(env, START, { _id: campaignId });
    const existing: string[] = [];
    for (let i = 0; i < 45; i += 1) {
      // Every third one shares its approval instant with the one before.
      const ago = (45 - i - (i % 3 === 2 ? 1 : 0)) * MINUTE;
      placeApproved(
        env,
        START,
        { _id: `work-${String(i).padStart(2, '0')}`, campaignId, author: i % 2 ? 'seed-member-06' : 'seed-member-11' },
        ago,
      );
      existing.push(`work-${String(i).padStart(2, '0')}`);
    }
    for (let i = 0; i < 3; i += 1) placeStory(env, START, { _id: `late-${i}`, campaignId, author: 'seed-member-16' });

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await env.ok('demo-member', 'story', 'feed', { campaignId, pageSize: 10, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((card) => card.id));
      cursor = page.nextCursor ?? undefined;
      if (pages < 3) {
        clock.advance(MINUTE);
        await env.ok('demo-secretary', 'story', 'review', { id: `late-${pages}`, decision: 'approve' });
      }
      pages += 1;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...existing].sort());
    expect(pages).toBe(5);

    const reloaded = await feedIds({ campaignId, pageSize: 5 });
    expect(reloaded.slice(0, 3)).toEqual(['late-2', 'late-1', 'late-0']);
  });

  it('很深的一页和第一页一样：同样的请求次数，每次只读一页多一条', async () => {
    const campaignId = 'camp-deep';
    placeCampaign(env, START, { _id: campaignId });
    for (let i = 0; i < 300; i += 1) placeApproved(env, START, { _id: `deep-${i}`, campaignId }, (i + 1) * MINUTE);
    const first = await env.call('demo-member', 'story', 'feed', { campaignId, pageSize: 10 });
    const deep = await env.call('demo-member', 'story', 'feed', {
      campaignId,
      pageSize: 10,
      cursor: `${after(START, -280 * MINUTE).getTime()}_deep-279`,
    });
    const shape = (requests: typeof first.requests) => requests.map((request) => [request.collection, request.returned, request.indexed]);
    expect(shape(deep.requests)).toEqual(shape(first.requests));
    expect(deep.result.ok && deep.result.data.items.map((card) => card.id)).toEqual(
      Array.from({ length: 10 }, (_, i) => `deep-${280 + i}`),
    );
  });

  it('游标不是信息流给出的格式：INVALID_INPUT（cursor）', async () => {
    const { result } = await env.call('demo-member', 'story', 'feed', { cursor: '20' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'cursor' } });
  });
});

describe('待审队列（reviewQueue）', () => {
  it('书记看到本支部的待审作品，最早提交的在前；组织部看到所有支部的；已审的离开队列', async () => {
    placeStory(env, START, { _id: 'b1-late', submittedAt: after(START, -10 * MINUTE) });
    placeStory(env, START, { _id: 'b1-early', author: 'seed-member-06', submittedAt: after(START, -5 * HOUR) });
    placeStory(env, START, { _id: 'b2', author: 'seed-member-07', submittedAt: after(START, -2 * HOUR) });
    const secretary = await env.call('demo-secretary', 'story', 'reviewQueue', {});
    expect(secretary.result).toMatchObject({ ok: true, data: { nextCursor: null } });
    expect(secretary.result.ok && secretary.result.data.items.map((card) => card.id)).toEqual(['b1-early', PENDING_STORY_ID, 'b1-late']);
    expect(secretary.requests.filter((request) => !request.indexed)).toEqual([]);
    expect((await env.ok('demo-admin', 'story', 'reviewQueue', {})).items.map((card) => card.id)).toEqual([
      'b1-early',
      PENDING_STORY_ID,
      'b2',
      'b1-late',
    ]);
    expect((await env.ok('seed-member-02', 'story', 'reviewQueue', {})).items.map((card) => card.id)).toEqual(['b2']);

    await env.ok('demo-secretary', 'story', 'review', { id: 'b1-early', decision: 'approve' });
    expect((await env.ok('demo-secretary', 'story', 'reviewQueue', { pageSize: 1 })).items.map((card) => card.id)).toEqual([
      PENDING_STORY_ID,
    ]);
  });
});
