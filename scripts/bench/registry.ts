/**
 * What `npm run bench` measures and against which budgets (DESIGN §8). To add a path: write a
 * scenario under scripts/bench/scenarios/ that returns cases keyed by action name, list it in
 * SCENARIOS and give each action a budget here. A declared budget that no scenario measures yet
 * is reported as "not measured", never as passing.
 */
import { quizScenario } from './scenarios/quiz';
import type { Budget, Scenario } from './types';

const DESIGN = 'DESIGN §8';

export const BUDGETS: Record<string, Budget> = {
  'quiz.start': { hot: true, source: `${DESIGN} (index coverage; no request budget)` },
  'quiz.submit': { maxRequests: 4, hot: true, source: DESIGN },
  'quiz.leaderboard': { maxRequests: 3, hot: true, source: DESIGN },
  'quiz.myRank': { maxRequests: 3, hot: true, source: 'myRank.handler.ts: caller, entry, one indexed count' },
  'activity.signUp': { maxRequests: 5, hot: true, source: DESIGN },
  'checkin.scan': { maxRequests: 4, hot: true, source: DESIGN },
  'stats.branchDashboard': { maxRequests: 3, hot: true, source: DESIGN },
};

export const SCENARIOS: Scenario[] = [quizScenario];

/** DESIGN §8 names 300k too; the default run stops at 100k to stay within 10 minutes on 2 cores. */
export const DEFAULT_SIZES = [1_000, 10_000, 100_000];
export const DEFAULT_SAMPLES = 200;
export const DEFAULT_NAIVE_SAMPLES = 200;
