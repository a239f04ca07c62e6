export { drawQuestions, InsufficientQuestionsError, type Difficulty, type DrawRule, type PoolQuestion } from './draw';
export { optionOrder, questionOptionOrder, toDisplayed, toOriginal } from './shuffle';
export { scoreAttempt, type AttemptScore, type QuestionResult, type ScoredQuestion, type ScoreInput } from './scoring';
export { attemptDeadline, submissionTiming, type SubmissionTiming, type SubmissionTimingInput } from './deadline';
export {
  branchStanding,
  compareBranches,
  compareEntries,
  MAX_DURATION_MS,
  MAX_SCORE,
  rankSortKey,
  type BoardEntry,
  type BranchStanding,
  type BranchTotals,
  type RankedBranch,
} from './ranking';
export { seededRng, shuffle, type Rng } from '../random';
