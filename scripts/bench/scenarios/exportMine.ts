/**
 * 个人信息导出 for a member with a long history: `size` submitted contest attempts (20 questions
 * each, as the seed contest has) and as many board entries, written straight into the store, then
 * `member.exportMine` as that member. The reply's size is logged beside the timing: it travels
 * back through callFunction.
 */
import { memberDoc, seedContest, seedQuestionDocs, seedStore } from '../../../emulator/seed';
import type { AttemptDoc, AttemptKeyItem, ContestEntryDoc, MemberDoc } from '../../../server/documents';
import { createBenchEnv, slowSamples } from '../env';
import type { BenchOptions, Sample, Scenario, ScenarioRun } from '../types';

const OPENID = 'bench-exporter';
const MEMBER_ID = 'm-bench-exporter';
const BRANCH_ID = 'branch-1';

function history(attempts: number, now: Date): { member: MemberDoc; attempts: AttemptDoc[]; entries: ContestEntryDoc[] } {
  const contest = seedContest(now);
  const questions = seedQuestionDocs(now).slice(0, contest.questionCount);
  const key: AttemptKeyItem[] = questions.map((q) => ({
    id: q._id,
    type: q.type,
    answer: q.answer,
    optionCount: q.options.length,
    points: contest.pointsPerQuestion,
  }));
  const orders = Object.fromEntries(questions.map((q) => [q._id, q.options.map((_, index) => index)]));
  const chosen = Object.fromEntries(questions.map((q) => [q._id, q.answer]));
  const member = memberDoc({ _id: MEMBER_ID, openid: OPENID, name: '导出者', branchId: BRANCH_ID }, now);
  const attemptDocs = Array.from({ length: attempts }, (_, index): AttemptDoc => {
    const startedAt = new Date(now.getTime() - (index + 1) * 86_400_000);
    const submittedAt = new Date(startedAt.getTime() + 300_000);
    return {
      _id: `bench-export-attempt-${index}`,
      contestId: `bench-contest-${index}`,
      memberId: MEMBER_ID,
      branchId: BRANCH_ID,
      attemptNo: 1,
      status: 'submitted',
      startedAt,
      deadline: new Date(startedAt.getTime() + contest.timeLimitSec * 1000),
      graceMs: 10_000,
      key,
      orders,
      counts: contest.counts,
      showExplanations: contest.showExplanations,
      receivedAt: submittedAt,
      submittedAt,
      onTime: true,
      durationMs: 300_000,
      score: key.length * contest.pointsPerQuestion,
      maxScore: key.length * contest.pointsPerQuestion,
      correctCount: key.length,
      chosen,
    };
  });
  const entries = attemptDocs.map((attempt): ContestEntryDoc => ({
    _id: `bench-export-entry-${attempt.contestId}`,
    contestId: attempt.contestId,
    memberId: MEMBER_ID,
    branchId: BRANCH_ID,
    name: member.name,
    branchName: '第一党支部',
    sortKey: `bench-${attempt._id}`,
    score: attempt.score ?? null,
    durationMs: attempt.durationMs ?? null,
    submittedAt: attempt.submittedAt ?? null,
    attemptId: attempt._id,
  }));
  return { member, attempts: attemptDocs, entries };
}

async function run(attempts: number, options: BenchOptions): Promise<ScenarioRun> {
  const env = createBenchEnv();
  const setupStarted = performance.now();
  const now = new Date();
  seedStore(env.store, now);
  const data = history(attempts, now);
  env.store.insertMany('members', [{ ...data.member }]);
  env.store.insertMany(
    'attempts',
    data.attempts.map((doc) => ({ ...doc })),
  );
  env.store.insertMany(
    'contest_entries',
    data.entries.map((doc) => ({ ...doc })),
  );
  const setupMs = performance.now() - setupStarted;

  const exports: Sample[] = [];
  let replyBytes = 0;
  for (let sample = 0; sample < slowSamples(options); sample += 1) {
    const exported = await env.call(OPENID, 'member', 'exportMine', {});
    replyBytes = Buffer.byteLength(JSON.stringify(exported.data));
    exports.push(exported);
  }
  env.store.close();
  options.log(`  exportMine @ ${attempts} attempts: reply ${(replyBytes / 1024).toFixed(0)} KB`);
  return { size: attempts, unit: 'attempts', setupMs, cases: [{ action: 'member.exportMine', label: 'long history', real: exports }] };
}

export const exportMineScenario: Scenario = { name: 'exportMine', fixedSizes: [100, 1_000], run };
