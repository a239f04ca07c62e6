import * as z from 'zod';
import { idSchema, importRowErrorSchema, isoDateSchema, MAX_IMPORT_BASE64, pageInputSchema, pageOutputSchema } from '../common';

export { MAX_IMPORT_BASE64, type ImportRowError } from '../common';
import { QUESTION_CATEGORIES, QUESTION_TYPES, questionDraftSchema } from '../question';
import { practiceContracts } from './practice';

export const contestSummarySchema = z.object({
  id: idSchema,
  title: z.string(),
  startAt: isoDateSchema,
  endAt: isoDateSchema,
  status: z.enum(['upcoming', 'open', 'closed']),
  questionCount: z.number().int(),
  timeLimitSec: z.number().int(),
  attemptsAllowed: z.number().int(),
  leaderboardVisible: z.boolean(),
  /** The caller's own standing, so the list can say 再答一次 / 继续答题 / 次数已用完 without extra calls. */
  mine: z.object({
    attemptsUsed: z.number().int(),
    openAttemptId: idSchema.nullable(),
    bestScore: z.number().int().nullable(),
  }),
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

export const branchRowSchema = z.object({
  rank: z.number().int(),
  branchId: idSchema,
  branchName: z.string(),
  memberCount: z.number().int(),
  participantCount: z.number().int(),
  /** 0..1 */
  participationRate: z.number(),
  averageScore: z.number(),
  isMine: z.boolean(),
});
export type BranchRow = z.infer<typeof branchRowSchema>;

const contestRef = z.object({ contestId: idSchema }).strict();

export const MAX_CONTEST_QUESTIONS = 100;
export const drawRuleSchema = z
  .object({
    category: z.enum(QUESTION_CATEGORIES).optional(),
    difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
    count: z.number().int().min(1).max(MAX_CONTEST_QUESTIONS),
  })
  .strict();

export const createContestInputSchema = z
  .object({
    title: z.string().trim().min(4).max(40),
    description: z.string().trim().max(500).default(''),
    startAt: isoDateSchema,
    endAt: isoDateSchema,
    rules: z.array(drawRuleSchema).min(1).max(20),
    pointsPerQuestion: z.number().int().min(1).max(100).default(5),
    timeLimitSec: z.number().int().min(60).max(7200),
    attemptsAllowed: z.number().int().min(1).max(10).default(1),
    counts: z.enum(['best', 'latest']).default('best'),
    showExplanations: z.boolean().default(true),
    leaderboardVisible: z.boolean().default(true),
    /** Omit for the whole organisation. */
    audienceBranchIds: z.array(idSchema).min(1).max(500).optional(),
  })
  .strict()
  .superRefine((contest, ctx) => {
    if (Date.parse(contest.endAt) <= Date.parse(contest.startAt)) {
      ctx.addIssue({ code: 'custom', path: ['endAt'], message: '结束时间须晚于开始时间' });
    }
    if (contest.rules.reduce((sum, rule) => sum + rule.count, 0) > MAX_CONTEST_QUESTIONS) {
      ctx.addIssue({ code: 'custom', path: ['rules'], message: `每场最多 ${MAX_CONTEST_QUESTIONS} 题` });
    }
  });
export type CreateContestInput = z.infer<typeof createContestInputSchema>;

/** A bank question as only org admins see it: with answer and explanation. */
export const bankQuestionSchema = z.object({ id: idSchema }).and(questionDraftSchema);
export type BankQuestion = z.infer<typeof bankQuestionSchema>;

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
  /** 支部榜: every branch, ranked by participation rate, then the participants' average. */
  branchBoard: {
    input: contestRef,
    output: z.object({ items: z.array(branchRowSchema), computedAt: isoDateSchema }),
  },
  ...practiceContracts,
  createContest: {
    input: createContestInputSchema,
    output: z.object({ contestId: idSchema, questionCount: z.number().int() }),
  },
  questions: {
    input: pageInputSchema.extend({ category: z.enum(QUESTION_CATEGORIES).optional() }).strict(),
    output: pageOutputSchema(bankQuestionSchema),
  },
  /** The bank spreadsheet template (two example rows and a sheet of instructions), base64. */
  bankTemplate: {
    input: z.object({}).strict(),
    output: z.object({ templateBase64: z.string() }),
  },
  importBank: {
    input: z
      .object({
        mode: z.enum(['validate', 'import']),
        fileBase64: z
          .string()
          .min(1)
          .max(MAX_IMPORT_BASE64)
          .regex(/^[A-Za-z0-9+/]+={0,2}$/, '不是 base64'),
      })
      .strict(),
    output: z.object({
      rows: z.number().int(),
      imported: z.number().int(),
      errors: z.array(importRowErrorSchema),
    }),
  },
  myRank: {
    input: contestRef,
    output: z.object({
      rank: z.number().int().nullable(),
      score: z.number().int().nullable(),
      durationMs: z.number().int().nullable(),
    }),
  },
};
