import * as z from 'zod';
import { idSchema, isoDateSchema } from '../common';
import { QUESTION_TYPES } from '../question';
import { practiceContract } from './practice';

export const contestSummarySchema = z.object({
  id: idSchema,
  title: z.string(),
  startAt: isoDateSchema,
  endAt: isoDateSchema,
  status: z.enum(['upcoming', 'open', 'closed']),
  questionCount: z.number().int(),
  timeLimitSec: z.number().int(),
  attemptsAllowed: z.number().int(),
});
export type ContestSummary = z.infer<typeof contestSummarySchema>;

/** A question as the phone sees it during an attempt: options already in this attempt's order, no answer. */
export const attemptQuestionSchema = z.object({
  id: idSchema,
  type: z.enum(QUESTION_TYPES),
  stem: z.string(),
  options: z.array(z.string()),
  points: z.number().int(),
});
export type AttemptQuestion = z.infer<typeof attemptQuestionSchema>;

export const startOutputSchema = z.object({
  attemptId: idSchema,
  contestId: idSchema,
  title: z.string(),
  attemptNo: z.number().int(),
  attemptsAllowed: z.number().int(),
  startedAt: isoDateSchema,
  /** Server deadline; the phone's countdown runs against it, corrected by `serverNow`. */
  deadline: isoDateSchema,
  serverNow: isoDateSchema,
  questions: z.array(attemptQuestionSchema),
});
export type StartOutput = z.infer<typeof startOutputSchema>;

const MAX_QUESTIONS_PER_ATTEMPT = 200;
/** Displayed option indexes per question id. Bounded so a tampered payload cannot be large. */
export const attemptAnswersSchema = z
  .record(idSchema, z.array(z.number().int().min(0).max(9)).max(10))
  .refine((answers) => Object.keys(answers).length <= MAX_QUESTIONS_PER_ATTEMPT, { message: '答案数量过多' });
export type AttemptAnswers = z.infer<typeof attemptAnswersSchema>;

export const reviewItemSchema = z.object({
  questionId: idSchema,
  stem: z.string(),
  options: z.array(z.string()),
  /** Displayed indexes, in the same option order the member saw. */
  chosen: z.array(z.number().int()),
  correct: z.array(z.number().int()),
  isCorrect: z.boolean(),
  explanation: z.string(),
});

export const attemptResultSchema = z.object({
  attemptId: idSchema,
  contestId: idSchema,
  score: z.number().int(),
  maxScore: z.number().int(),
  correctCount: z.number().int(),
  questionCount: z.number().int(),
  durationMs: z.number().int(),
  submittedAt: isoDateSchema,
  /** False when the submit came after the deadline plus grace and was scored as of the deadline. */
  onTime: z.boolean(),
  /** Null when the contest does not show explanations after submit. */
  review: z.array(reviewItemSchema).nullable(),
});
export type AttemptResult = z.infer<typeof attemptResultSchema>;

export const boardRowSchema = z.object({
  rank: z.number().int(),
  name: z.string(),
  branchName: z.string(),
  score: z.number().int(),
  durationMs: z.number().int(),
  isMe: z.boolean(),
});
export type BoardRow = z.infer<typeof boardRowSchema>;

const contestRef = z.object({ contestId: idSchema }).strict();

export const quizContract = {
  contests: {
    input: z.object({ status: z.enum(['open', 'upcoming', 'closed']).optional() }).strict(),
    output: z.object({ items: z.array(contestSummarySchema) }),
  },
  start: { input: contestRef, output: startOutputSchema },
  submit: {
    input: z.object({ attemptId: idSchema, answers: attemptAnswersSchema }).strict(),
    /** The review (stems, explanations) is fetched by `result`, which keeps submit within its DB budget. */
    output: attemptResultSchema.omit({ review: true }),
  },
  result: { input: z.object({ attemptId: idSchema }).strict(), output: attemptResultSchema },
  leaderboard: {
    input: z
      .object({
        contestId: idSchema,
        cursor: z.string().max(80).optional(),
        pageSize: z.number().int().min(1).max(50).default(20),
      })
      .strict(),
    output: z.object({ items: z.array(boardRowSchema), nextCursor: z.string().nullable() }),
  },
  practice: practiceContract,
  myRank: {
    input: contestRef,
    output: z.object({
      rank: z.number().int().nullable(),
      score: z.number().int().nullable(),
      durationMs: z.number().int().nullable(),
    }),
  },
};
