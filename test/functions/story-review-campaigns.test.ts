/**
 * Campaigns (征集, issue 13): the list members and the org see with each branch's quota progress,
 * saving one with its rules, and the ranking — works by rank score, branches by participation rate.
 */
import cloud from 'wx-server-sdk';
import type { CampaignDraftInput } from '../../types/contracts/story';
import { STORY_CONTEST_ID, THEORY_CAMPAIGN_ID } from '../../emulator/seed';
import type { AuditDoc } from '../../server/audit';
import type { MemberDoc } from '../../server/documents';
import { fetchList } from '../../server/kernel/db';
import { useServerClock } from '../support/clock';
import { createTestEnv, type TestEnv } from '../support/localEnv';
import { after, DAY, placeApproved, placeCampaign, placeMembers, placeStory, storedCampaign } from './story.fixtures';

const START = new Date('2026-11-23T02:00:00Z');
const clock = useServerClock(START);
let env: TestEnv;

beforeEach(() => {
  clock.set(START);
  env = createTestEnv({ now: clock.now() });
});

function draft(fields: Partial<CampaignDraftInput> = {}): CampaignDraftInput {
  return {
    title: '红色家书诵读征集',
    description: '诵读一封红色家书，讲讲它背后的故事',
    kinds: ['story', 'lessonVideo'],
    opensAt: after(START, DAY).toISOString(),
    closesAt: after(START, 30 * DAY).toISOString(),
    ratingClosesAt: after(START, 40 * DAY).toISOString(),
    branchQuotas: [{ kind: 'lessonVideo', count: 1 }],
    awards: { first: 1, second: 2, third: 3, excellent: 5 },
    ratingWeight: 30,
    ...fields,
  };
}

describe('征集列表（campaigns）', () => {
  it('党员看到未开始、进行中和近半年结束的征集，截止晚的在前；组织部看到全部；每个征集带本支部的任务进度', async () => {
    placeCampaign(env, START, { _id: 'upcoming', opensAt: after(START, 5 * DAY), closesAt: after(START, 60 * DAY) });
    placeCampaign(env, START, { _id: 'long-ago', opensAt: after(START, -400 * DAY), closesAt: after(START, -300 * DAY) });
    placeCampaign(env, START, {
      _id: 'videos',
      kinds: ['lessonVideo'],
      closesAt: after(START, 20 * DAY),
      branchQuotas: [{ kind: 'lessonVideo', count: 2 }],
    });
    placeStory(env, START, { _id: 'video-1', kind: 'lessonVideo', campaignId: 'videos', author: 'seed-member-06' });
    await env.ok('demo-secretary', 'story', 'review', { id: 'video-1', decision: 'approve' });

    const member = await env.ok('demo-member', 'story', 'campaigns', {});
    expect(member.items.map((campaign) => [campaign.id, campaign.state])).toEqual([
      [THEORY_CAMPAIGN_ID, 'open'],
      ['upcoming', 'upcoming'],
      ['videos', 'open'],
      [STORY_CONTEST_ID, 'closed'],
    ]);
    expect(member.items.find((campaign) => campaign.id === 'videos')?.myBranch).toEqual([
      { kind: 'lessonVideo', required: 2, approved: 1 },
    ]);
    expect(member.items.find((campaign) => campaign.id === STORY_CONTEST_ID)).toMatchObject({
      myBranch: [{ kind: 'lessonVideo', required: 1, approved: 0 }],
      awarded: { first: 1, second: 1, third: 0, excellent: 1 },
    });
    // Another branch's progress is its own.
    expect((await env.ok('seed-member-07', 'story', 'campaigns', {})).items.find((campaign) => campaign.id === 'videos')?.myBranch).toEqual(
      [{ kind: 'lessonVideo', required: 2, approved: 0 }],
    );
    expect((await env.ok('demo-admin', 'story', 'campaigns', {})).items.map((campaign) => campaign.id)).toContain('long-ago');
  });

  it('三次 DB 请求：调用者、一页征集、本支部在这页有任务的征集里的统计', async () => {
    const { requests } = await env.call('demo-member', 'story', 'campaigns', {});
    expect(requests.map((request) => [request.collection, request.indexed])).toEqual([
      ['members', true],
      ['campaigns', true],
      ['campaign_branches', true],
    ]);
  });
});

describe('保存征集（saveCampaign）', () => {
  it('组织部新建征集：还没有颁奖，状态按时间算，留一条操作记录', async () => {
    const { campaign, created } = await env.ok('demo-admin', 'story', 'saveCampaign', { campaign: draft() });
    expect(created).toBe(true);
    expect(campaign).toMatchObject({
      title: '红色家书诵读征集',
      state: 'upcoming',
      awarded: { first: 0, second: 0, third: 0, excellent: 0 },
    });
    const audit = await fetchList<AuditDoc>(cloud.database().collection('audit_logs').where({ targetId: campaign.id }).limit(10));
    expect(audit).toEqual([expect.objectContaining({ action: 'story.createCampaign', actorId: 'm-demo-admin' })]);
  });

  it('截止不晚于开始、评议截止早于征集截止、任务的作品类型不在征集范围内：INVALID_INPUT 指明字段，什么也不写入', async () => {
    const cases: [Partial<CampaignDraftInput>, string][] = [
      [{ closesAt: after(START, DAY).toISOString() }, 'campaign.closesAt'],
      [{ ratingClosesAt: after(START, 29 * DAY).toISOString() }, 'campaign.ratingClosesAt'],
      [{ branchQuotas: [{ kind: 'article', count: 1 }] }, 'campaign.branchQuotas.0.kind'],
      [
        {
          branchQuotas: [
            { kind: 'story', count: 1 },
            { kind: 'story', count: 2 },
          ],
        },
        'campaign.branchQuotas.1.kind',
      ],
      [{ kinds: ['story', 'story'], branchQuotas: [] }, 'campaign.kinds'],
    ];
    for (const [fields, field] of cases) {
      const { result, requests } = await env.call('demo-admin', 'story', 'saveCampaign', { campaign: draft(fields) });
      expect({ field, result }).toMatchObject({ field, result: { ok: false, error: { code: 'INVALID_INPUT', field } } });
      expect(requests.filter((request) => request.written > 0)).toEqual([]);
    }
  });

  it('评议截止等于征集截止可以；修改征集：改写字段、留一条修改记录', async () => {
    const { campaign } = await env.ok('demo-admin', 'story', 'saveCampaign', { campaign: draft({ ratingClosesAt: draft().closesAt }) });
    const { campaign: changed, created } = await env.ok('demo-admin', 'story', 'saveCampaign', {
      id: campaign.id,
      campaign: draft({ title: '红色家书诵读大赛', ratingWeight: 50 }),
    });
    expect([created, changed.title, changed.ratingWeight]).toEqual([false, '红色家书诵读大赛', 50]);
    const audit = await fetchList<AuditDoc>(cloud.database().collection('audit_logs').where({ targetId: campaign.id }).limit(10));
    expect(audit.map((entry) => entry.action).sort()).toEqual(['story.createCampaign', 'story.updateCampaign']);
  });

  it('奖项名额改得比已颁发的少：CONFLICT 说明已颁几个；改到正好等于已颁数可以', async () => {
    placeCampaign(env, START, {
      _id: 'camp-given',
      awards: { first: 1, second: 3, third: 3, excellent: 5 },
      awarded: { first: 1, second: 2, third: 0, excellent: 0 },
    });
    const shrink = draft({ opensAt: after(START, -DAY).toISOString(), awards: { first: 1, second: 1, third: 3, excellent: 5 } });
    const { result } = await env.call('demo-admin', 'story', 'saveCampaign', { id: 'camp-given', campaign: shrink });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'campaign.awards.second', message: '二等奖已颁发 2 个，名额不能少于 2 个' },
    });
    await env.ok('demo-admin', 'story', 'saveCampaign', {
      id: 'camp-given',
      campaign: { ...shrink, awards: { first: 1, second: 2, third: 0, excellent: 0 } },
    });
    expect((await storedCampaign('camp-given')).awards).toEqual({ first: 1, second: 2, third: 0, excellent: 0 });
  });

  it('征集开始后不能改群众评议的权重（已存的排名分都按它算）：CONFLICT；开始前可以改', async () => {
    placeCampaign(env, START, { _id: 'camp-open', ratingWeight: 30 });
    const { result } = await env.call('demo-admin', 'story', 'saveCampaign', {
      id: 'camp-open',
      campaign: draft({ opensAt: after(START, -DAY).toISOString(), ratingWeight: 60 }),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'campaign.ratingWeight' } });
    placeCampaign(env, START, { _id: 'camp-later', opensAt: after(START, DAY), ratingWeight: 30 });
    await env.ok('demo-admin', 'story', 'saveCampaign', { id: 'camp-later', campaign: draft({ ratingWeight: 60 }) });
    expect((await storedCampaign('camp-later')).ratingWeight).toBe(60);
  });

  it('修改不存在的征集：NOT_FOUND', async () => {
    const { result } = await env.call('demo-admin', 'story', 'saveCampaign', { id: 'camp-none', campaign: draft() });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'id' } });
  });
});

describe('征集排名（campaignRanking）', () => {
  const CAMPAIGN = 'camp-rank';

  it('小支部九成党员投稿，排在作品更多、只有六成投稿的大支部前面；没有作品的支部不排名；各支部是否完成任务', async () => {
    placeCampaign(env, START, { _id: CAMPAIGN, kinds: ['story', 'reflection'], branchQuotas: [{ kind: 'story', count: 1 }] });
    env.store.insertMany('orgs', [
      { _id: 'branch-small', name: '小支部', kind: 'branch', parentId: 'org-teaching', order: 10, activeMemberCount: 10 },
      { _id: 'branch-big', name: '大支部', kind: 'branch', parentId: 'org-teaching', order: 11, activeMemberCount: 50 },
    ]);
    const author = (member: MemberDoc, branchName: string) => ({
      _id: member._id,
      name: member.name,
      branchId: member.branchId,
      branchName,
    });
    const small = placeMembers(env, START, 10, 'small', 'branch-small').map((member) => author(member, '小支部'));
    const big = placeMembers(env, START, 50, 'big', 'branch-big').map((member) => author(member, '大支部'));
    // Nine of the small branch's ten take part with a work each; 30 of the big branch's 50, ten of them with two: 40 works.
    const works = [
      ...small.slice(0, 9).map((member, i) => ({ _id: `small-${i}`, author: member })),
      ...big
        .slice(0, 30)
        .flatMap((member, i) =>
          Array.from({ length: i < 10 ? 2 : 1 }, (_, k) => ({ _id: `big-${i}-${k}`, author: member, kind: 'reflection' as const })),
        ),
    ];
    for (const work of works) {
      placeStory(env, START, { ...work, campaignId: CAMPAIGN });
      await env.ok('demo-admin', 'story', 'review', { id: work._id, decision: 'approve' });
    }
    const { result, requests } = await env.call('demo-member', 'story', 'campaignRanking', { campaignId: CAMPAIGN });
    expect(requests.filter((request) => !request.indexed)).toEqual([]);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const rows = result.data.branches.map((row) => [
      row.branchName,
      row.rank,
      row.authors,
      row.members,
      row.approved,
      row.participationRate,
      row.quotasMet,
    ]);
    expect(rows.slice(0, 2)).toEqual([
      ['小支部', 1, 9, 10, 9, 0.9, true],
      ['大支部', 2, 30, 50, 40, 0.6, false],
    ]);
    expect(result.data.branches.slice(2).every((row) => row.rank === null && row.approved === 0)).toBe(true);
  });

  it('作品按排名分：一等奖在前，评议多且高的在评议少的前面；分数相同名次相同', async () => {
    placeCampaign(env, START, { _id: CAMPAIGN, ratingWeight: 30 });
    placeApproved(env, START, { _id: 'one-five', campaignId: CAMPAIGN, ratingCount: 1, ratingSum: 5 });
    placeApproved(env, START, { _id: 'many-good', campaignId: CAMPAIGN, ratingCount: 200, ratingSum: 960 });
    placeApproved(env, START, { _id: 'twin', campaignId: CAMPAIGN, ratingCount: 200, ratingSum: 960 });
    placeApproved(env, START, {
      _id: 'winner',
      campaignId: CAMPAIGN,
      selectionState: 'selected',
      selection: { award: 'first', byId: 'm-demo-admin', at: START },
    });
    const { works } = await env.ok('demo-member', 'story', 'campaignRanking', { campaignId: CAMPAIGN, top: 10 });
    expect(works.map((row) => [row.work.id, row.rank])).toEqual([
      ['winner', 1],
      [expect.stringMatching(/many-good|twin/), 2],
      [expect.stringMatching(/many-good|twin/), 2],
      ['one-five', 4],
    ]);
    expect(works[0]).toMatchObject({ score: 85, work: { award: 'first', campaignTitle: '讲好红色故事大赛' } });
  });

  it('没有这个征集：NOT_FOUND', async () => {
    const { result } = await env.call('demo-member', 'story', 'campaignRanking', { campaignId: 'camp-none' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'campaignId' } });
  });
});
