import type { AttemptResult } from '../../types/contracts/quiz';
import type { AttemptDoc } from '../../server/documents';

export type SubmittedAttempt = AttemptDoc &
  Required<Pick<AttemptDoc, 'submittedAt' | 'onTime' | 'durationMs' | 'score' | 'maxScore' | 'correctCount'>>;

export function isSubmitted(attempt: AttemptDoc): attempt is SubmittedAttempt {
  return attempt.status === 'submitted' && attempt.submittedAt !== undefined && attempt.score !== undefined;
}

export function toAttemptResult(attempt: SubmittedAttempt): Omit<AttemptResult, 'review' | 'reviewAvailableAt'> {
  return {
    attemptId: attempt._id,
    contestId: attempt.contestId,
    score: attempt.score,
    maxScore: attempt.maxScore,
    correctCount: attempt.correctCount,
    questionCount: attempt.key.length,
    durationMs: attempt.durationMs,
    submittedAt: attempt.submittedAt.toISOString(),
    onTime: attempt.onTime,
    switchCount: attempt.switchCount ?? 0,
    autoSubmitted: attempt.autoSubmitted ?? false,
  };
}
