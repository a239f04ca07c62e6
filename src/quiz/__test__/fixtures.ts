import type { ContestSummary, StartOutput } from '../../../types/contracts/quiz';

/** An open contest as `quiz.contests` lists it to a member who has not started it. */
export function contestSummary(overrides: Partial<ContestSummary> = {}): ContestSummary {
  const now = Date.now();
  return {
    id: 'contest-1',
    title: '永州红色记忆 · 党史知识竞赛',
    startAt: new Date(now - 3_600_000).toISOString(),
    endAt: new Date(now + 86_400_000).toISOString(),
    status: 'open',
    questionCount: 3,
    timeLimitSec: 600,
    attemptsAllowed: 3,
    leaderboardVisible: true,
    description: '',
    review: 'afterClose',
    reviewAvailableAt: new Date(now + 86_400_000).toISOString(),
    pace: 'whole',
    secondsPerQuestion: null,
    maxSwitches: null,
    mine: { attemptsUsed: 0, openAttemptId: null, bestScore: null },
    ...overrides,
  };
}

const QUESTIONS: StartOutput['questions'] = [
  { id: 'q1', type: 'single', stem: '中国共产党第一次全国代表大会在哪一年召开？', options: ['1919年', '1921年', '1927年'], points: 5 },
  { id: 'q2', type: 'judge', stem: '遵义会议在贵州遵义召开。', options: ['正确', '错误'], points: 5 },
  { id: 'q3', type: 'multiple', stem: '以下哪些属于三大战役？', options: ['辽沈战役', '淮海战役', '平津战役', '百团大战'], points: 5 },
];

/** `quiz.start` of a whole-paper attempt with ten minutes on the server clock. */
export function wholeAttempt(overrides: Partial<StartOutput> = {}): StartOutput {
  const serverNow = new Date();
  return {
    attemptId: 'att-1',
    contestId: 'contest-1',
    title: '永州红色记忆 · 党史知识竞赛',
    attemptNo: 1,
    attemptsAllowed: 3,
    startedAt: serverNow.toISOString(),
    deadline: new Date(serverNow.getTime() + 600_000).toISOString(),
    serverNow: serverNow.toISOString(),
    resumed: false,
    pace: 'whole',
    questionCount: QUESTIONS.length,
    current: null,
    switchCount: 0,
    maxSwitches: null,
    questions: QUESTIONS,
    ...overrides,
  };
}

/** `quiz.start` of a 逐题限时 attempt: only the released question, with its own deadline. */
export function pacedAttempt(index: number, secondsLeft: number, overrides: Partial<StartOutput> = {}): StartOutput {
  const serverNow = new Date();
  const question = QUESTIONS[index];
  if (!question) throw new Error(`no question ${index}`);
  return wholeAttempt({
    pace: 'perQuestion',
    deadline: new Date(serverNow.getTime() + 90_000).toISOString(),
    current: { index, deadline: new Date(serverNow.getTime() + secondsLeft * 1000).toISOString() },
    questions: [question],
    ...overrides,
  });
}

export const PACED_QUESTIONS = QUESTIONS;
