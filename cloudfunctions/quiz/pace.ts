import type { AttemptDoc } from '../../server/documents';

/**
 * 逐题限时: the window of a released question — from its release for `secondsPerQuestion`, never past
 * the attempt's own deadline. Server time only.
 */
export function questionWindow(
  releasedAt: Date,
  secondsPerQuestion: number,
  attemptDeadline: Date,
): Pick<AttemptDoc, 'questionReleasedAt' | 'questionDeadline'> {
  return {
    questionReleasedAt: releasedAt,
    questionDeadline: new Date(Math.min(releasedAt.getTime() + secondsPerQuestion * 1000, attemptDeadline.getTime())),
  };
}

export function firstQuestionWindow(now: Date, secondsPerQuestion: number, attemptDeadline: Date): Partial<AttemptDoc> {
  return { released: 1, answers: {}, answerMs: {}, ...questionWindow(now, secondsPerQuestion, attemptDeadline) };
}
