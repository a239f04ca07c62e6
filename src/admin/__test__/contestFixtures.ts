import type { AdminContest } from '../../../types/contracts/quiz';

/** A saved contest as the workbench lists it: 长征 10 题, Shanghai 07:30 on 1 Dec to 18:30 on 8 Dec. */
export function savedContest(overrides: Partial<AdminContest> = {}): AdminContest {
  return {
    id: 'contest-7',
    title: '学党史 知党恩 知识竞赛',
    status: 'draft',
    startAt: '2026-11-30T23:30:00.000Z',
    endAt: '2026-12-08T10:30:00.000Z',
    closedEarly: false,
    questionCount: 10,
    timeLimitSec: 900,
    attemptsAllowed: 1,
    rules: [{ category: '长征', count: 10 }],
    pointsPerQuestion: 5,
    counts: 'best',
    showExplanations: true,
    leaderboardVisible: true,
    audienceBranchIds: null,
    description: '全体党员参加',
    review: 'afterEachAttempt',
    reviewAvailableAt: null,
    pace: 'whole',
    secondsPerQuestion: null,
    maxSwitches: 3,
    participantCount: 0,
    averageScore: null,
    ...overrides,
  };
}
