/**
 * The full recompute also recounts the story campaigns' tallies (ARCHITECTURE.md, "Statistics"):
 * after its branches, a phase of its own sets every (campaign, branch) tally and first-author
 * marker to what the works say, so a lost increment or a corrupted count is healed by the next
 * recompute, and a recompute over correct tallies writes nothing to them.
 */
import cloud from 'wx-server-sdk';
import type { DbRequestRecord } from '../../emulator/engine/store';
import { timerEvent } from '../../emulator/runner';
import { seedProgrammeId, THEORY_CAMPAIGN_ID } from '../../emulator/seed';
import { campaignTallies } from '../../server/campaignTally';
import {
  campaignAuthorId,
  type CampaignAuthorDoc,
  type CampaignBranchDoc,
  type StatsStateDoc,
  type StoryDoc,
} from '../../server/documents';
import { recomputeStateId } from '../../server/stats/recompute';
import { useServerClock } from '../support/clock';
import { createTestEnv, type TestEnv } from '../support/localEnv';
import { documentOf, documentsOf } from './stats-programmes.fixtures';
import { stored } from './story.fixtures';

const START = new Date('2026-11-23T02:00:00Z');
const clock = useServerClock(START);
const MINUTE = 60_000;
const ADMIN = 'demo-admin';
let env: TestEnv;
let programmeId: string;

beforeEach(() => {
  clock.set(START);
  env = createTestEnv({ now: clock.now() });
  programmeId = seedProgrammeId(clock.now());
});

/** What every campaign's works say its tallies and markers are, without the tallies' stamps. */
async function recounted(): Promise<{ tallies: Omit<CampaignBranchDoc, 'updatedAt'>[]; authors: CampaignAuthorDoc[] }> {
  const { tallies, authors } = campaignTallies(await stored<StoryDoc>('stories', { status: 'approved' }), new Date(0));
  return { tallies: tallies.map(withoutStamp).sort(byId), authors: authors.sort(byId) };
}

async function storedTallies(): Promise<{ tallies: Omit<CampaignBranchDoc, 'updatedAt'>[]; authors: CampaignAuthorDoc[] }> {
  const tallies = await stored<CampaignBranchDoc>('campaign_branches', {});
  const authors = await stored<CampaignAuthorDoc>('campaign_authors', {});
  return { tallies: tallies.map(withoutStamp).sort(byId), authors: authors.sort(byId) };
}

const withoutStamp = ({ updatedAt: _, ...tally }: CampaignBranchDoc) => tally;
const byId = (a: { _id: string }, b: { _id: string }) => a._id.localeCompare(b._id);

/** Starts the programme's recompute as the org admin does and lets `cron` run a minute apart until it is done; the runs' DB requests. */
async function recomputeThroughCron(): Promise<DbRequestRecord[]> {
  await env.ok(ADMIN, 'stats', 'recompute', { programmeId, restart: true });
  const requests: DbRequestRecord[] = [];
  for (let run = 0; run < 10; run += 1) {
    clock.advance(MINUTE);
    const invocation = await env.runner.invoke('cron', timerEvent(clock.now()), { openid: undefined });
    expect(invocation.result).toMatchObject({ ok: true });
    requests.push(...invocation.requests);
    const state = await documentOf<StatsStateDoc>('stats_state', recomputeStateId(programmeId));
    if (state?.phase === 'done') return requests;
  }
  throw new Error('the recompute did not finish in ten cron runs');
}

describe('全量重算顺带重数征集的支部统计', () => {
  it('支部统计被手动减一、一个作者标记被删、多出一份没有作品的统计：stats.recompute 之后经 cron 都与作品一致', async () => {
    const before = await recounted();
    expect(before.tallies.length).toBeGreaterThan(0);
    expect(await storedTallies()).toEqual(before);
    const db = cloud.database();
    const _ = db.command;
    const [tally] = await stored<CampaignBranchDoc>('campaign_branches', { campaignId: THEORY_CAMPAIGN_ID });
    const [author] = await stored<CampaignAuthorDoc>('campaign_authors', { campaignId: THEORY_CAMPAIGN_ID });
    if (!tally || !author) throw new Error('the seed has no tally or author in the theory campaign');
    const counted = Object.keys(tally.approved).find((kind) => tally.approved[kind as keyof typeof tally.approved] > 0);
    await db
      .collection('campaign_branches')
      .doc(tally._id)
      .update({ data: { [`approved.${counted}`]: _.inc(-1), authors: _.inc(-1), updatedAt: clock.now() } });
    await db.collection('campaign_authors').doc(author._id).remove();
    await db.collection('campaign_branches').add({
      data: { ...tally, _id: `${THEORY_CAMPAIGN_ID}_branch-none`, branchId: 'branch-none', updatedAt: clock.now() },
    });
    expect(await storedTallies()).not.toEqual(before);

    await recomputeThroughCron();
    expect(await storedTallies()).toEqual(before);
    expect(await documentOf<CampaignAuthorDoc>('campaign_authors', campaignAuthorId(THEORY_CAMPAIGN_ID, author.memberId))).toEqual(author);
    expect(await documentOf('campaign_branches', `${THEORY_CAMPAIGN_ID}_branch-none`)).toBeUndefined();
  });

  it('统计本来就对：再全量重算一遍，不写 campaign_branches 和 campaign_authors', async () => {
    await recomputeThroughCron();
    const requests = await recomputeThroughCron();
    const written = requests.filter((request) => request.written > 0).map((request) => request.collection);
    expect(written).not.toContain('campaign_branches');
    expect(written).not.toContain('campaign_authors');
    // The reads stay on declared indexes, a thousand documents at most each.
    const recountReads = requests.filter((request) => ['campaigns', 'campaign_branches', 'campaign_authors'].includes(request.collection));
    expect(recountReads.length).toBeGreaterThan(0);
    expect(recountReads.every((request) => request.indexed)).toBe(true);
  });

  it('重算的状态：先重建支部，再逐个征集重数；cron 的报告里有重数的征集数', async () => {
    const campaigns = await documentsOf<{ _id: string }>('campaigns');
    const started = await env.ok(ADMIN, 'stats', 'recompute', { programmeId, restart: true });
    expect(started).toMatchObject({ state: 'running', phase: 'branches' });
    const state = await documentOf<StatsStateDoc & { remainingCampaigns?: string[] }>('stats_state', recomputeStateId(programmeId));
    expect(state?.remainingCampaigns?.sort()).toEqual(campaigns.map((campaign) => campaign._id).sort());

    clock.advance(MINUTE);
    const { result } = await env.runner.invoke('cron', timerEvent(clock.now()), { openid: undefined });
    expect(result).toMatchObject({
      ok: true,
      data: {
        jobs: expect.arrayContaining([
          expect.objectContaining({
            job: 'continueRecompute',
            ok: true,
            counts: { branches: 5, campaigns: campaigns.length, brandProgrammes: 1 },
          }),
        ]),
      },
    });
    expect(await env.ok(ADMIN, 'stats', 'recompute', { programmeId })).toMatchObject({ state: 'done', phase: 'done', processed: 5 });
  });
});
