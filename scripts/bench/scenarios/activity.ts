/**
 * Activities at scale (ARCHITECTURE.md, "Budgets"): `size` members and 10,000 published activities of
 * 100 branches, every member already signed up to one of their branch's activities (so the sign-ups
 * grow with the members), written straight into the store. Then through the real activity function:
 * `signUp` by members who have not signed up to one org-wide activity — the first half take its
 * seats, the rest join its waitlist — and `detail` by random members, of their own activity and of
 * that busy one. Both must stay within their DB-request budgets whatever the size.
 */
import { seededRng, type Rng } from '../../../core/quiz';
import { AUDIENCE_ALL } from '../../../core/activity/rules';
import { memberDoc, seedActivity, seedStore } from '../../../emulator/seed';
import { signUpId, type ActivityDoc, type MemberDoc, type SignUpDoc } from '../../../server/documents';
import { createBenchEnv, insertSliced, type BenchEnv } from '../env';
import type { BenchOptions, Sample, Scenario, ScenarioRun } from '../types';

const ACTIVITIES = 10_000;
const BRANCHES = 100;
const CAPACITY = 40;
const BUSY_ACTIVITY = 'bench-busy-activity';
const DAY_MS = 86_400_000;

const branchOf = (index: number) => `bench-branch-${index % BRANCHES}`;
const activityIdOf = (index: number) => `bench-activity-${index}`;
/** Member i is signed up to activity i mod 10,000, which belongs to the member's branch (100 divides 10,000). */
const activityOfMember = (memberIndex: number) => memberIndex % ACTIVITIES;

function activity(now: Date, fields: Partial<ActivityDoc> & Pick<ActivityDoc, '_id' | 'branchId' | 'audience'>): ActivityDoc {
  return {
    ...seedActivity(now),
    kind: 'theme_day',
    title: `基准活动 ${fields._id}`,
    capacity: CAPACITY,
    createdBy: 'm-demo-admin',
    ...fields,
  };
}

function buildDataSet(env: BenchEnv, size: number, fresh: number, now: Date): { members: string[]; freshOpenids: string[] } {
  seedStore(env.store, now);
  const signedPerActivity = (index: number) => Math.floor(size / ACTIVITIES) + (index < size % ACTIVITIES ? 1 : 0);
  insertSliced(env, 'activities', ACTIVITIES, (index) => ({
    ...activity(now, {
      _id: activityIdOf(index),
      branchId: branchOf(index),
      audience: [branchOf(index)],
      // Spread over the coming months so the lists have something to order.
      startAt: new Date(now.getTime() + (5 + (index % 120)) * DAY_MS),
      endAt: new Date(now.getTime() + (5 + (index % 120)) * DAY_MS + 2 * 3_600_000),
      signUpDeadline: new Date(now.getTime() + (4 + (index % 120)) * DAY_MS),
      signedUpCount: signedPerActivity(index),
    }),
  }));
  env.store.insertMany('activities', [
    { ...activity(now, { _id: BUSY_ACTIVITY, branchId: null, audience: [AUDIENCE_ALL], capacity: fresh / 2 }) },
  ]);

  const member = (openid: string, index: number): MemberDoc => memberDoc({ openid, name: `党员${index}`, branchId: branchOf(index) }, now);
  const members = Array.from({ length: size }, (_, index) => `bench-act-${index}`);
  insertSliced(env, 'members', size, (index) => ({ ...member(members[index]!, index) }));
  insertSliced(env, 'sign_ups', size, (index): SignUpDoc => {
    const activityId = activityIdOf(activityOfMember(index));
    const memberId = `m-${members[index]!}`;
    return {
      _id: signUpId(activityId, memberId),
      activityId,
      memberId,
      branchId: branchOf(index),
      name: `党员${index}`,
      status: 'signed',
      signedUpAt: new Date(now.getTime() - DAY_MS + index),
      updatedAt: now,
      leaveReason: null,
      addedBy: null,
      subscribeCredits: 0,
    };
  });
  const freshOpenids = Array.from({ length: fresh }, (_, index) => `bench-act-fresh-${index}`);
  env.store.insertMany(
    'members',
    freshOpenids.map((openid, index) => ({ ...member(openid, size + index) })),
  );
  return { members, freshOpenids };
}

function pickIndex(count: number, rng: Rng): number {
  return Math.floor(rng() * count);
}

function expectStatus(what: string, actual: string, expected: string): void {
  if (actual !== expected) throw new Error(`activity.signUp ${what}: expected ${expected}, got ${actual}`);
}

async function run(size: number, options: BenchOptions): Promise<ScenarioRun> {
  const rng = seededRng(`bench-activity-${size}`);
  const env = createBenchEnv();
  const setupStarted = performance.now();
  const fresh = options.samples * 2;
  const { members, freshOpenids } = buildDataSet(env, size, fresh, new Date());
  const setupMs = performance.now() - setupStarted;
  options.log(`  activity @ ${size}: data set built in ${(setupMs / 1000).toFixed(1)} s`);

  const seated: Sample[] = [];
  const waitlisted: Sample[] = [];
  for (const [index, openid] of freshOpenids.entries()) {
    const call = await env.call(openid, 'activity', 'signUp', { id: BUSY_ACTIVITY });
    const expected = index < fresh / 2 ? 'signed' : 'waitlisted';
    expectStatus(`#${index}`, call.data.status, expected);
    (expected === 'signed' ? seated : waitlisted).push(call);
  }
  options.log(`  activity @ ${size}: signUp done`);

  const ownDetail: Sample[] = [];
  const busyDetail: Sample[] = [];
  for (let sample = 0; sample < options.samples; sample += 1) {
    const index = pickIndex(size, rng);
    const own = await env.call(members[index]!, 'activity', 'detail', { id: activityIdOf(activityOfMember(index)) });
    if (own.data.mine !== 'signed') throw new Error(`activity.detail: ${members[index]!} should see their own sign-up`);
    ownDetail.push(own);
    busyDetail.push(await env.call(members[pickIndex(size, rng)]!, 'activity', 'detail', { id: BUSY_ACTIVITY }));
  }
  options.log(`  activity @ ${size}: detail done`);
  env.store.close();

  return {
    size,
    setupMs,
    cases: [
      { action: 'activity.signUp', label: 'first sign-up, seat free', real: seated },
      { action: 'activity.signUp', label: `first sign-up, waitlisted (${fresh / 2} seats taken)`, real: waitlisted },
      { action: 'activity.detail', label: 'member of the branch, own sign-up', real: ownDetail },
      { action: 'activity.detail', label: `org-wide activity, ${fresh} sign-ups`, real: busyDetail },
    ],
  };
}

export const activityScenario: Scenario = { name: 'activity', run };
