/**
 * 投稿 at scale (issue 13; ARCHITECTURE.md, "Budgets"): `size` members in 100 branches, each with
 * one approved work (about one submission per member), half of them in ten open campaigns, a fifth
 * about a red base, with ratings counted on the works and each campaign's per-branch tallies as the
 * function's increments would have left them; plus a queue of pending works, one batch per sample.
 * Then through the real story function: `feed` (first page, page 1001 by its keyset cursor, narrowed
 * by campaign, by branch, by base, by kind and branch), `rate`, `review` by the branch secretary,
 * `reviewQueue` and `campaignRanking` of the largest campaign. `feed` and `rate` must stay within
 * their DB-request budgets whatever the size.
 */
import { seededRng, type Rng } from '../../../core/quiz';
import { rankScore } from '../../../core/story/ranking';
import { STORY_KINDS } from '../../../types/labels';
import { memberDoc, seedStore } from '../../../emulator/seed';
import { seedBases } from '../../../emulator/seed/bases';
import { campaignTallies } from '../../../server/campaignTally';
import { storyDoc, type CampaignDoc, type OrgDoc, type StoryDoc } from '../../../server/documents';
import { fetchList } from '../../../server/kernel/db';
import { createBenchEnv, insertSliced, type BenchEnv } from '../env';
import type { BenchOptions, Sample, Scenario, ScenarioRun } from '../types';

const BRANCHES = 100;
const CAMPAIGNS = 10;
const PAGE_SIZE = 20;
/** The feed page whose cost is compared with the first's. */
const DEEP_PAGE = 1001;
const DAY_MS = 86_400_000;
const YEAR_MS = 365 * DAY_MS;
const ORG_ADMIN = 'demo-admin';
/** A work's text: the feed reads only the excerpt, so one short body serves all. */
const BODY = '听老党员讲红军借住老乡家的故事：门板借来要还，院子扫得干干净净，临走还留下字条。纪律就落在这样的小事上。';

const branchIndexOf = (index: number) => index % BRANCHES;
const branchOf = (index: number) => `bench-branch-${branchIndexOf(index)}`;
const openidOf = (index: number) => `bench-st-${index}`;
const memberIdOf = (index: number) => `m-${openidOf(index)}`;
const workIdOf = (index: number) => `bench-story-${index}`;
const campaignIdOf = (ordinal: number) => `bench-campaign-${ordinal}`;
/** Every other work is in a campaign; campaign 0, the largest, ranks in the ranking case. */
const campaignOfWork = (index: number) => (index % 2 === 0 ? campaignIdOf(Math.floor(index / 2) % CAMPAIGNS) : null);
/** Member i < 100 is the secretary of branch i. */
const secretaryOf = (branchIndex: number) => openidOf(branchIndex);

function campaign(now: Date, ordinal: number): CampaignDoc {
  return {
    _id: campaignIdOf(ordinal),
    title: `基准征集 ${ordinal}`,
    description: '',
    kinds: [...STORY_KINDS],
    opensAt: new Date(now.getTime() - YEAR_MS - DAY_MS),
    closesAt: new Date(now.getTime() + 30 * DAY_MS),
    ratingClosesAt: new Date(now.getTime() + 60 * DAY_MS),
    branchQuotas: [{ kind: 'lessonVideo', count: 1 }],
    awards: { first: 1, second: 2, third: 3, excellent: 10 },
    awarded: { first: 0, second: 0, third: 0, excellent: 0 },
    ratingWeight: 30,
    createdBy: `m-${ORG_ADMIN}`,
    createdAt: now,
    updatedAt: now,
  };
}

/** Member i's work, approved at an instant spread over the past year (the latest members' the newest). */
function approvedWork(index: number, size: number, now: Date): StoryDoc {
  const approvedAt = new Date(now.getTime() - DAY_MS - Math.floor(((size - index) * YEAR_MS) / size));
  const base = index % 5 === 0 ? seedBases[index % seedBases.length] : undefined;
  const campaignId = campaignOfWork(index);
  const ratingCount = index % 7;
  const ratingSum = ratingCount * (3 + (index % 3));
  const selectionState = index % 500 === 0 ? ('recommended' as const) : null;
  return storyDoc(
    { _id: memberIdOf(index), name: `党员${index}`, branchId: branchOf(index), branchName: `基准支部 ${branchIndexOf(index)}` },
    new Date(approvedAt.getTime() - DAY_MS),
    {
      _id: workIdOf(index),
      kind: STORY_KINDS[index % STORY_KINDS.length]!,
      status: 'approved',
      campaignId,
      title: `红色故事 ${index}`,
      body: BODY,
      words: 60,
      baseId: base?.id ?? null,
      baseName: base?.name ?? null,
      version: 2,
      submittedAt: new Date(approvedAt.getTime() - 3_600_000),
      approvedAt,
      selectionState,
      ratingCount,
      ratingSum,
      rankScore: rankScore({ selectionState, award: null, ratingCount, ratingSum }, campaignId === null ? 0 : 30),
    },
  );
}

/** Pending work j, by a member of branch j mod 100 who is not its secretary, in the largest campaign. */
function pendingWork(j: number, size: number, now: Date): StoryDoc {
  const author = BRANCHES + (j % (size - BRANCHES));
  return storyDoc(
    { _id: memberIdOf(author), name: `党员${author}`, branchId: branchOf(author), branchName: `基准支部 ${branchIndexOf(author)}` },
    new Date(now.getTime() - DAY_MS),
    {
      _id: `bench-pending-${j}`,
      kind: 'story',
      status: 'pending',
      campaignId: campaignIdOf(0),
      title: `待审作品 ${j}`,
      body: BODY,
      words: 60,
      version: 1,
      submittedAt: new Date(now.getTime() - (j + 1) * 60_000),
    },
  );
}

function buildDataSet(env: BenchEnv, size: number, pending: number, now: Date): void {
  seedStore(env.store, now);
  const perBranch = (b: number) => Math.floor(size / BRANCHES) + (b < size % BRANCHES ? 1 : 0);
  const orgs: OrgDoc[] = Array.from({ length: BRANCHES }, (_, b) => ({
    _id: `bench-branch-${b}`,
    name: `基准支部 ${b}`,
    kind: 'branch',
    parentId: 'org-teaching',
    order: 100 + b,
    activeMemberCount: perBranch(b),
  }));
  env.store.insertMany(
    'orgs',
    orgs.map((org) => ({ ...org })),
  );
  env.store.insertMany(
    'campaigns',
    Array.from({ length: CAMPAIGNS }, (_, ordinal) => ({ ...campaign(now, ordinal) })),
  );
  insertSliced(env, 'members', size, (index) => ({
    ...memberDoc(
      { openid: openidOf(index), name: `党员${index}`, branchId: branchOf(index), role: index < BRANCHES ? 'secretary' : 'member' },
      now,
    ),
  }));
  const works: StoryDoc[] = [];
  insertSliced(env, 'stories', size, (index) => {
    const work = approvedWork(index, size, now);
    works.push(work);
    return { ...work };
  });
  insertSliced(env, 'stories', pending, (j) => ({ ...pendingWork(j, size, now) }));
  const { tallies, authors } = campaignTallies(works, now);
  insertSliced(env, 'campaign_branches', tallies.length, (index) => ({ ...tallies[index]! }));
  insertSliced(env, 'campaign_authors', authors.length, (index) => ({ ...authors[index]! }));
}

function pick<T>(rng: Rng, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)]!;
}

function expectPage(what: string, items: unknown[], atLeast: number): void {
  if (items.length < atLeast) throw new Error(`story.feed ${what}: expected at least ${atLeast} works, got ${items.length}`);
}

/** The feed key a reader holds after `pages` pages: read straight from the store, outside the measured calls. */
async function cursorAfter(env: BenchEnv, pages: number): Promise<string> {
  const { value } = await env.naive((db) =>
    fetchList<Pick<StoryDoc, 'feedKey'>>(
      db
        .collection('stories')
        .where({ status: 'approved' })
        .orderBy('feedKey', 'desc')
        .skip(pages * PAGE_SIZE - 1)
        .limit(1)
        .field({ feedKey: true }),
    ),
  );
  const key = value[0]?.feedKey;
  if (key === undefined) throw new Error(`story.feed: no work at page ${pages}`);
  return key;
}

async function feedCases(env: BenchEnv, size: number, options: BenchOptions, rng: Rng): Promise<ScenarioRun['cases']> {
  const reader = () => openidOf(Math.floor(rng() * size));
  /** Unfiltered pages are full; a filtered one has at least one work (the data set puts some in every filter). */
  const measure = async (what: string, input: () => Record<string, unknown>, atLeast = 1): Promise<Sample[]> => {
    const samples: Sample[] = [];
    for (let sample = 0; sample < options.samples; sample += 1) {
      const call = await env.call(reader(), 'story', 'feed', { pageSize: PAGE_SIZE, ...input() });
      expectPage(what, call.data.items, atLeast);
      samples.push(call);
    }
    return samples;
  };
  const deepPage = Math.min(DEEP_PAGE, Math.floor(size / PAGE_SIZE / 2));
  const deepCursor = await cursorAfter(env, deepPage - 1);
  const baseIds = seedBases.map((base) => base.id);
  return [
    { action: 'story.feed', label: 'first page', real: await measure('first page', () => ({}), PAGE_SIZE) },
    {
      action: 'story.feed',
      label: `page ${deepPage} (keyset cursor)`,
      real: await measure('deep page', () => ({ cursor: deepCursor }), PAGE_SIZE),
    },
    {
      action: 'story.feed',
      label: `by campaign (${size / 2 / CAMPAIGNS} works each)`,
      real: await measure('by campaign', () => ({ campaignId: campaignIdOf(Math.floor(rng() * CAMPAIGNS)) })),
    },
    {
      action: 'story.feed',
      label: 'by branch',
      real: await measure('by branch', () => ({ branchId: branchOf(Math.floor(rng() * BRANCHES)) })),
    },
    { action: 'story.feed', label: 'by base', real: await measure('by base', () => ({ baseId: pick(rng, baseIds) })) },
    {
      action: 'story.feed',
      label: 'by kind and branch',
      real: await measure('by kind and branch', () => {
        const branch = Math.floor(rng() * BRANCHES);
        // Branch b's works are members b, b + 100, …: their kinds cycle with b.
        return { branchId: branchOf(branch), kind: STORY_KINDS[branch % STORY_KINDS.length] };
      }),
    },
  ];
}

/** Distinct (rater, work) pairs: a member never rates a work twice nor their own. */
async function rateCase(env: BenchEnv, size: number, options: BenchOptions, rng: Rng): Promise<Sample[]> {
  const rated = new Set<string>();
  const samples: Sample[] = [];
  while (samples.length < options.samples) {
    const rater = Math.floor(rng() * size);
    const work = 2 * Math.floor((rng() * size) / 2);
    if (work === rater || rated.has(`${rater}_${work}`)) continue;
    rated.add(`${rater}_${work}`);
    const call = await env.call(openidOf(rater), 'story', 'rate', { id: workIdOf(work), score: 1 + Math.floor(rng() * 5) });
    if (call.data.myRating < 1) throw new Error('story.rate: no rating recorded');
    samples.push(call);
  }
  return samples;
}

async function reviewCases(env: BenchEnv, size: number, pending: number): Promise<ScenarioRun['cases']> {
  const queues: Sample[] = [];
  const reviews: Sample[] = [];
  for (let j = 0; j < pending; j += 1) {
    const author = BRANCHES + (j % (size - BRANCHES));
    const secretary = secretaryOf(branchIndexOf(author));
    queues.push(await env.call(secretary, 'story', 'reviewQueue', { pageSize: PAGE_SIZE }));
    const call = await env.call(secretary, 'story', 'review', { id: `bench-pending-${j}`, decision: 'approve' });
    if (call.data.story.status !== 'approved') throw new Error(`story.review: bench-pending-${j} not approved`);
    reviews.push(call);
  }
  return [
    { action: 'story.reviewQueue', label: "the branch secretary's queue", real: queues },
    { action: 'story.review', label: 'approve, campaign tally moved', real: reviews },
  ];
}

async function rankingCase(env: BenchEnv, options: BenchOptions): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (let sample = 0; sample < options.samples; sample += 1) {
    const call = await env.call(openidOf(sample), 'story', 'campaignRanking', { campaignId: campaignIdOf(0), top: PAGE_SIZE });
    if (!call.data.branches.some((row) => row.rank !== null)) throw new Error('story.campaignRanking: no ranked branch');
    samples.push(call);
  }
  return samples;
}

async function run(size: number, options: BenchOptions): Promise<ScenarioRun> {
  if (size <= BRANCHES) throw new Error(`story bench: needs more than ${BRANCHES} members`);
  const rng = seededRng(`bench-story-${size}`);
  const env = createBenchEnv();
  const pending = options.samples;
  const setupStarted = performance.now();
  buildDataSet(env, size, pending, new Date());
  const setupMs = performance.now() - setupStarted;
  options.log(`  story @ ${size}: data set built in ${(setupMs / 1000).toFixed(1)} s (${env.store.count('stories')} works)`);

  const cases = await feedCases(env, size, options, rng);
  options.log(`  story @ ${size}: feed done`);
  cases.push({ action: 'story.rate', label: 'campaign work, branch tally moved', real: await rateCase(env, size, options, rng) });
  cases.push(...(await reviewCases(env, size, pending)));
  cases.push({
    action: 'story.campaignRanking',
    label: `largest campaign (${size / 2 / CAMPAIGNS} works)`,
    real: await rankingCase(env, options),
  });
  options.log(`  story @ ${size}: rate, review and ranking done`);
  env.store.close();
  return { size, setupMs, cases };
}

export const storyScenario: Scenario = { name: 'story', run };
