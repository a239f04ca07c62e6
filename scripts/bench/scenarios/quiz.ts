/**
 * Contest at scale (ARCHITECTURE.md, "Budgets"): `size` members have already taken the seed contest — their
 * members, contest entries (with real rankSortKeys) and submitted attempts are written straight
 * into the store — then a sample of calls goes through the real quiz function:
 * `start` + `submit` by members who have not taken part yet, the same members through a 逐题限时
 * contest (`start`, then `answerQuestion` question by question), `leaderboard` first and deep pages
 * (keyset cursor), `myRank` of random participants. Naive comparators read the whole board
 * through the SDK (1000 per get), sort it in memory and slice or search it.
 */
import { compareEntries, rankSortKey, seededRng, type Rng } from '../../../core/quiz';
import { memberDoc, seedContest, seedQuestionDocs, seedStore, SEED_CONTEST_ID } from '../../../emulator/seed';
import {
  entryId,
  PENDING_SORT_KEY,
  type AttemptDoc,
  type AttemptKeyItem,
  type ContestEntryDoc,
  type MemberDoc,
  type OrgDoc,
} from '../../../server/documents';
import type { Database } from '../../../server/kernel/db';
import { createBenchEnv, insertSliced, type BenchEnv } from '../env';
import type { BenchOptions, CaseResult, Sample, Scenario, ScenarioRun } from '../types';

const PAGE_SIZE = 50;
/** A 逐题限时 twin of the seed contest (its pool is fixed by the first start). */
const PER_QUESTION_CONTEST_ID = 'bench-per-question';
const NAIVE_PAGE = 1000;
/** Inserted in slices so the process never holds two full copies of a 100k-doc batch. */

interface Participant {
  openid: string;
  memberId: string;
  sortKey: string;
}

function branchCount(size: number): number {
  return Math.min(400, Math.max(50, Math.round(size / 250)));
}

function member(openid: string, index: number, branches: number, now: Date): MemberDoc {
  return memberDoc({ openid, name: `参赛者${index}`, branchId: `bench-branch-${index % branches}` }, now);
}

/** Writes `size` participants (+ `fresh` members who have not started) straight into the store. */
function buildDataSet(env: BenchEnv, size: number, fresh: number, rng: Rng): { participants: Participant[]; freshOpenids: string[] } {
  const now = new Date();
  seedStore(env.store, now);
  const contest = seedContest(now);
  const branches = branchCount(size);
  const perBranch = Math.ceil((size + fresh) / branches);
  const orgs: OrgDoc[] = Array.from({ length: branches }, (_, index) => ({
    _id: `bench-branch-${index}`,
    name: `基准第${index + 1}党支部`,
    kind: 'branch',
    parentId: 'org-committee',
    order: 100 + index,
    activeMemberCount: perBranch,
  }));
  env.store.insertMany(
    'orgs',
    orgs.map((org) => ({ ...org })),
  );

  env.store.insertMany('contests', [
    {
      ...contest,
      _id: PER_QUESTION_CONTEST_ID,
      title: '逐题限时基准竞赛',
      attemptsAllowed: 1,
      pace: 'perQuestion',
      secondsPerQuestion: 30,
    },
  ]);
  const freshOpenids = Array.from({ length: fresh }, (_, index) => `bench-fresh-${index}`);
  insertSliced(env, 'members', size, (index) => ({ ...member(`bench-${index}`, index, branches, now) }));
  env.store.insertMany(
    'members',
    freshOpenids.map((openid, index) => ({ ...member(openid, size + index, branches, now) })),
  );

  // A realistic attempt snapshot: 20 questions of the seed bank, 5 points each.
  const key: AttemptKeyItem[] = seedQuestionDocs(now)
    .slice(0, contest.questionCount)
    .map((q) => ({ id: q._id, type: q.type, answer: q.answer, optionCount: q.options.length, points: contest.pointsPerQuestion }));
  const window = now.getTime() - 60_000 - contest.startAt.getTime();
  const participants: Participant[] = [];
  const standings: { score: number; durationMs: number; submittedAt: Date }[] = [];
  for (let index = 0; index < size; index += 1) {
    // Whole seconds and 5-point steps make ties common, as in a real contest.
    const score = 5 * Math.floor(rng() * (key.length + 1));
    const durationMs = (30 + Math.floor(rng() * 570)) * 1000;
    const submittedAt = new Date(contest.startAt.getTime() + durationMs + Math.floor(rng() * (window - durationMs)));
    standings.push({ score, durationMs, submittedAt });
    participants.push({ openid: `bench-${index}`, memberId: `m-bench-${index}`, sortKey: rankSortKey({ score, durationMs, submittedAt }) });
  }
  insertSliced(env, 'attempts', size, (index): Omit<AttemptDoc, 'orders' | 'chosen'> & Record<string, unknown> => {
    const { score, durationMs, submittedAt } = standings[index]!;
    const startedAt = new Date(submittedAt.getTime() - durationMs);
    return {
      _id: `bench-attempt-${index}`,
      contestId: SEED_CONTEST_ID,
      memberId: participants[index]!.memberId,
      branchId: `bench-branch-${index % branches}`,
      attemptNo: 1,
      status: 'submitted',
      startedAt,
      deadline: new Date(startedAt.getTime() + contest.timeLimitSec * 1000),
      graceMs: 10_000,
      key,
      orders: {},
      counts: contest.counts,
      showExplanations: contest.showExplanations,
      receivedAt: submittedAt,
      submittedAt,
      onTime: true,
      durationMs,
      score,
      maxScore: key.length * contest.pointsPerQuestion,
      correctCount: score / contest.pointsPerQuestion,
      chosen: {},
    };
  });
  insertSliced(env, 'contest_entries', size, (index): ContestEntryDoc & Record<string, unknown> => {
    const { score, durationMs, submittedAt } = standings[index]!;
    const p = participants[index]!;
    return {
      _id: entryId(SEED_CONTEST_ID, p.memberId),
      contestId: SEED_CONTEST_ID,
      memberId: p.memberId,
      branchId: `bench-branch-${index % branches}`,
      name: `参赛者${index}`,
      branchName: `基准第${(index % branches) + 1}党支部`,
      sortKey: p.sortKey,
      score,
      durationMs,
      submittedAt,
      attemptId: `bench-attempt-${index}`,
    };
  });
  return { participants, freshOpenids };
}

// ── naive comparators: the whole board through the SDK, sorted in memory ──────────────────────

async function readWholeBoard(db: Database): Promise<ContestEntryDoc[]> {
  const all: ContestEntryDoc[] = [];
  for (let offset = 0; ; offset += NAIVE_PAGE) {
    const reply = (await db
      .collection('contest_entries')
      .where({ contestId: SEED_CONTEST_ID })
      .skip(offset)
      .limit(NAIVE_PAGE)
      .get()) as unknown as {
      data: ContestEntryDoc[];
    };
    all.push(...reply.data);
    if (reply.data.length < NAIVE_PAGE) return all;
  }
}

function sortBoard(entries: ContestEntryDoc[]) {
  return entries
    .filter((e) => e.score !== null && e.sortKey !== PENDING_SORT_KEY)
    .map((e) => ({
      memberId: e.memberId,
      name: e.name,
      score: e.score ?? 0,
      durationMs: e.durationMs ?? 0,
      submittedAt: e.submittedAt ?? 0,
    }))
    .sort(compareEntries);
}

async function naiveBoardPage(db: Database, start: number): Promise<string[]> {
  return sortBoard(await readWholeBoard(db))
    .slice(start, start + PAGE_SIZE)
    .map((e) => e.name);
}

async function naiveRank(db: Database, memberId: string): Promise<number | null> {
  const board = sortBoard(await readWholeBoard(db));
  const at = board.findIndex((e) => e.memberId === memberId);
  if (at < 0) return null;
  let rank = at;
  while (rank > 0 && compareEntries(board[rank - 1]!, board[at]!) === 0) rank -= 1;
  return rank + 1;
}

// ── the scenario ──────────────────────────────────────────────────────────────────────────────

function pick<T>(list: readonly T[], rng: Rng): T {
  return list[Math.floor(rng() * list.length)]!;
}

/** Fewer naive calls as the board grows: each one reads every entry. */
function naiveCount(size: number, options: BenchOptions): number {
  return Math.max(3, Math.min(options.naiveSamples, Math.floor((options.naiveSamples * 1000) / size)));
}

function assertSame(what: string, real: unknown, naive: unknown): void {
  if (JSON.stringify(real) !== JSON.stringify(naive)) {
    throw new Error(`${what}: the function and the naive comparator disagree: ${JSON.stringify(real)} ≠ ${JSON.stringify(naive)}`);
  }
}

async function run(size: number, options: BenchOptions): Promise<ScenarioRun> {
  const rng = seededRng(`bench-quiz-${size}`);
  const env = createBenchEnv();
  const setupStarted = performance.now();
  const { participants, freshOpenids } = buildDataSet(env, size, options.samples, rng);
  const setupMs = performance.now() - setupStarted;
  options.log(`  quiz @ ${size}: data set built in ${(setupMs / 1000).toFixed(1)} s`);
  const contestId = SEED_CONTEST_ID;

  // Both contests predate pools: the first start anywhere fixes a contest's pool (two requests,
  // once), so one member starts each first and is not a sample.
  const [warmUp, ...samplers] = freshOpenids;
  if (warmUp === undefined) throw new Error('the quiz bench needs at least one fresh member');
  for (const id of [contestId, PER_QUESTION_CONTEST_ID]) await env.call(warmUp, 'quiz', 'start', { contestId: id });

  // start + submit, by members who have not taken part yet.
  const starts: Sample[] = [];
  const submits: Sample[] = [];
  for (const openid of samplers) {
    const started = await env.call(openid, 'quiz', 'start', { contestId });
    starts.push(started);
    const questions = started.data.questions as { id: string; options: string[] }[];
    const answers = Object.fromEntries(questions.map((q) => [q.id, [Math.floor(rng() * q.options.length)]]));
    submits.push(await env.call(openid, 'quiz', 'submit', { attemptId: started.data.attemptId, answers }));
  }
  options.log(`  quiz @ ${size}: start/submit done`);

  // 逐题限时: the same members take a per-question contest, answering question by question.
  const perQuestionStarts: Sample[] = [];
  const nextAnswers: Sample[] = [];
  const lastAnswers: Sample[] = [];
  for (const openid of samplers) {
    const started = await env.call(openid, 'quiz', 'start', { contestId: PER_QUESTION_CONTEST_ID });
    perQuestionStarts.push(started);
    const attemptId = started.data.attemptId;
    let question = started.data.questions[0];
    while (question) {
      const answered = await env.call(openid, 'quiz', 'answerQuestion', {
        attemptId,
        questionId: question.id,
        chosen: [Math.floor(rng() * question.options.length)],
      });
      (answered.data.next ? nextAnswers : lastAnswers).push(answered);
      question = answered.data.next?.question;
    }
  }
  options.log(`  quiz @ ${size}: per-question answers done`);

  // The board as it now stands (synthetic + sampled submits), to build deep cursors.
  const ordered = [...participants].sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
  const naiveCalls = naiveCount(size, options);

  const firstPage: Sample[] = [];
  const firstNaive: Sample[] = [];
  for (let i = 0; i < options.samples; i += 1) {
    const caller = pick(participants, rng);
    const real = await env.call(caller.openid, 'quiz', 'leaderboard', { contestId, pageSize: PAGE_SIZE });
    firstPage.push(real);
    if (i < naiveCalls) {
      const naive = await env.naive((db) => naiveBoardPage(db, 0));
      firstNaive.push(naive);
      assertSame(
        'leaderboard first page',
        (real.data.items as { name: string }[]).map((r) => r.name),
        naive.value,
      );
    }
  }
  options.log(`  quiz @ ${size}: leaderboard first page done`);

  const deepPage: Sample[] = [];
  const deepNaive: Sample[] = [];
  for (let i = 0; i < options.samples; i += 1) {
    const caller = pick(participants, rng);
    const depth = Math.floor(rng() * Math.max(1, ordered.length - PAGE_SIZE));
    const after = ordered[depth]!;
    // The rank in the cursor is only displayed; the key alone positions the page.
    const cursor = `${depth + 2}~${after.sortKey}`;
    const real = await env.call(caller.openid, 'quiz', 'leaderboard', { contestId, pageSize: PAGE_SIZE, cursor });
    deepPage.push(real);
    if (i < naiveCalls) deepNaive.push(await env.naive((db) => naiveBoardPage(db, depth + 1)));
  }
  options.log(`  quiz @ ${size}: leaderboard deep pages done`);

  const ranks: Sample[] = [];
  const rankNaive: Sample[] = [];
  for (let i = 0; i < options.samples; i += 1) {
    const caller = pick(participants, rng);
    const real = await env.call(caller.openid, 'quiz', 'myRank', { contestId });
    ranks.push(real);
    if (i < naiveCalls) {
      const naive = await env.naive((db) => naiveRank(db, caller.memberId));
      rankNaive.push(naive);
      assertSame(`myRank of ${caller.openid}`, real.data.rank, naive.value);
    }
  }
  options.log(`  quiz @ ${size}: myRank done`);
  env.store.close();

  const naiveBoard = 'read every contest entry (1000 per get), sort in memory, slice one page';
  const cases: CaseResult[] = [
    { action: 'quiz.start', label: 'new participant', real: starts },
    { action: 'quiz.submit', label: 'first attempt', real: submits },
    { action: 'quiz.start', label: '逐题限时 (first question only)', real: perQuestionStarts },
    { action: 'quiz.answerQuestion', label: 'answer + next question', real: nextAnswers },
    { action: 'quiz.answerQuestion', label: 'last answer (hands in)', real: lastAnswers },
    { action: 'quiz.leaderboard', label: 'first page', real: firstPage, naive: { description: naiveBoard, samples: firstNaive } },
    { action: 'quiz.leaderboard', label: 'deep page (cursor)', real: deepPage, naive: { description: naiveBoard, samples: deepNaive } },
    {
      action: 'quiz.myRank',
      label: 'random participant',
      real: ranks,
      naive: { description: 'read every contest entry (1000 per get), sort in memory, find the member', samples: rankNaive },
    },
  ];
  return { size, setupMs, cases };
}

export const quizScenario: Scenario = { name: 'quiz', run };
