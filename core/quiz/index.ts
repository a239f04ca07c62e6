export {
  classCap,
  drawFromSample,
  drawQuestions,
  InsufficientQuestionsError,
  ruleSignature,
  type Difficulty,
  type DrawRule,
  type PoolQuestion,
  type SampledClass,
} from './draw';
export { optionOrder, questionOptionOrder, toDisplayed, toOriginal } from './shuffle';
export {
  isCorrectChoice,
  reviewChoice,
  scoreAttempt,
  type AttemptScore,
  type QuestionResult,
  type ReviewedChoice,
  type ScoredQuestion,
  type ScoreInput,
} from './scoring';
export {
  adminStatusAt,
  contestStatusAt,
  isInAudience,
  isReviewOpen,
  paceOf,
  reservesPool,
  reviewAvailableAt,
  reviewPolicyOf,
  type ContestAudience,
  type ContestIntegritySettings,
  type ContestStatus,
  type ContestWindow,
} from './contest';
export { answerSequence, isTooFast, MIN_ANSWERS_TO_COMPARE, minReadMs, type TimedQuestion } from './flags';
export { drawPool, POOL_FACTORS, scaleRules } from './pool';
export {
  compareMistakes,
  isDayCounted,
  isPathSafeId,
  mistakeCursor,
  notebookOverflow,
  parseMistakeCursor,
  pickPracticeSet,
  previousDay,
  PRACTICE_POINTS_PER_CORRECT,
  standingAfter,
  standingOn,
  type NotebookRow,
  type PracticeRecord,
} from './practice';
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
