/**
 * What `npm run bench` measures and against which budgets (ARCHITECTURE.md, "Budgets"). To add a path: write a
 * scenario under scripts/bench/scenarios/ that returns cases keyed by action name, list it in
 * SCENARIOS and give each action a budget here. A declared budget that no scenario measures yet
 * is reported as "not measured", never as passing.
 */
import { CLOUDBASE_DEFAULT_TIMEOUT_SECONDS } from '../build-functions';
import { activityScenario } from './scenarios/activity';
import { activityExportScenario } from './scenarios/activityExport';
import { bankScenario } from './scenarios/bank';
import { brandScenario } from './scenarios/brand';
import { checkinScenario } from './scenarios/checkin';
import { cronScenario } from './scenarios/cron';
import type { ColdStartBudget } from './scenarios/coldStart';
import { exportMineScenario } from './scenarios/exportMine';
import { quizScenario } from './scenarios/quiz';
import { rosterScenario } from './scenarios/roster';
import { statsScenario } from './scenarios/stats';
import { storyScenario } from './scenarios/story';
import type { TimeoutPolicy } from './report';
import type { Budget, Scenario } from './types';

const BUDGET_SOURCE = 'ARCHITECTURE.md, Budgets';

export const BUDGETS: Record<string, Budget> = {
  'quiz.start': { maxRequests: 7, hot: true, source: BUDGET_SOURCE },
  'quiz.submit': { maxRequests: 4, hot: true, source: BUDGET_SOURCE },
  'quiz.leaderboard': { maxRequests: 3, hot: true, source: BUDGET_SOURCE },
  'quiz.answerQuestion': {
    maxRequests: 4,
    hot: true,
    source: 'answerQuestion.handler.ts: caller, attempt, conditional write + next question (or board entry after the last)',
  },
  'quiz.myRank': {
    maxRequests: 4,
    hot: true,
    source: "myRank.handler.ts: caller, contest (the board's visibility) + entry in parallel, one indexed count",
  },
  'activity.signUp': { maxRequests: 5, hot: true, source: BUDGET_SOURCE },
  'activity.detail': { maxRequests: 3, hot: true, source: BUDGET_SOURCE },
  'checkin.scan': { maxRequests: 4, hot: true, source: BUDGET_SOURCE },
  'checkin.history': { maxRequests: 3, hot: true, source: 'history.handler.ts: caller, page, totals' },
  'checkin.roster': { hot: true, source: 'polled by the organiser screen every 10 s (index coverage; no request budget)' },
  'stats.myProgress': { maxRequests: 3, hot: true, source: 'issue 14: caller, programme, progress document' },
  'stats.branchDashboard': { maxRequests: 3, hot: true, source: BUDGET_SOURCE },
  'stats.orgRanking': { hot: true, source: 'orgRanking.handler.ts: caller, programme, every branch summary in one read (index coverage)' },
  'stats.behindMembers': {
    hot: true,
    source: "behindMembers.handler.ts: caller, programme, the branch's unfinished progress (index coverage)",
  },
  'stats.exportLedger': { maxMs: 10_000, hot: true, source: 'issue 14: the 台账 of every branch in ≤ 10 s on the emulator' },
  'cron.continueRecompute': {
    maxMs: 60_000,
    hot: true,
    source: 'issue 14: a full recompute of 300,000 members, every slice, in ≤ 60 s on the emulator',
  },
  'cron.aggregateStats': { hot: true, source: 'ARCHITECTURE.md, Statistics (bounded per run; index coverage)' },
  'cron.tick': { hot: true, source: 'ARCHITECTURE.md, Notifications (bounded per run; index coverage)' },
  'story.feed': { maxRequests: 3, hot: true, source: 'issue 13: caller, page (keyset), the page’s campaign titles' },
  'story.rate': {
    maxRequests: 5,
    hot: true,
    source: 'rate.handler.ts: caller, work⋈campaign (one lookup), rating insert, then side by side the work’s counts and the branch tally',
  },
  'story.review': { hot: true, source: 'review.handler.ts: one transaction, then the campaign tally (index coverage; no request budget)' },
  'story.reviewQueue': { maxRequests: 3, hot: true, source: 'reviewQueue.handler.ts: caller, page, the page’s campaign titles' },
  'story.campaignRanking': { hot: true, source: 'campaignRanking.handler.ts: tallies, not works (index coverage; no request budget)' },
  'stats.brandBoard': {
    maxRequests: 3,
    hot: true,
    source: 'brandBoard.handler.ts: caller, programme, the branches with their 四红 tallies in one aggregate',
  },
  'stats.nominations': {
    maxRequests: 4,
    hot: true,
    source: "brandNominations.handler.ts: caller, programme, page, and from 评议 on the caller's ratings of it",
  },
  'stats.rateNomination': {
    maxRequests: 5,
    hot: true,
    source: 'brandRate.handler.ts: caller, nomination⋈programme, rating insert, then side by side the nomination’s and the unit’s counts',
  },
  'stats.selectNomination': {
    maxRequests: 10,
    hot: true,
    source:
      'brandSelect.handler.ts: caller, then one transaction (start; nomination, programme; nomination, unit tally read and moved, programme’s counts, audit; commit)',
  },
};

export const SCENARIOS: Scenario[] = [
  quizScenario,
  activityScenario,
  checkinScenario,
  rosterScenario,
  bankScenario,
  exportMineScenario,
  activityExportScenario,
  cronScenario,
  storyScenario,
  statsScenario,
  brandScenario,
];

/** The budgets name 300k too; the default run stops at 100k to stay within 10 minutes on 2 cores. */
export const DEFAULT_SIZES = [1_000, 10_000, 100_000];
export const DEFAULT_SAMPLES = 200;
export const DEFAULT_NAIVE_SAMPLES = 200;

/**
 * ARCHITECTURE.md "Budgets": each bundle loads in ≤ 150 ms. Judged on the bundle after wx-server-sdk: the SDK alone
 * takes ≈130 ms on this machine, is the same for every function and is not the project's to shrink;
 * it is measured and reported beside the bundle.
 */
export const COLD_START_BUDGET: ColdStartBudget = { maxBundleMs: 150, source: 'ARCHITECTURE.md "Budgets"; median, after wx-server-sdk' };
export const DEFAULT_COLD_SAMPLES = 15;

/**
 * A function's config.json timeout must cover its slowest measured action on a cold instance, with
 * room to spare: (load + first calls + the action's p95 + an allowance per DB request) × headroom.
 * The emulator answers from memory where CloudBase needs a network round trip, and a batch write
 * of up to 1000 documents takes longer than a read; 100 ms per request is a generous allowance,
 * not a measurement. The factor covers a slower CPU share per instance than this machine's core.
 */
export const TIMEOUT_POLICY: TimeoutPolicy = {
  headroom: 3,
  dbRequestMs: 100,
  platformDefaultSeconds: CLOUDBASE_DEFAULT_TIMEOUT_SECONDS,
  maxSeconds: 60,
  source:
    'CloudBase: 3 s unless set, at most 60 s from the WeChat console (docs.cloudbase.net/cloud-function/function-configuration/config)',
};
