/**
 * `cron` at its bounds (ARCHITECTURE.md, "Notifications"): each measured run finds a change event
 * for `size` place holders (every one with a subscribe-message credit) and the outbox full of due
 * notices, so it expands as many pages as one run may (MAX_PAGES_PER_RUN) and sends as many notices
 * as one run may (MAX_SENDS_PER_RUN, in LANES side by side). Its figure sets cron's config.json
 * timeout: a run never does more than this, whatever waits.
 */
import { memberDoc, seedActivity } from '../../../emulator/seed';
import { timerEvent } from '../../../emulator/runner';
import { activityEvent } from '../../../server/notices';
import { signUpId, type ActivityDoc, type SignUpDoc } from '../../../server/documents';
import { LANES } from '../../../cloudfunctions/cron/jobs/sendNotices.job';
import { createBenchEnv, slowSamples } from '../env';
import type { BenchOptions, Sample, Scenario, ScenarioRun } from '../types';

const BRANCH = 'bench-cron-branch';

function activityDoc(now: Date, id: string, signedUp: number): ActivityDoc {
  return { ...seedActivity(now), _id: id, branchId: BRANCH, audience: [BRANCH], capacity: null, signedUpCount: signedUp };
}

/** The requests a send lane makes for each notice (claim, credit, outcome) run LANES at a time; the rest one after another. */
function chainOf(requests: Sample['requests']): number {
  const inLanes = requests.filter(
    (r) => r.action === 'database.modifyDocument' && (r.collection === 'notifications' || r.collection === 'sign_ups'),
  ).length;
  return requests.length - inLanes + Math.ceil(inLanes / LANES);
}

async function run(size: number, options: BenchOptions): Promise<ScenarioRun> {
  process.env.ACTIVITY_REMINDER_TEMPLATE_ID ||= 'bench-activity-reminder';
  const env = createBenchEnv();
  const now = new Date();
  const setupStarted = performance.now();
  const samples = slowSamples(options);
  env.store.insertMany(
    'members',
    Array.from({ length: size }, (_, i) => ({ ...memberDoc({ openid: `bench-cron-${i}`, name: `党员${i}`, branchId: BRANCH }, now) })),
  );
  const activities = Array.from({ length: samples }, (_, k) => activityDoc(now, `bench-cron-activity-${k}`, size));
  env.store.insertMany(
    'activities',
    activities.map((activity) => ({ ...activity })),
  );
  for (const activity of activities) {
    env.store.insertMany(
      'sign_ups',
      Array.from({ length: size }, (_, i): SignUpDoc => ({
        _id: signUpId(activity._id, `m-bench-cron-${i}`),
        activityId: activity._id,
        memberId: `m-bench-cron-${i}`,
        branchId: BRANCH,
        name: `党员${i}`,
        status: 'signed',
        signedUpAt: new Date(now.getTime() - 86_400_000 + i),
        updatedAt: now,
        leaveReason: null,
        addedBy: null,
        subscribeCredits: 1,
      })).map((doc) => ({ ...doc })),
    );
  }
  const setupMs = performance.now() - setupStarted;

  const real: Sample[] = [];
  for (const activity of activities) {
    // A fresh change per run; the notices earlier runs left unsent are due too, so every run sends its maximum.
    env.store.insertMany('activity_events', [{ ...activityEvent('changed', activity, '地点有变化', now, String(now.getTime())) }]);
    const { result, requests, ms } = await env.runner.invoke('cron', timerEvent(now), { openid: undefined });
    if (!result.ok) throw new Error(`cron failed: ${JSON.stringify(result.error)}`);
    real.push({ requests, ms, chain: chainOf(requests) });
  }
  return {
    size,
    unit: 'place holders',
    setupMs,
    cases: [{ action: 'cron.tick', label: 'a run at its bounds: expand a change event and send due notices', real }],
  };
}

export const cronScenario: Scenario = { name: 'cron', fixedSizes: [5_000, 10_000], run };
