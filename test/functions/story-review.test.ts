/**
 * The review chain of the story function (issue 13): 审核 by the branch secretary (or the org),
 * 推荐 to the org, 择优上报 with the campaign's award quotas; the author told of each step through
 * the outbox and `cron`; the campaign's per-branch tallies moved after each step.
 */
import cloud from 'wx-server-sdk';
import type { TimerReport } from '../../types/contracts/cron';
import type { Result } from '../../types/result';
import { timerEvent } from '../../emulator/runner';
import type { AuditDoc } from '../../server/audit';
import { fetchList } from '../../server/kernel/db';
import { useServerClock } from '../support/clock';
import { createTestEnv, type TestEnv } from '../support/localEnv';
import {
  after,
  expectTalliesMatchWorks,
  HOUR,
  placeApproved,
  placeCampaign,
  placeStory,
  storedCampaign,
  storedNotices,
  storedStory,
  storedTally,
} from './story.fixtures';

const START = new Date('2026-11-23T02:00:00Z');
const CAMPAIGN = 'camp-review';
const WORK = 'work-review';
const clock = useServerClock(START);
let env: TestEnv;

beforeEach(() => {
  clock.set(START);
  env = createTestEnv({ now: clock.now() });
  placeCampaign(env, START, { _id: CAMPAIGN });
});

function codeOf(result: Result<unknown>): string | true {
  return result.ok || result.error.code;
}

async function auditOf(storyId: string): Promise<AuditDoc[]> {
  return fetchList<AuditDoc>(cloud.database().collection('audit_logs').where({ targetId: storyId }).limit(100));
}

describe('审核（review）', () => {
  it('本支部书记通过待审作品：作品发布、可被评议和信息流读到，作者收到“审核通过”通知，留一条操作记录，征集的支部统计多一篇、多一位作者', async () => {
    placeStory(env, START, { _id: WORK, campaignId: CAMPAIGN });
    const { story } = await env.ok('demo-secretary', 'story', 'review', { id: WORK, decision: 'approve', comment: '写得真切' });
    expect(story).toMatchObject({
      status: 'approved',
      approvedAt: START.toISOString(),
      review: { decision: 'approve', comment: '写得真切', reviewerName: '赵志刚' },
      campaignTitle: '讲好红色故事大赛',
      can: { review: false, recommend: true, select: false, rate: true },
    });
    expect(await storedStory(WORK)).toMatchObject({ status: 'approved', version: 2, feedKey: `${START.getTime()}_${WORK}` });
    expect(await storedNotices(WORK)).toEqual([
      expect.objectContaining({
        kind: 'storyApproved',
        memberId: 'm-demo-member',
        openid: 'demo-member',
        state: 'pending',
        page: `story/detail/index?id=${WORK}`,
        data: { title: '红军泉边的故事', result: '审核通过', note: '写得真切', time: '2026-11-23 10:00' },
      }),
    ]);
    expect(await auditOf(WORK)).toEqual([expect.objectContaining({ action: 'story.review', actorId: 'm-demo-secretary' })]);
    expect(await storedTally(CAMPAIGN, 'branch-1')).toMatchObject({ approved: { story: 1 }, authors: 1, selected: 0 });

    const feed = await env.ok('demo-member', 'story', 'feed', { campaignId: CAMPAIGN });
    expect(feed.items.map((card) => card.id)).toEqual([WORK]);
  });

  it('退回必须写原因：不写是 INVALID_INPUT（comment）且什么也不写入；写了原因作品退回作者，作者收到带原因的“退回修改”通知', async () => {
    placeStory(env, START, { _id: WORK });
    const refused = await env.call('demo-secretary', 'story', 'review', { id: WORK, decision: 'return', comment: '  ' });
    expect(refused.result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'comment', message: '请填写退回原因' } });
    expect(refused.requests.filter((request) => request.written > 0)).toEqual([]);

    const { story } = await env.ok('demo-secretary', 'story', 'review', {
      id: WORK,
      decision: 'return',
      comment: '请补充参观时的具体见闻',
    });
    expect(story).toMatchObject({
      status: 'returned',
      review: { decision: 'return', comment: '请补充参观时的具体见闻' },
      approvedAt: null,
    });
    expect(await storedNotices(WORK)).toEqual([
      expect.objectContaining({
        kind: 'storyReturned',
        data: expect.objectContaining({ result: '退回修改', note: '请补充参观时的具体见闻' }),
      }),
    ]);
    const feed = await env.ok('demo-member', 'story', 'feed', { branchId: 'branch-1' });
    expect(feed.items.map((card) => card.id)).not.toContain(WORK);
  });

  it('外支部书记审核：FORBIDDEN，作品、通知、统计都不变', async () => {
    placeStory(env, START, { _id: WORK, campaignId: CAMPAIGN });
    const { result, requests } = await env.call('seed-member-02', 'story', 'review', { id: WORK, decision: 'approve' });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '只能审核本支部的作品' } });
    expect(requests.filter((request) => request.written > 0)).toEqual([]);
    expect(await storedStory(WORK)).toMatchObject({ status: 'pending', version: 1 });
  });

  it('书记不能审核自己的作品（FORBIDDEN），组织部可以审核任何支部的作品', async () => {
    placeStory(env, START, { _id: WORK, author: 'demo-secretary' });
    const own = await env.call('demo-secretary', 'story', 'review', { id: WORK, decision: 'approve' });
    expect(own.result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '不能审核自己的作品' } });
    const { story } = await env.ok('demo-admin', 'story', 'review', { id: WORK, decision: 'approve' });
    expect(story).toMatchObject({ status: 'approved', review: { reviewerName: '陈静' } });
  });

  it('已审核的作品再审、退回的再审：CONFLICT；草稿和安全检测中的作品对审核人不存在：NOT_FOUND；没有这件作品：NOT_FOUND', async () => {
    placeApproved(env, START, { _id: 'approved' });
    placeStory(env, START, { _id: 'returned', status: 'returned' });
    placeStory(env, START, { _id: 'draft', status: 'draft', submittedAt: null });
    placeStory(env, START, { _id: 'checking', status: 'checking' });
    const outcomes = [];
    for (const id of ['approved', 'returned', 'draft', 'checking', 'missing']) {
      outcomes.push([id, codeOf((await env.call('demo-secretary', 'story', 'review', { id, decision: 'approve' })).result)]);
    }
    expect(outcomes).toEqual([
      ['approved', 'CONFLICT'],
      ['returned', 'CONFLICT'],
      ['draft', 'NOT_FOUND'],
      ['checking', 'NOT_FOUND'],
      ['missing', 'NOT_FOUND'],
    ]);
  });

  it('同一作者在同一征集的第二篇作品通过：篇数加一，作者数不变；支部统计与作品一致', async () => {
    placeStory(env, START, { _id: 'first', campaignId: CAMPAIGN });
    placeStory(env, START, { _id: 'second', campaignId: CAMPAIGN, kind: 'reflection' });
    placeStory(env, START, { _id: 'other', campaignId: CAMPAIGN, author: 'seed-member-06' });
    for (const id of ['first', 'second', 'other']) await env.ok('demo-secretary', 'story', 'review', { id, decision: 'approve' });
    expect(await storedTally(CAMPAIGN, 'branch-1')).toMatchObject({ approved: { story: 2, reflection: 1 }, authors: 2 });
    await expectTalliesMatchWorks(CAMPAIGN);
  });

  it('书记通过、组织部退回同时提交：只有一个生效，另一个 CONFLICT，作者只收到一条通知', async () => {
    placeStory(env, START, { _id: WORK, campaignId: CAMPAIGN });
    const [approve, giveBack] = await Promise.all([
      env.call('demo-secretary', 'story', 'review', { id: WORK, decision: 'approve' }),
      env.call('demo-admin', 'story', 'review', { id: WORK, decision: 'return', comment: '请修改' }),
    ]);
    expect([codeOf(approve.result), codeOf(giveBack.result)].sort()).toEqual(['CONFLICT', true]);
    expect(await storedNotices(WORK)).toHaveLength(1);
    expect((await storedStory(WORK)).version).toBe(2);
    await expectTalliesMatchWorks(CAMPAIGN);
  });

  it('统计的增量写失败：审核照样生效，统计少记一篇，记一条错误日志 campaign_tally_not_applied（由 issue 14 的定期重算补上）', async () => {
    placeStory(env, START, { _id: WORK, campaignId: CAMPAIGN });
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    process.env.HONGTU_LOG = 'all';
    try {
      env.faults.inject({ action: 'database.modifyDocument', collection: 'campaign_branches' }, 'connectTimeout');
      const { story } = await env.ok('demo-secretary', 'story', 'review', { id: WORK, decision: 'approve' });
      expect(story.status).toBe('approved');
    } finally {
      process.env.HONGTU_LOG = 'silent';
    }
    expect(await storedTally(CAMPAIGN, 'branch-1')).toBeUndefined();
    expect(errors.mock.calls.map(([line]) => JSON.parse(String(line)) as { event: string })).toContainEqual(
      expect.objectContaining({ event: 'campaign_tally_not_applied', what: 'approval', storyId: WORK }),
    );
    jest.restoreAllMocks();
  });
});

describe('推荐（recommend）', () => {
  it('书记推荐本支部已发布的作品：进入组织部待选队列，排名分加上推荐分，作者收到“支部推荐”通知', async () => {
    placeApproved(env, START, { _id: WORK, campaignId: CAMPAIGN, rankScore: 15 });
    const { story } = await env.ok('demo-secretary', 'story', 'recommend', { id: WORK, note: '推荐参评' });
    expect(story).toMatchObject({ recommended: true, recommendation: { note: '推荐参评', byName: '赵志刚' }, can: { recommend: false } });
    // 70 % of the 25 recommendation points + 30 % of the unrated prior's 50.
    expect((await storedStory(WORK)).rankScore).toBeCloseTo(0.7 * 25 + 0.3 * 50, 6);
    expect(await storedNotices(WORK)).toEqual([
      expect.objectContaining({ kind: 'storyRecommended', data: expect.objectContaining({ result: '支部推荐', note: '推荐参评' }) }),
    ]);

    const queue = await env.ok('demo-admin', 'story', 'selectionQueue', { campaignId: CAMPAIGN });
    expect(queue.items.map((card) => [card.id, card.recommended, card.selected])).toEqual([[WORK, true, false]]);
  });

  it('还没通过审核的不能推荐、已推荐的不能再推荐：CONFLICT；外支部书记：FORBIDDEN', async () => {
    placeStory(env, START, { _id: 'pending' });
    placeApproved(env, START, { _id: 'recommended', selectionState: 'recommended' });
    placeApproved(env, START, { _id: 'fresh' });
    expect(codeOf((await env.call('demo-secretary', 'story', 'recommend', { id: 'pending' })).result)).toBe('CONFLICT');
    expect(codeOf((await env.call('demo-secretary', 'story', 'recommend', { id: 'recommended' })).result)).toBe('CONFLICT');
    expect(codeOf((await env.call('seed-member-02', 'story', 'recommend', { id: 'fresh' })).result)).toBe('FORBIDDEN');
    expect(await storedNotices('fresh')).toEqual([]);
  });
});

describe('择优上报（select）', () => {
  function recommended(id: string, campaignId: string | null = CAMPAIGN, author = 'demo-member') {
    return placeApproved(env, START, {
      _id: id,
      author,
      campaignId,
      selectionState: 'recommended',
      recommendation: { note: '', byId: 'm-demo-secretary', byName: '赵志刚', at: after(START, -HOUR / 2) },
    });
  }

  it('组织部选中并评一等奖：作品入选，征集已颁一等奖 1 个，作者收到“荣获一等奖”，离开待选队列，首次入选计入支部统计', async () => {
    recommended(WORK);
    const { story } = await env.ok('demo-admin', 'story', 'select', { id: WORK, award: 'first' });
    expect(story).toMatchObject({ selected: true, award: 'first', selection: { award: 'first' } });
    expect((await storedCampaign(CAMPAIGN)).awarded).toEqual({ first: 1, second: 0, third: 0, excellent: 0 });
    expect((await storedStory(WORK)).rankScore).toBeCloseTo(0.7 * 100 + 0.3 * 50, 6);
    expect(await storedNotices(WORK)).toEqual([
      expect.objectContaining({ kind: 'storySelected', data: expect.objectContaining({ result: '荣获一等奖' }) }),
    ]);
    expect((await env.ok('demo-admin', 'story', 'selectionQueue', {})).items.map((card) => card.id)).not.toContain(WORK);
    expect(await storedTally(CAMPAIGN, 'branch-1')).toMatchObject({ selected: 1 });
  });

  it('奖项名额：最后一个二等奖可以评，再评一个是 FULL 并说明共几个；入选但不评奖不占名额', async () => {
    placeCampaign(env, START, {
      _id: 'camp-two',
      awards: { first: 0, second: 2, third: 0, excellent: 0 },
      awarded: { first: 0, second: 1, third: 0, excellent: 0 },
    });
    recommended('last', 'camp-two');
    recommended('one-more', 'camp-two');
    await env.ok('demo-admin', 'story', 'select', { id: 'last', award: 'second' });
    const full = await env.call('demo-admin', 'story', 'select', { id: 'one-more', award: 'second' });
    expect(full.result).toMatchObject({ ok: false, error: { code: 'FULL', field: 'award', message: '二等奖名额已用完（共 2 个）' } });
    expect(await storedStory('one-more')).toMatchObject({ selectionState: 'recommended', selection: null });
    await env.ok('demo-admin', 'story', 'select', { id: 'one-more', award: null });
    expect((await storedCampaign('camp-two')).awarded).toEqual({ first: 0, second: 2, third: 0, excellent: 0 });
  });

  it('改评奖项：旧奖项的名额退回、新奖项占用，作者再收到一条通知；评为同一奖项什么也不写', async () => {
    recommended(WORK);
    recommended('rival');
    await env.ok('demo-admin', 'story', 'select', { id: WORK, award: 'first' });
    await env.ok('demo-admin', 'story', 'select', { id: WORK, award: 'second' });
    expect((await storedCampaign(CAMPAIGN)).awarded).toEqual({ first: 0, second: 1, third: 0, excellent: 0 });
    await env.ok('demo-admin', 'story', 'select', { id: 'rival', award: 'first' });
    expect((await storedCampaign(CAMPAIGN)).awarded).toEqual({ first: 1, second: 1, third: 0, excellent: 0 });

    const again = await env.call('demo-admin', 'story', 'select', { id: WORK, award: 'second' });
    expect(again.result).toMatchObject({ ok: true, data: { story: { award: 'second' } } });
    expect(again.requests.filter((request) => request.written > 0)).toEqual([]);
    expect((await storedNotices(WORK)).map((notice) => notice.data.result).sort()).toEqual(['荣获一等奖', '荣获二等奖']);
    expect(await storedTally(CAMPAIGN, 'branch-1')).toMatchObject({ selected: 2 });
  });

  it('两件作品同时争最后一个一等奖：只有一件评上，另一件 FULL，已颁数正好是 1', async () => {
    recommended('a');
    recommended('b', CAMPAIGN, 'seed-member-07');
    const calls = await Promise.all(['a', 'b'].map((id) => env.call('demo-admin', 'story', 'select', { id, award: 'first' })));
    expect(calls.map((call) => codeOf(call.result)).sort()).toEqual(['FULL', true]);
    expect((await storedCampaign(CAMPAIGN)).awarded.first).toBe(1);
  });

  it('没推荐的作品不能选（CONFLICT）；不属于征集的作品可以入选但不能评奖（INVALID_INPUT award）', async () => {
    placeApproved(env, START, { _id: 'unrecommended', campaignId: CAMPAIGN });
    recommended('free', null);
    expect(codeOf((await env.call('demo-admin', 'story', 'select', { id: 'unrecommended', award: null })).result)).toBe('CONFLICT');
    const awarded = await env.call('demo-admin', 'story', 'select', { id: 'free', award: 'excellent' });
    expect(awarded.result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'award' } });
    expect(await env.ok('demo-admin', 'story', 'select', { id: 'free', award: null })).toMatchObject({
      story: { selected: true, award: null },
    });
  });
});

describe('通知经 cron 发出', () => {
  const TEMPLATE = 'tmpl-story-review';

  async function tick() {
    const { result } = await env.runner.invoke('cron', timerEvent(clock.now()), { openid: undefined });
    return result as Result<TimerReport>;
  }

  afterEach(() => {
    delete process.env.STORY_REVIEW_TEMPLATE_ID;
    delete process.env.ACTIVITY_REMINDER_TEMPLATE_ID;
    jest.restoreAllMocks();
  });

  it('作品模板发出审核结果：作品名称、审核结果、备注、时间四个关键词，点开是作品详情页；发出的内容记在通知上', async () => {
    process.env.STORY_REVIEW_TEMPLATE_ID = TEMPLATE;
    const sends = jest.spyOn(cloud.openapi.subscribeMessage, 'send');
    placeStory(env, START, { _id: WORK, title: '一块门板上的字条：红军借用老乡门板的纪律故事' });
    await env.ok('demo-secretary', 'story', 'review', { id: WORK, decision: 'return', comment: '请补充故事的出处' });
    await tick();
    const payload = {
      touser: 'demo-member',
      templateId: TEMPLATE,
      page: `story/detail/index?id=${WORK}`,
      data: {
        thing1: { value: '一块门板上的字条：红军借用老乡门板的纪…' },
        phrase2: { value: '退回修改' },
        thing3: { value: '请补充故事的出处' },
        time4: { value: '2026-11-23 10:00' },
      },
      miniprogramState: 'formal',
    };
    expect(sends).toHaveBeenCalledWith({ ...payload, lang: 'zh_CN' });
    expect(await storedNotices(WORK)).toEqual([expect.objectContaining({ state: 'sent', payload })]);
  });

  it('没有配置作品模板：作品通知留在待发，活动模板的通知照常发出；配置后下一次运行发出', async () => {
    process.env.ACTIVITY_REMINDER_TEMPLATE_ID = 'tmpl-activity';
    const sends = jest.spyOn(cloud.openapi.subscribeMessage, 'send');
    placeStory(env, START, { _id: WORK });
    await env.ok('demo-secretary', 'story', 'review', { id: WORK, decision: 'approve' });
    await tick();
    expect(sends).not.toHaveBeenCalled();
    expect(await storedNotices(WORK)).toEqual([expect.objectContaining({ state: 'pending' })]);
    process.env.STORY_REVIEW_TEMPLATE_ID = TEMPLATE;
    await tick();
    expect(await storedNotices(WORK)).toEqual([expect.objectContaining({ state: 'sent' })]);
  });
});
