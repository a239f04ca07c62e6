/**
 * The organisers' attendee export at the sizes a big org-wide activity reaches: `size` sign-ups
 * (mostly signed, some on leave with a reason, some cancelled) and as many audience members who
 * did not sign up (the demo members among them), over the demo org's five branches, written
 * straight into the store. Then `activity.exportAttendees` as the org admin: both sheets `size`
 * rows long, built with exceljs and stored in cloud storage. 10,000 is MAX_EXPORT_ROWS, the largest
 * export that lists everyone, so the function's timeout is checked against it. The file's size is
 * logged beside the timing.
 */
import { AUDIENCE_ALL } from '../../../core/activity/rules';
import { memberDoc, seedActivity, seedStore } from '../../../emulator/seed';
import { MAX_EXPORT_ROWS } from '../../../types/contracts/activity';
import type { SignUpStatus } from '../../../types/labels';
import { signUpDoc } from '../../../test/functions/activity-manage.fixtures';
import { createBenchEnv, slowSamples } from '../env';
import type { BenchOptions, Sample, Scenario, ScenarioRun } from '../types';

const ADMIN = 'demo-admin';
const ACTIVITY_ID = 'bench-export-activity';
const BRANCHES = ['branch-1', 'branch-2', 'branch-3', 'branch-4', 'branch-5'];

/** One in twenty on leave and one in twenty cancelled, so every column of the first sheet has content. */
function statusOf(index: number): SignUpStatus {
  if (index % 20 === 7) return 'leave';
  if (index % 20 === 13) return 'cancelled';
  return 'signed';
}

function expectCount(what: string, actual: number, expected: number): void {
  if (actual !== expected) throw new Error(`activity.exportAttendees ${what}: expected ${expected}, got ${actual}`);
}

async function run(signUps: number, options: BenchOptions): Promise<ScenarioRun> {
  const env = createBenchEnv();
  const setupStarted = performance.now();
  const now = new Date();
  seedStore(env.store, now);
  env.store.insertMany('activities', [
    {
      ...seedActivity(now),
      _id: ACTIVITY_ID,
      title: '全院主题党日',
      audience: [AUDIENCE_ALL],
      capacity: null,
      signedUpCount: signUps,
    },
  ]);
  // Every seeded member is active and in the audience, and none has signed up.
  const seededMembers = env.store.count('members');
  const members = Array.from({ length: 2 * signUps - seededMembers }, (_, index) =>
    memberDoc({ openid: `bench-export-${index}`, name: `党员${index}`, branchId: BRANCHES[index % BRANCHES.length]! }, now),
  );
  env.store.insertMany(
    'members',
    members.map((member) => ({ ...member })),
  );
  env.store.insertMany(
    'sign_ups',
    members.slice(0, signUps).map((member, index) => {
      const signUp = signUpDoc(ACTIVITY_ID, member, statusOf(index), new Date(now.getTime() - 86_400_000 + index * 1000));
      return { ...signUp, leaveReason: signUp.status === 'leave' ? '临时出差，无法参加' : null };
    }),
  );
  const setupMs = performance.now() - setupStarted;

  const exports: Sample[] = [];
  let fileBytes = 0;
  for (let sample = 0; sample < slowSamples(options); sample += 1) {
    const exported = await env.call(ADMIN, 'activity', 'exportAttendees', { id: ACTIVITY_ID });
    expectCount('sign-up rows', exported.data.rows, signUps);
    expectCount('not signed up', exported.data.notSignedUp, signUps);
    fileBytes = env.files.get(exported.data.fileID)?.length ?? 0;
    exports.push(exported);
  }
  env.store.close();
  options.log(`  activityExport @ ${signUps} sign-ups: ${(fileBytes / 1024).toFixed(0)} KB xlsx`);
  return {
    size: signUps,
    unit: 'sign-ups',
    setupMs,
    cases: [{ action: 'activity.exportAttendees', label: 'org-wide, as many not signed up', real: exports }],
  };
}

export const activityExportScenario: Scenario = { name: 'activityExport', fixedSizes: [500, 5_000, MAX_EXPORT_ROWS], run };
