/**
 * 六个一 statistics at scale (issue 14; ARCHITECTURE.md, "Statistics" and "Budgets"): `size` members over
 * up to 400 branches, written straight into the store with the events a year of the programme leaves:
 * ≈3 check-ins each (two at activities their branch held, counting for an item, with 学时; one base
 * visit), a sign-up each (one in twenty a no-show), about one approved work each (some awarded),
 * confirmed and pending 自报, and an 11,000-in-300,000 share of submitted contest attempts, all in the
 * seed's programme of the year. Then:
 * - the full recompute the org admin starts (`stats.recompute`), carried on by the `cron` job
 *   (continueRecompute) slice by slice until every branch is built: its wall time on the emulator, and
 *   per slice its DB requests, none returning or writing more than a thousand documents;
 * - the aggregator (`cron` aggregateStats) after 1,000 new check-ins across the org, run after run until
 *   no branch waits;
 * - the hot reads over what they built: myProgress, branchDashboard, orgRanking, behindMembers, whose
 *   DB requests must not grow with the size;
 * - the 台账 export of every branch (`stats.exportLedger`).
 */
import cloud from 'wx-server-sdk';
import { seededRng, type Rng } from '../../../core/quiz';
import { memberDoc, seedActivity, seedStore, SEED_CONTEST_ID } from '../../../emulator/seed';
import { seedBases } from '../../../emulator/seed/bases';
import { seedProgrammeDoc } from '../../../emulator/seed/programme';
import {
  checkinDoc,
  selfReportSlot,
  storyDoc,
  type ActivityDoc,
  type AttemptDoc,
  type CheckinDoc,
  type OrgDoc,
  type ProgrammeDoc,
  type SelfReportDoc,
  type SignUpDoc,
  type StatsStateDoc,
} from '../../../server/documents';
import { createLogger } from '../../../server/kernel/log';
import type { TimerJob } from '../../../server/kernel/timer';
import { AGGREGATOR_STATE_ID, EVENT_STREAMS } from '../../../server/stats/aggregate';
import { recomputeStateId } from '../../../server/stats/recompute';
import { aggregateStats } from '../../../cloudfunctions/cron/jobs/aggregateStats.job';
import { continueRecomputes } from '../../../cloudfunctions/cron/jobs/continueRecompute.job';
import { BRANCHES_PER_STEP } from '../../../cloudfunctions/stats/handlers/exportLedger.handler';
import { STORY_KINDS, type ActivityKind, type ProgrammeItemKey } from '../../../types/labels';
import { MAX_DOCS_PER_GET } from '../../../server/kernel/db';
import { createBenchEnv, insertSliced, slowSamples, type BenchEnv } from '../env';
import type { BenchOptions, CaseResult, Sample, Scenario, ScenarioRun } from '../types';
import { dayOf } from '../shanghaiDays';

const MAX_BRANCHES = 400;
/** 11,000 contest participants in an org of 300,000. */
const CONTEST_SHARE = 11_000 / 300_000;
const NEW_EVENTS = 1_000;
const MEMBERS_PER_INSERT = 10_000;
/** 400 branches touched, 150 rebuilt a run: three runs; more means the backlog does not drain. */
const MAX_AGGREGATOR_RUNS = 6;
const ORG_ADMIN = 'demo-admin';
const PAGE_SIZE = 20;
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** The activities each branch held, and the item a check-in at each counts for. */
const BRANCH_ACTIVITIES: { kind: ActivityKind; countsFor: ProgrammeItemKey; studyHours: number }[] = [
  { kind: 'lesson', countsFor: 'lesson', studyHours: 2 },
  { kind: 'story_talk', countsFor: 'story', studyHours: 1.5 },
  { kind: 'film', countsFor: 'film', studyHours: 2 },
  { kind: 'visit', countsFor: 'visit', studyHours: 4 },
];

/** 50 branches for small orgs, 250 members a branch up to 400 branches (100,000 members), then larger branches. */
export function branchCount(size: number): number {
  return Math.min(MAX_BRANCHES, Math.max(50, Math.round(size / 250)));
}

interface Layout {
  size: number;
  branches: number;
  programme: ProgrammeDoc;
  now: Date;
  /** Per branch, the activities it held (BRANCH_ACTIVITIES order): built once, read for every member's check-ins. */
  activities: ActivityDoc[][];
}

const branchIndexOf = (layout: Layout, index: number) => index % layout.branches;
const branchOf = (layout: Layout, index: number) => `bench-branch-${branchIndexOf(layout, index)}`;
const openidOf = (index: number) => `bench-stats-${index}`;
const memberIdOf = (index: number) => `m-${openidOf(index)}`;
const nameOf = (index: number) => `党员${index}`;
const activityIdOf = (branchIndex: number, ordinal: number) => `bench-stats-activity-${branchIndex}-${ordinal}`;
/** Member i < branches is the secretary of branch i. */
const secretaryOf = (branchIndex: number) => openidOf(branchIndex);

/** An instant in the programme's window before the data set's "now", `fraction` of the way through (0–1). */
function inWindow(layout: Pick<Layout, 'programme' | 'now'>, fraction: number): Date {
  const from = layout.programme.startsAt.getTime();
  const to = Math.min(layout.programme.endsAt.getTime(), layout.now.getTime() - DAY_MS);
  return new Date(from + Math.floor(fraction * (to - from)));
}

function branchActivity(layout: Omit<Layout, 'activities'>, branchIndex: number, ordinal: number): ActivityDoc {
  const spec = BRANCH_ACTIVITIES[ordinal]!;
  const startAt = inWindow(layout, (ordinal + 1) / (BRANCH_ACTIVITIES.length + 1) - (branchIndex % 10) / 100);
  const past = new Date(layout.now.getTime() - 30 * DAY_MS);
  return {
    ...seedActivity(layout.now),
    _id: activityIdOf(branchIndex, ordinal),
    kind: spec.kind,
    title: `基准支部 ${branchIndex} ${spec.kind}`,
    branchId: `bench-branch-${branchIndex}`,
    audience: [`bench-branch-${branchIndex}`],
    capacity: null,
    countsFor: spec.countsFor,
    studyHours: spec.studyHours,
    status: 'finished',
    startAt,
    endAt: new Date(startAt.getTime() + 3 * HOUR_MS),
    signUpDeadline: new Date(startAt.getTime() - DAY_MS),
    createdAt: past,
    updatedAt: past,
    publishedAt: past,
  };
}

/** Member i attended two of their branch's activities (i mod 4 and the next) and visited a base. */
function memberCheckins(layout: Layout, index: number): CheckinDoc[] {
  const person = { _id: memberIdOf(index), branchId: branchOf(layout, index), name: nameOf(index) };
  const branchIndex = branchIndexOf(layout, index);
  const attended = [index % BRANCH_ACTIVITIES.length, (index + 1) % BRANCH_ACTIVITIES.length].map((ordinal) => {
    const activity = layout.activities[branchIndex]![ordinal]!;
    const checkedInAt = new Date(activity.startAt.getTime() - 10 * MINUTE_MS + (index % 20) * MINUTE_MS);
    return checkinDoc(person, checkedInAt, {
      _id: `a_${activity._id}_${person._id}`,
      kind: 'activity',
      activityId: activity._id,
      baseId: null,
      placeName: activity.title,
      method: 'code',
      day: dayOf(checkedInAt),
      countsFor: activity.countsFor,
      checkedOutAt: new Date(checkedInAt.getTime() + 3 * HOUR_MS),
      presentMinutes: 170,
      studyHours: activity.studyHours,
    });
  });
  const base = seedBases[index % seedBases.length]!;
  const visitedAt = inWindow(layout, (index % 997) / 997);
  const visit = checkinDoc(person, visitedAt, {
    _id: `b_${base.id}_${dayOf(visitedAt)}_${person._id}`,
    kind: 'base',
    activityId: null,
    baseId: base.id,
    placeName: base.name,
    method: 'base',
    day: dayOf(visitedAt),
    countsFor: 'visit',
  });
  return [...attended, visit];
}

/** The place member i held: at the first activity they attended, or (one in twenty) at one they missed. */
function memberSignUp(layout: Layout, index: number): SignUpDoc {
  const ordinal = index % 20 === 0 ? (index + 2) % BRANCH_ACTIVITIES.length : index % BRANCH_ACTIVITIES.length;
  const activity = layout.activities[branchIndexOf(layout, index)]![ordinal]!;
  return {
    _id: `${activity._id}_${memberIdOf(index)}`,
    activityId: activity._id,
    memberId: memberIdOf(index),
    branchId: branchOf(layout, index),
    name: nameOf(index),
    status: 'signed',
    signedUpAt: new Date(activity.startAt.getTime() - 2 * DAY_MS),
    updatedAt: new Date(activity.startAt.getTime() - 2 * DAY_MS),
    leaveReason: null,
    addedBy: null,
    subscribeCredits: 0,
  };
}

/** About one approved work a member (every 25th has none), one in fifty awarded. */
function memberWork(layout: Layout, index: number) {
  const approvedAt = inWindow(layout, ((index * 7) % 1000) / 1000);
  const author = { _id: memberIdOf(index), name: nameOf(index), branchId: branchOf(layout, index), branchName: '' };
  const submittedAt = new Date(approvedAt.getTime() - DAY_MS);
  return storyDoc(author, submittedAt, {
    _id: `bench-stats-story-${index}`,
    kind: STORY_KINDS[index % STORY_KINDS.length]!,
    status: index % 25 === 24 ? 'pending' : 'approved',
    title: `红色故事 ${index}`,
    words: 60,
    version: 1,
    submittedAt,
    approvedAt: index % 25 === 24 ? null : approvedAt,
    updatedAt: approvedAt,
    selectionState: index % 50 === 0 ? 'selected' : null,
    selection: index % 50 === 0 ? { award: 'excellent', byId: `m-${ORG_ADMIN}`, at: approvedAt } : null,
  });
}

/** Every fifth member reported a book, confirmed; every seventeenth a film, still pending. */
function memberReports(layout: Layout, index: number): SelfReportDoc[] {
  const reports: SelfReportDoc[] = [];
  const report = (item: ProgrammeItemKey, confirmed: boolean): SelfReportDoc => {
    const reportedAt = inWindow(layout, ((index * 13) % 1000) / 1000);
    return {
      _id: `bench-stats-report-${item}-${index}`,
      programmeId: layout.programme._id,
      memberId: memberIdOf(index),
      branchId: branchOf(layout, index),
      memberName: nameOf(index),
      item,
      title: item === 'book' ? '《红星照耀中国》' : '《建国大业》',
      note: '',
      photoFileId: `cloud://bench/self-reports/${index}-${item}.jpg`,
      status: confirmed ? 'confirmed' : 'pending',
      slot: selfReportSlot(layout.programme._id, memberIdOf(index), item),
      reportedAt,
      decidedAt: confirmed ? new Date(reportedAt.getTime() + DAY_MS) : null,
      decidedBy: confirmed ? `m-${secretaryOf(branchIndexOf(layout, index))}` : null,
      reason: '',
    };
  };
  if (index % 5 === 0) reports.push(report('book', true));
  if (index % 17 === 0) reports.push(report('film', false));
  return reports;
}

/** Contest participant k is member ⌊k / share⌋, so every branch has some. */
function attempt(layout: Layout, participant: number, rng: Rng): Omit<AttemptDoc, 'orders' | 'chosen'> {
  const index = Math.min(layout.size - 1, Math.floor(participant / CONTEST_SHARE));
  const score = 5 * Math.floor(rng() * 21);
  const submittedAt = inWindow(layout, 0.9 + rng() * 0.09);
  const startedAt = new Date(submittedAt.getTime() - 5 * MINUTE_MS);
  return {
    _id: `bench-stats-attempt-${participant}`,
    contestId: SEED_CONTEST_ID,
    memberId: memberIdOf(index),
    branchId: branchOf(layout, index),
    attemptNo: 1,
    status: 'submitted',
    startedAt,
    deadline: new Date(startedAt.getTime() + 10 * MINUTE_MS),
    graceMs: 10_000,
    key: [],
    counts: 'best',
    showExplanations: true,
    receivedAt: submittedAt,
    submittedAt,
    onTime: true,
    durationMs: 5 * MINUTE_MS,
    score,
    maxScore: 100,
    correctCount: score / 5,
  };
}

function buildDataSet(env: BenchEnv, layout: Layout, rng: Rng): void {
  seedStore(env.store, layout.now);
  const { size, branches } = layout;
  const past = new Date(layout.now.getTime() - 30 * DAY_MS);
  const perBranch = (b: number) => Math.floor(size / branches) + (b < size % branches ? 1 : 0);
  env.store.insertMany(
    'orgs',
    Array.from({ length: branches }, (_, b): OrgDoc & Record<string, unknown> => ({
      _id: `bench-branch-${b}`,
      name: `基准第${b + 1}党支部`,
      kind: 'branch',
      parentId: 'org-committee',
      order: 100 + b,
      activeMemberCount: perBranch(b),
    })),
  );
  env.store.insertMany(
    'activities',
    layout.activities.flat().map((activity) => ({ ...activity })),
  );
  insertSliced(env, 'members', size, (index) => ({
    ...memberDoc(
      { openid: openidOf(index), name: nameOf(index), branchId: branchOf(layout, index), role: index < branches ? 'secretary' : 'member' },
      past,
    ),
  }));
  /** Each member's documents, a slice of members at a time (insertSliced writes one document per index). */
  const perMember = (collection: string, make: (index: number) => object[]) => {
    for (let from = 0; from < size; from += MEMBERS_PER_INSERT) {
      const batch: object[] = [];
      for (let index = from; index < Math.min(size, from + MEMBERS_PER_INSERT); index += 1) batch.push(...make(index));
      env.store.insertMany(collection, batch as Record<string, unknown>[]);
    }
  };
  perMember('checkins', (index) => memberCheckins(layout, index));
  perMember('sign_ups', (index) => [memberSignUp(layout, index)]);
  perMember('stories', (index) => [memberWork(layout, index)]);
  perMember('self_reports', (index) => memberReports(layout, index));
  insertSliced(env, 'attempts', Math.round(size * CONTEST_SHARE), (participant) => ({ ...attempt(layout, participant, rng) }));
}

/** Runs a `cron` job as the trigger would, at `now`, recording its DB requests. */
async function runJob(env: BenchEnv, job: TimerJob, now: Date): Promise<Sample & { counts: Record<string, number> }> {
  const log = createLogger({ fn: 'cron', job: job.name });
  const started = performance.now();
  const { result, requests } = await env.store.record(() => job.run({ db: cloud.database(), now, log }));
  return { requests, ms: performance.now() - started, counts: result };
}

/** The recompute reads and writes in requests of a thousand documents at most (CloudBase's limit on a get). */
function assertRequestSizes(what: string, samples: readonly Sample[]): void {
  for (const sample of samples) {
    const over = sample.requests.find((request) => request.returned > MAX_DOCS_PER_GET || request.written > MAX_DOCS_PER_GET);
    if (over)
      throw new Error(`${what}: ${over.action} ${over.collection} moved ${Math.max(over.returned, over.written)} documents in one request`);
  }
}

async function readState(env: BenchEnv, id: string): Promise<StatsStateDoc | null> {
  const { value } = await env.naive(async (db) => {
    const reply = (await db.collection('stats_state').where({ _id: id }).get()) as unknown as { data: StatsStateDoc[] };
    return reply.data[0] ?? null;
  });
  return value;
}

/** The org admin starts the recompute; the `cron` job carries it on, a slice per run, until no branch is left. */
async function recomputeCases(env: BenchEnv, layout: Layout, options: BenchOptions): Promise<CaseResult[]> {
  await env.call(ORG_ADMIN, 'stats', 'recompute', { programmeId: layout.programme._id, restart: true });
  const slices: Sample[] = [];
  for (let minute = 1; ; minute += 1) {
    const slice = await runJob(env, continueRecomputes, new Date(layout.now.getTime() + minute * MINUTE_MS));
    slices.push(slice);
    options.log(
      `  stats @ ${layout.size}: recompute slice ${minute}: ${slice.counts.branches} branches, ${slice.counts.campaigns} campaigns' tallies, ${slice.counts.brandProgrammes ?? 0} 四红 programmes' tallies, ${(slice.ms / 1000).toFixed(1)} s`,
    );
    const state = await readState(env, recomputeStateId(layout.programme._id));
    if (state?.phase === 'done') break;
    if (slice.counts.branches === 0 && slice.counts.campaigns === 0 && (slice.counts.brandProgrammes ?? 0) === 0)
      throw new Error('stats recompute: a slice moved nothing on and the recompute is not done');
  }
  assertRequestSizes('stats recompute', slices);
  const whole: Sample = { requests: slices.flatMap((s) => s.requests), ms: slices.reduce((sum, s) => sum + s.ms, 0) };
  const branches = layout.branches + 5;
  return [
    {
      action: 'cron.continueRecompute',
      label: `full recompute, ${branches} branches: all ${slices.length} slices`,
      real: [whole],
      outsideTimeoutCheck: 'several cron runs',
    },
    {
      action: 'cron.continueRecompute',
      label: 'one slice',
      real: slices,
      outsideTimeoutCheck: 'a slice starts no branch after its wall-time share of the run (continueRecompute.job.ts)',
    },
  ];
}

/**
 * As if the aggregator had kept up so far: its watermarks at the data set's last events. Then 1,000
 * check-ins at an org-wide activity, by members of every branch, runs a minute apart until no branch
 * waits, and a run half an hour later with nothing new.
 */
async function aggregatorCases(env: BenchEnv, layout: Layout, rng: Rng, options: BenchOptions): Promise<CaseResult[]> {
  const caughtUp = new Date(layout.now.getTime() - 5 * MINUTE_MS);
  const state: StatsStateDoc = {
    _id: AGGREGATOR_STATE_ID,
    watermarks: Object.fromEntries(EVENT_STREAMS.map((stream) => [stream.name, caughtUp])),
    updatedAt: caughtUp,
  };
  const { _id, ...fields } = state;
  await env.naive(async (db) => {
    await db.collection('stats_state').doc(_id).set({ data: fields });
  });
  const at = new Date(layout.now.getTime() - MINUTE_MS);
  const newcomers = new Set<number>();
  while (newcomers.size < Math.min(NEW_EVENTS, layout.size)) newcomers.add(Math.floor(rng() * layout.size));
  env.store.insertMany(
    'checkins',
    [...newcomers].map((index) => ({
      ...checkinDoc({ _id: memberIdOf(index), branchId: branchOf(layout, index), name: nameOf(index) }, at, {
        _id: `a_bench-stats-new_${memberIdOf(index)}`,
        kind: 'activity',
        activityId: 'bench-stats-new',
        baseId: null,
        placeName: '全院主题党日',
        method: 'code',
        day: dayOf(at),
        countsFor: 'lesson',
        studyHours: 2,
        receivedAt: new Date(at.getTime() + (index % 1000)),
      }),
    })),
  );
  const aggregate = async (minute: number) => {
    const run = await runJob(env, aggregateStats, new Date(layout.now.getTime() + minute * MINUTE_MS));
    options.log(
      `  stats @ ${layout.size}: aggregator at +${minute} min: ${run.counts.events} events, ${run.counts.branches} branches rebuilt, ${run.counts.deferred} deferred, ${(run.ms / 1000).toFixed(1)} s`,
    );
    return run;
  };
  // A minute apart while branches wait (MAX_BRANCHES_PER_RUN defers the rest), then one run half an hour later with nothing new.
  const runs: Sample[] = [];
  let minute = 60;
  for (;;) {
    minute += 1;
    const run = await aggregate(minute);
    runs.push(run);
    if (run.counts.deferred === 0 || runs.length >= MAX_AGGREGATOR_RUNS) break;
  }
  const idle = await aggregate(minute + 30);
  assertRequestSizes('stats aggregator', [...runs, idle]);
  return [
    {
      action: 'cron.aggregateStats',
      label: `after ${NEW_EVENTS} new check-ins, a run a minute until none waits (${runs.length})`,
      real: runs,
      outsideTimeoutCheck: 'a run starts no branch after its wall-time share (AGGREGATE_BUDGET_MS, server/stats/aggregate.ts)',
    },
    { action: 'cron.aggregateStats', label: '30 min later, no new event', real: [idle] },
  ];
}

async function measure(times: number, call: (sample: number) => Promise<Sample>): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (let sample = 0; sample < times; sample += 1) samples.push(await call(sample));
  return samples;
}

async function readCases(env: BenchEnv, layout: Layout, rng: Rng, options: BenchOptions): Promise<CaseResult[]> {
  const member = () => openidOf(Math.floor(rng() * layout.size));
  const secretary = () => secretaryOf(Math.floor(rng() * layout.branches));
  const programmeId = layout.programme._id;
  const progress = await measure(options.samples, async () => {
    const call = await env.call(member(), 'stats', 'myProgress', {});
    if (call.data.asOf === null) throw new Error('stats.myProgress: no progress built for a member');
    return call;
  });
  const dashboards = await measure(options.samples, async () => {
    const call = await env.call(secretary(), 'stats', 'branchDashboard', {});
    if (call.data.summary === null || call.data.summary.members === 0) throw new Error('stats.branchDashboard: an empty branch');
    return call;
  });
  const rankings = await measure(options.samples, async () => {
    const call = await env.call(ORG_ADMIN, 'stats', 'orgRanking', { programmeId });
    if (call.data.branches.length < layout.branches) throw new Error(`stats.orgRanking: ${call.data.branches.length} branches`);
    return call;
  });
  const behind = await measure(options.samples, (sample) =>
    env.call(secretary(), 'stats', 'behindMembers', { pageSize: PAGE_SIZE, ...(sample % 2 === 0 ? {} : { item: 'reflection' }) }),
  );
  const perBranch = Math.round(layout.size / layout.branches);
  return [
    { action: 'stats.myProgress', label: 'random member', real: progress },
    { action: 'stats.branchDashboard', label: `own branch (≈${perBranch} members)`, real: dashboards },
    { action: 'stats.orgRanking', label: `${layout.branches + 5} branches`, real: rankings },
    { action: 'stats.behindMembers', label: `first page, all / by item (≈${perBranch} members)`, real: behind },
  ];
}

async function exportCase(env: BenchEnv, layout: Layout, options: BenchOptions): Promise<CaseResult> {
  // Each export of the largest org builds a workbook of every member: fewer samples as it grows.
  const samples = layout.size >= 100_000 ? 1 : slowSamples(options);
  const exports = await measure(samples, async (sample) => {
    const call = await env.call(ORG_ADMIN, 'stats', 'exportLedger', { programmeId: layout.programme._id, jobId: `bench-ledger-${sample}` });
    if (call.data.branches !== layout.branches + 5) throw new Error(`stats.exportLedger: ${call.data.branches} branches`);
    const bytes = env.files.get(call.data.fileId)?.length ?? 0;
    options.log(`  stats @ ${layout.size}: 台账 ${(bytes / 1024 / 1024).toFixed(1)} MB in ${(call.ms / 1000).toFixed(1)} s`);
    // The branches' progress is read BRANCHES_PER_STEP side by side; the rest one after another.
    const sideBySide = call.requests.filter((request) => request.collection === 'programme_progress').length;
    return { ...call, chain: call.requests.length - sideBySide + Math.ceil(sideBySide / BRANCHES_PER_STEP) };
  });
  return { action: 'stats.exportLedger', label: `every branch (${layout.size.toLocaleString('en-US')} members)`, real: exports };
}

async function run(size: number, options: BenchOptions): Promise<ScenarioRun> {
  const rng = seededRng(`bench-stats-${size}`);
  const env = createBenchEnv();
  const now = new Date();
  const shape = { size, branches: branchCount(size), programme: seedProgrammeDoc(now), now };
  const layout: Layout = {
    ...shape,
    activities: Array.from({ length: shape.branches }, (_, b) =>
      BRANCH_ACTIVITIES.map((_spec, ordinal) => branchActivity(shape, b, ordinal)),
    ),
  };
  const setupStarted = performance.now();
  buildDataSet(env, layout, rng);
  const setupMs = performance.now() - setupStarted;
  options.log(
    `  stats @ ${size}: data set built in ${(setupMs / 1000).toFixed(1)} s (${layout.branches} branches, ${env.store.count('checkins')} check-ins, ${env.store.count('stories')} works, ${env.store.count('attempts')} attempts, ${env.store.count('self_reports')} 自报)`,
  );
  const cases = await recomputeCases(env, layout, options);
  options.log(
    `  stats @ ${size}: recompute built ${env.store.count('programme_progress')} progress documents, each with its points ledger`,
  );
  cases.push(...(await readCases(env, layout, rng, options)));
  options.log(`  stats @ ${size}: reads done`);
  cases.push(await exportCase(env, layout, options));
  cases.push(...(await aggregatorCases(env, layout, rng, options)));
  env.store.close();
  return { size, setupMs, cases };
}

export const statsScenario: Scenario = { name: 'stats', defaultSizes: [1_000, 10_000], run };
