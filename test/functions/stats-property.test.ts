/**
 * Issue 14's property: whatever members do, in whatever order, and whenever the aggregator happens to
 * run, the numbers it leaves are the numbers a full recompute builds — and a full recompute lands on
 * the same numbers however it is cut short and resumed, and writes nothing when run again.
 *
 * Each case is a fresh seeded environment and a random sequence of calls to the real functions:
 * sign-ups, their cancellation or 请假, 签到 / 签退 by the rotating code, 补录, a base visit, contest
 * attempts handed in or abandoned past their deadline, 每日一练 drawn and handed in (or left open),
 * 心得 and 红色故事 written, submitted and reviewed, 读书 / 观影 self-reports confirmed or declined, a member's 注销 — with `cron` (the
 * aggregator among its jobs) run at random points and the clock moved on between calls, so
 * activities open, end and turn places into no-shows along the way. Calls the rules refuse stay in
 * the sequence, as they do in life. Every `cron` run comes after new events in every stream in a
 * branch where nobody acts (trafficElsewhere), as under a city's load: otherwise each run would
 * re-read the seed's last events and rebuild the actors' branches anyway, hiding any change the
 * aggregator cannot find by time — which is how this test found two (see the examples at the end).
 *
 * The comparison: after a last `cron` run the stored progress, ledger and branch summaries of the
 * programme are read (without their `updatedAt` stamps); then they are removed and a recompute
 * (started by `stats.recompute`, carried on slice by slice by continueRecompute as `cron` does)
 * rebuilds them from the events alone. Removing first is what makes it a build from scratch: a
 * recompute over the aggregator's documents would only diff against them. The two must be equal.
 * Then the numbers are removed again and a recompute is run one branch a slice for k slices, cut off
 * by a failed write in the next (lost before or after the server applied it) and resumed: it must
 * land on the same numbers. A last recompute over those, at the same instant, writes nothing but its
 * own state.
 */
import cloud from 'wx-server-sdk';
import fc from 'fast-check';
import { memberDoc, PENDING_SELF_REPORT_ID, PENDING_STORY_ID, seedProgrammeId, SEED_CONTEST_ID } from '../../emulator/seed';
import type { FaultKind } from '../../emulator/faults';
import {
  checkinDoc,
  practiceDayId,
  progressId,
  storyDoc,
  type PracticeDayDoc,
  type ProgressDoc,
  type SelfReportDoc,
} from '../../server/documents';
import { shanghaiDay } from '../../core/time';
import { continueRecompute, recomputeStateId, RUNNING_PHASES } from '../../server/stats/recompute';
import { findState } from '../../server/stats/state.repository';
import { listBranches } from '../../server/orgs.repository';
import { listCampaignIds } from '../../server/campaignTally.repository';
import { listBrandProgrammeIds } from '../../server/brandTally.repository';
import { useServerClock } from '../support/clock';
import { createTestEnv, type TestEnv } from '../support/localEnv';
import { perfectAnswers } from '../support/quiz';
import { activityDoc, after, signUpDoc } from './activity-manage.fixtures';
import { placeActivity } from './activity-signup.fixtures';
import { BASE_ID, BASE_POINT, HALL, HALL_FENCE, MINUTE } from './checkin.fixtures';
import { documentsOf, storedPhoto } from './stats-programmes.fixtures';
import { removeNumbers, runCron, storedNumbers } from './stats-numbers.fixtures';
import { reflection, text } from './story.fixtures';

const START = new Date('2026-11-23T02:00:00Z');
const PROGRAMME_ID = seedProgrammeId(START);
const clock = useServerClock(START);

/** Members of three branches who act, the first three (one in each) also at activities; the org admin reviews and confirms for all. */
const MEMBERS = ['demo-member', 'seed-member-07', 'seed-member-08', 'seed-member-01', 'seed-member-12'] as const;
const ADMIN = 'demo-admin';
/** The branch where the rest of the city's traffic happens (trafficElsewhere). */
const ELSEWHERE = 'branch-5';

/**
 * Three activities open to the actors' branches, 40 minutes apart, so that wherever a sequence's clock is,
 * one takes sign-ups while another takes check-ins and an earlier one has ended (its places left
 * signed become no-shows): 第二党支部's 观影, 第一党支部's 党课, the org's 参观.
 */
const ACTIVITIES = [
  { _id: 'act-film', kind: 'film', organiser: 'seed-member-02', branchId: 'branch-2', opensAtMinute: 0, studyHours: 1.5 },
  { _id: 'act-lesson', kind: 'lesson', organiser: 'demo-secretary', branchId: 'branch-1', opensAtMinute: 40, studyHours: 2 },
  { _id: 'act-visit', kind: 'visit', organiser: 'demo-admin', branchId: null, opensAtMinute: 80, studyHours: 1 },
] as const;

function placeActivities(env: TestEnv): void {
  for (const { _id, kind, organiser, branchId, opensAtMinute, studyHours } of ACTIVITIES) {
    const at = (minute: number) => after(START, (opensAtMinute + minute) * MINUTE);
    placeActivity(env, START, {
      _id,
      kind,
      branchId,
      audience: ['branch-1', 'branch-2', 'branch-3'],
      createdBy: `m-${organiser}`,
      countsFor: kind,
      studyHours,
      signUpDeadline: at(25),
      startAt: at(35),
      endAt: at(65),
      checkinFence: HALL_FENCE,
    });
  }
}

/** The first activity still taking sign-ups or scans: most steps about a place are about it, so they follow on from each other. */
function currentActivity(): (typeof ACTIVITIES)[number] {
  const stillOpen = ACTIVITIES.find(({ opensAtMinute }) => clock.now() < after(START, (opensAtMinute + 65 + 60) * MINUTE));
  return stillOpen ?? ACTIVITIES[ACTIVITIES.length - 1]!;
}

/** Where a member's place at an activity stands, as far as the sequence got. */
type Place = 'none' | 'signed' | 'leave' | 'in';
type PlaceMove = 'signUp' | 'cancelSignUp' | 'requestLeave' | 'scanIn' | 'backfill' | 'scanOut';

/**
 * What a member may do next about an activity, by where their place stands (a walk-in checks in
 * without signing up; the organiser back-fills anyone); a step's `choice` picks one. Random single
 * calls would almost never cancel a place they hold or check out after checking in.
 */
const MOVES: Record<Place, PlaceMove[]> = {
  none: ['signUp', 'signUp', 'scanIn', 'backfill'],
  signed: ['cancelSignUp', 'requestLeave', 'cancelSignUp', 'requestLeave', 'scanIn', 'backfill'],
  leave: ['scanIn', 'backfill'],
  in: ['scanOut'],
};
const PLACE_AFTER: Record<PlaceMove, Place> = {
  signUp: 'signed',
  cancelSignUp: 'none',
  requestLeave: 'leave',
  scanIn: 'in',
  backfill: 'in',
  scanOut: 'in',
};

type Step =
  /** `activity` past the list's end: the current one. */
  | { kind: 'place'; who: number; activity: number; choice: number }
  | { kind: 'visitBase' | 'deleteMine'; who: number }
  | { kind: 'quiz'; who: number; answers: 'perfect' | 'blank' | 'abandon' }
  /** Today's 每日一练 drawn, and handed in unless `handIn` is false (a set left open earns nothing). */
  | { kind: 'practice'; who: number; handIn: boolean }
  | { kind: 'write'; who: number; storyKind: 'reflection' | 'story' }
  | { kind: 'review'; pick: number; approve: boolean }
  | { kind: 'selfReport'; who: number; item: 'book' | 'film' }
  | { kind: 'decide'; pick: number; accept: boolean }
  | { kind: 'cron' }
  /** Time passes, and `cron` may have run at its end, as it does every minute in production. */
  | { kind: 'wait'; minutes: number; thenCron: boolean };

const who = fc.nat({ max: MEMBERS.length - 1 });
const pick = fc.nat({ max: 20 });
/** Mostly a few minutes, now and then most of an activity. */
const minutes = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 10 }) },
  { weight: 1, arbitrary: fc.integer({ min: 20, max: 80 }) },
);
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 16,
    arbitrary: fc.record({
      kind: fc.constant('place'),
      who: fc.nat({ max: 2 }),
      activity: fc.nat({ max: ACTIVITIES.length }),
      choice: fc.nat({ max: 59 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('visitBase', 'deleteMine'), who }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('quiz'), who, answers: fc.constantFrom('perfect', 'blank', 'abandon') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('practice'), who, handIn: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('write'), who, storyKind: fc.constantFrom('reflection', 'story') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('review'), pick, approve: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('selfReport'), who, item: fc.constantFrom('book', 'film') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('decide'), pick, accept: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('cron') }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('wait'), minutes, thenCron: fc.boolean() }) },
);

/** A cut in the middle of a recompute's slice: the first such write of the slice fails, applied or not. */
const cut = fc.record({
  afterSlices: fc.nat({ max: 4 }),
  collection: fc.constantFrom('programme_progress', 'programme_branches', 'stats_state'),
  fault: fc.constantFrom<FaultKind>('connectTimeout', 'readTimeout'),
});

/**
 * The rest of the city going on meanwhile: a new event in every stream the aggregator follows, in
 * 离退休党支部 (where no actor is), as of now. Without it the streams' watermarks would stay on the
 * seed's last events, whose re-read every run rebuilds the actors' branches anyway and would hide an
 * event the aggregator cannot find by time; with it a run reads only what is new, as under real load.
 */
function trafficElsewhere(env: TestEnv, now: Date, n: number): void {
  const member = memberDoc({ openid: `elsewhere-${n}`, name: '离退休党员', branchId: ELSEWHERE }, now);
  const author = { ...member, branchName: '离退休党支部' };
  const place = {
    _id: `elsewhere-${n}`,
    kind: 'base' as const,
    activityId: null,
    baseId: BASE_ID,
    placeName: '陈树湘纪念馆',
    method: 'base' as const,
  };
  const insert = (collection: string, doc: object) => env.store.insertMany(collection, [{ ...doc }]);
  insert('members', member);
  insert('checkins', checkinDoc(member, now, place));
  insert(
    'stories',
    storyDoc(author, now, { _id: `elsewhere-${n}`, kind: 'reflection', status: 'pending', submittedAt: now, body: text(80) }),
  );
  insert('attempts', {
    _id: `elsewhere-${n}`,
    ...{ contestId: SEED_CONTEST_ID, memberId: member._id, branchId: ELSEWHERE, attemptNo: 1, status: 'submitted' },
    ...{ startedAt: now, receivedAt: now, submittedAt: now, score: 60, maxScore: 100 },
  });
  const report: SelfReportDoc = {
    ...{ _id: `elsewhere-${n}`, programmeId: PROGRAMME_ID, memberId: member._id, branchId: ELSEWHERE, memberName: member.name },
    ...{ item: 'book', title: '《红岩》', note: '', photoFileId: '', status: 'confirmed', slot: `elsewhere-${n}` },
    ...{ reportedAt: now, decidedAt: now, decidedBy: 'm-demo-admin', reason: '' },
  };
  insert('self_reports', report);
  insert('sign_ups', signUpDoc(ACTIVITIES[0]._id, member, 'signed', now));
  const day = shanghaiDay(now);
  const practiceDay: PracticeDayDoc = {
    ...{ _id: practiceDayId(member._id, day), memberId: member._id, branchId: ELSEWHERE, day, status: 'submitted', createdAt: now },
    ...{ items: [], orders: {}, submittedAt: now, correctCount: 0, pointsEarned: 0, chosen: {} },
  };
  insert('practice_days', practiceDay);
  insert('activities', activityDoc(now, { _id: `elsewhere-${n}`, branchId: ELSEWHERE, audience: [ELSEWHERE], updatedAt: now }));
}

/** A `cron` run as under real load: the rest of the city has just written something in every stream. */
async function cronUnderLoad(env: TestEnv, made: Made): Promise<void> {
  made.elsewhere += 1;
  trafficElsewhere(env, clock.now(), made.elsewhere);
  await runCron(env, clock.now());
}

/** What a sequence made so far, for later steps to name: places, works to review, reports to decide (the seed's pending ones first), traffic elsewhere. */
interface Made {
  places: Map<string, Place>;
  works: string[];
  reports: string[];
  elsewhere: number;
}

/** Which steps went through across all cases: the property is only as good as the events it really made. */
const succeeded = new Set<string>();
/** Each must have gone through in some case (a place given up either way: cancelled before the deadline or 请假 after). */
const EVENTS_MADE: string[][] = [
  ['signUp'],
  ['cancelSignUp', 'requestLeave'],
  ['scanIn'],
  ['scanOut'],
  ['backfill'],
  ['visitBase'],
  ['quiz'],
  ['practice'],
  ['write'],
  ['review'],
  ['selfReport'],
  ['decide'],
  ['deleteMine'],
  ['cron'],
];

async function movePlace(env: TestEnv, member: string, activity: (typeof ACTIVITIES)[number], move: PlaceMove): Promise<boolean> {
  const id = activity._id;
  switch (move) {
    case 'signUp':
    case 'cancelSignUp':
      return (await env.call(member, 'activity', move, { id })).result.ok;
    case 'requestLeave':
      return (await env.call(member, 'activity', 'requestLeave', { id, reason: '临时出差' })).result.ok;
    case 'backfill': {
      const input = { activityId: id, memberId: `m-${member}`, reason: '现场网络不好，书记补录' };
      return (await env.call(activity.organiser, 'checkin', 'backfill', input)).result.ok;
    }
    case 'scanIn':
    case 'scanOut': {
      const direction = move === 'scanIn' ? 'in' : 'out';
      const issued = await env.call(activity.organiser, 'checkin', 'issueCode', { for: 'activity', activityId: id, direction });
      if (!issued.result.ok) return false;
      return (await env.call(member, 'checkin', 'scan', { via: 'code', code: issued.result.data.code, location: HALL })).result.ok;
    }
  }
}

/** Performs the step through the real functions; the name of what it did when that went through, else null. */
async function perform(env: TestEnv, made: Made, next: Step): Promise<string | null> {
  const member = 'who' in next ? MEMBERS[next.who]! : ADMIN;
  const done = (name: string, ok: boolean) => (ok ? name : null);
  switch (next.kind) {
    case 'place': {
      const activity = ACTIVITIES[next.activity] ?? currentActivity();
      const key = `${member}:${activity._id}`;
      const moves = MOVES[made.places.get(key) ?? 'none'];
      const move = moves[next.choice % moves.length]!;
      const ok = await movePlace(env, member, activity, move);
      if (ok) made.places.set(key, PLACE_AFTER[move]);
      return done(move, ok);
    }
    case 'visitBase':
      return done(next.kind, (await env.call(member, 'checkin', 'scan', { via: 'base', baseId: BASE_ID, location: BASE_POINT })).result.ok);
    case 'quiz': {
      // An abandoned attempt stays open until the member's next start closes it as of its deadline.
      const started = await env.call(member, 'quiz', 'start', { contestId: SEED_CONTEST_ID });
      if (!started.result.ok || next.answers === 'abandon') return done('quiz', started.result.ok);
      const { attemptId } = started.result.data;
      const answers = next.answers === 'perfect' ? await perfectAnswers(attemptId) : {};
      return done('quiz', (await env.call(member, 'quiz', 'submit', { attemptId, answers })).result.ok);
    }
    case 'practice': {
      const today = await env.call(member, 'quiz', 'practice', {});
      if (!today.result.ok || !next.handIn) return done('practice', today.result.ok);
      const input = { day: today.result.data.day, answers: {} };
      return done('practice', (await env.call(member, 'quiz', 'practiceSubmit', input)).result.ok);
    }
    case 'write': {
      const draft = next.storyKind === 'story' ? { kind: 'story' as const, title: '红军泉', body: text(80) } : reflection();
      const saved = await env.call(member, 'story', 'save', { draft });
      if (!saved.result.ok) return null;
      const { id, version } = saved.result.data.story;
      made.works.push(id);
      return done(next.kind, (await env.call(member, 'story', 'submit', { id, version })).result.ok);
    }
    case 'review': {
      const id = made.works[next.pick % made.works.length]!;
      const input = next.approve ? { id, decision: 'approve' as const } : { id, decision: 'return' as const, comment: '请补充细节' };
      return done(next.kind, (await env.call(ADMIN, 'story', 'review', input)).result.ok);
    }
    case 'selfReport': {
      const title = next.item === 'book' ? '《红岩》' : '《建国大业》';
      const photoFileId = storedPhoto(env, member, `${next.item}-${made.reports.length}`);
      const { result } = await env.call(member, 'stats', 'selfReport', { programmeId: PROGRAMME_ID, item: next.item, title, photoFileId });
      if (result.ok) made.reports.push(result.data.reportId);
      return done(next.kind, result.ok);
    }
    case 'decide': {
      const id = made.reports[next.pick % made.reports.length]!;
      const input = next.accept ? { id, accept: true } : { id, accept: false, reason: '照片看不清' };
      return done(next.kind, (await env.call(ADMIN, 'stats', 'confirmReport', input)).result.ok);
    }
    case 'deleteMine':
      return done(next.kind, (await env.call(member, 'member', 'deleteMine', { confirm: '注销' })).result.ok);
    case 'cron':
      await cronUnderLoad(env, made);
      return next.kind;
    case 'wait':
      clock.advance(next.minutes * MINUTE);
      if (next.thenCron) await cronUnderLoad(env, made);
      return next.kind;
  }
}

/** Carries the running recompute on (its branches, then its campaigns' and 四红 programmes' tallies), `maxBranches` per slice, for `limit` slices or until it is done. */
async function slices(maxBranches: number, limit = Number.POSITIVE_INFINITY): Promise<void> {
  const db = cloud.database();
  for (let count = 0; count < limit; count += 1) {
    const state = await findState(db, recomputeStateId(PROGRAMME_ID));
    if (state === null || !(RUNNING_PHASES as readonly (string | undefined)[]).includes(state.phase)) return;
    await continueRecompute(db, state, clock.now(), { maxBranches, budgetMs: Number.POSITIVE_INFINITY });
  }
}

async function startRecompute(env: TestEnv): Promise<void> {
  const started = await env.ok(ADMIN, 'stats', 'recompute', { programmeId: PROGRAMME_ID, restart: true });
  expect(started).toMatchObject({ state: 'running', processed: 0 });
}

async function expectRecomputeDone(env: TestEnv, branches: number): Promise<void> {
  const done = await env.ok(ADMIN, 'stats', 'recompute', { programmeId: PROGRAMME_ID });
  expect(done).toMatchObject({ state: 'done', processed: branches });
}

/** Documents written per collection over the requests. */
function writtenPer(requests: { collection: string; written: number }[]): Record<string, number> {
  const written: Record<string, number> = {};
  for (const request of requests)
    if (request.written > 0) written[request.collection] = (written[request.collection] ?? 0) + request.written;
  return written;
}

describe('统计的性质：增量聚合等于全量重算', () => {
  it('随机的报名、签到签退、补录、答题、每日一练、投稿审核、自报确认与注销，穿插随机时刻的聚合：最后一次聚合后的数字等于从零重算；重算中途断开再续跑结果相同；再重算一遍只写时间戳', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 15, maxLength: 45 }), cut, async (steps, interruption) => {
        clock.set(START);
        const env = createTestEnv({ now: START });
        placeActivities(env);
        const branchCount = (await listBranches(cloud.database())).length;
        const campaignCount = (await listCampaignIds(cloud.database())).length;
        const brandProgrammeCount = (await listBrandProgrammeIds(cloud.database())).length;
        const made: Made = { places: new Map(), works: [PENDING_STORY_ID], reports: [PENDING_SELF_REPORT_ID], elsewhere: 0 };
        for (const next of steps) {
          const did = await perform(env, made, next);
          if (did !== null) succeeded.add(did);
        }

        await cronUnderLoad(env, made);
        const incremental = await storedNumbers(PROGRAMME_ID);

        await removeNumbers(PROGRAMME_ID);
        await startRecompute(env);
        await slices(Number.POSITIVE_INFINITY);
        await expectRecomputeDone(env, branchCount);
        const recomputed = await storedNumbers(PROGRAMME_ID);
        expect(incremental).toEqual(recomputed);

        await removeNumbers(PROGRAMME_ID);
        await startRecompute(env);
        await slices(1, interruption.afterSlices);
        env.faults.inject({ collection: interruption.collection, action: 'database.modifyDocument' }, interruption.fault);
        env.faults.inject({ collection: interruption.collection, action: 'database.insertDocument' }, interruption.fault);
        await slices(1, 1).catch((error: unknown) => expect(String(error)).toMatch(/timeout/));
        env.faults.reset();
        await slices(1);
        await expectRecomputeDone(env, branchCount);
        expect(await storedNumbers(PROGRAMME_ID)).toEqual(recomputed);

        await startRecompute(env);
        const { requests } = await env.store.record(() => slices(Number.POSITIVE_INFINITY));
        const written = writtenPer(requests);
        // One save of the state per branch, campaign and 四红 programme recounted; the tallies were right, so nothing else.
        expect(written).toEqual({ stats_state: branchCount + campaignCount + brandProgrammeCount });
        expect(await storedNumbers(PROGRAMME_ID)).toEqual(recomputed);
      }),
      { numRuns: 25 },
    );
    expect(EVENTS_MADE.filter((kinds) => !kinds.some((kind) => succeeded.has(kind)))).toEqual([]);
    // A passing run takes about ten seconds; shrinking a failure to a short sequence takes minutes.
  }, 300_000);
});

describe('性质找到的反例', () => {
  let made: Made;
  let env: TestEnv;

  beforeEach(async () => {
    clock.set(START);
    env = createTestEnv({ now: START });
    placeActivities(env);
    made = { places: new Map(), works: [], reports: [], elsewhere: 0 };
    await cronUnderLoad(env, made);
  });

  it('签退在聚合读过签到之后才到：它记的学时在下一次聚合进入我的六个一', async () => {
    const [film] = ACTIVITIES;
    clock.set(after(START, 35 * MINUTE));
    expect(await movePlace(env, 'demo-member', film, 'scanIn')).toBe(true);
    await cronUnderLoad(env, made);
    const before = await env.ok('demo-member', 'stats', 'myProgress', { programmeId: PROGRAMME_ID });
    clock.set(after(START, 100 * MINUTE));
    await cronUnderLoad(env, made);
    expect(await movePlace(env, 'demo-member', film, 'scanOut')).toBe(true);
    await cronUnderLoad(env, made);
    const { studyHours } = await env.ok('demo-member', 'stats', 'myProgress', { programmeId: PROGRAMME_ID });
    // Present from the start to the end: 30 minutes, half an hour of 学时.
    expect(studyHours).toBe(before.studyHours + 0.5);
  });

  it('每日一练交卷后：下一次聚合记上当天的积分，条目写明日期、指向当天的练习；只抽题不交卷不记', async () => {
    // Past the seed's instant and its two minutes of overlap, so a run rebuilds only what it finds by time.
    clock.set(after(START, 10 * MINUTE));
    await cronUnderLoad(env, made);
    const today = await env.ok('demo-member', 'quiz', 'practice', {});
    await cronUnderLoad(env, made);
    const practised = async () =>
      (await env.ok('demo-member', 'stats', 'pointsLedger', { programmeId: PROGRAMME_ID, pageSize: 50 })).items.filter(
        (entry) => entry.label === '每日练习 11月23日',
      );
    expect(await practised()).toEqual([]);

    clock.advance(5 * MINUTE);
    await env.ok('demo-member', 'quiz', 'practiceSubmit', { day: today.day, answers: {} });
    await cronUnderLoad(env, made);
    expect(await practised()).toEqual([{ rule: 'practiceDay', points: 1, label: '每日练习 11月23日', at: clock.now().toISOString() }]);
    const [progress] = await documentsOf<ProgressDoc>('programme_progress', { _id: progressId(PROGRAMME_ID, 'm-demo-member') });
    const entry = progress?.ledger.find((stored) => stored.rule === 'practiceDay' && stored.label === '每日练习 11月23日');
    expect(entry?.refId).toBe(practiceDayId('m-demo-member', today.day));
  });

  it('放弃的答题到下次开始作答时才按截止时间收卷：下一次聚合记上参加竞赛的积分', async () => {
    await env.ok('demo-member', 'quiz', 'start', { contestId: SEED_CONTEST_ID });
    clock.set(after(START, 30 * MINUTE));
    await cronUnderLoad(env, made);
    clock.set(after(START, 35 * MINUTE));
    await env.ok('demo-member', 'quiz', 'start', { contestId: SEED_CONTEST_ID });
    await cronUnderLoad(env, made);
    const ledger = await env.ok('demo-member', 'stats', 'pointsLedger', { programmeId: PROGRAMME_ID, pageSize: 50 });
    expect(ledger.items).toContainEqual({
      rule: 'quizAttempt',
      points: 3,
      label: '参加知识竞赛',
      at: after(START, 10 * MINUTE).toISOString(),
    });
  });
});
