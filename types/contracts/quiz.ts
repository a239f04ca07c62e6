import * as z from 'zod';
import { idSchema, importRowErrorSchema, isoDateSchema, MAX_IMPORT_BASE64, pageInputSchema, pageOutputSchema } from '../common';

export { MAX_IMPORT_BASE64, type ImportRowError } from '../common';
import { QUESTION_CATEGORIES, QUESTION_TYPES, questionDraftSchema } from '../question';
import { ATTEMPT_FLAGS } from '../labels';
import { practiceContracts } from './practice';

/**
 * When a member may see the answers and explanations of a contest's questions. `afterEachAttempt`
 * (right after submit) is allowed only with one attempt; otherwise `afterClose`: while the contest
 * is open a result shows the score only — not even right/wrong per question, which for a 判断题 is
 * the answer and for a 单选题 rules options out for the next attempt.
 */
export const REVIEW_POLICIES = ['afterEachAttempt', 'afterClose'] as const;
export type ReviewPolicy = (typeof REVIEW_POLICIES)[number];
/** `whole`: every question at start, one deadline. `perQuestion` (逐题限时): one question at a time, each with its own server deadline. */
export const CONTEST_PACES = ['whole', 'perQuestion'] as const;
export type ContestPace = (typeof CONTEST_PACES)[number];

/** What 竞赛须知 and the contest card state: the rules a member agrees to before starting. */
const contestRulesFields = {
  description: z.string(),
  review: z.enum(REVIEW_POLICIES),
  /** When answers and explanations become visible: the contest's end for `afterClose`, null for `afterEachAttempt`. */
  reviewAvailableAt: isoDateSchema.nullable(),
  pace: z.enum(CONTEST_PACES),
  /** Seconds each question stays answerable in `perQuestion` pace; null in `whole` pace. */
  secondsPerQuestion: z.number().int().nullable(),
  /** Leaving the page/app more than this many times hands the attempt in; null = switches are only counted. */
  maxSwitches: z.number().int().nullable(),
};

export const contestSummarySchema = z.object({
  id: idSchema,
  title: z.string(),
  startAt: isoDateSchema,
  endAt: isoDateSchema,
  status: z.enum(['upcoming', 'open', 'closed']),
  questionCount: z.number().int(),
  /** Whole attempt; in `perQuestion` pace questionCount × secondsPerQuestion. */
  timeLimitSec: z.number().int(),
  attemptsAllowed: z.number().int(),
  leaderboardVisible: z.boolean(),
  ...contestRulesFields,
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
  /** True when this start continued an unfinished attempt (say how much time is left: deadline − serverNow). */
  resumed: z.boolean(),
  pace: z.enum(CONTEST_PACES),
  questionCount: z.number().int(),
  /** In `perQuestion` pace: the one released question (`questions` holds only it) and its own deadline. Null in `whole` pace. */
  current: z.object({ index: z.number().int(), deadline: isoDateSchema }).nullable(),
  switchCount: z.number().int(),
  maxSwitches: z.number().int().nullable(),
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
  /** Times the member left the page/app during the attempt (切屏). */
  switchCount: z.number().int(),
  /** Handed in by the server because switches exceeded the contest's limit. */
  autoSubmitted: z.boolean(),
  /**
   * Null while answers are withheld (see REVIEW_POLICIES; `reviewAvailableAt` says until when) or when
   * the contest shows no explanations at all. Leaves out questions another open contest of the
   * member's may still ask (they return once it closes).
   */
  review: z.array(reviewItemSchema).nullable(),
  reviewAvailableAt: isoDateSchema.nullable(),
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
  /** Null for a branch without participants: ranks and medals belong to branches that took part. */
  rank: z.number().int().nullable(),
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

/** A contest's settings as the organiser edits them: `createContest` and `updateContest` take the same. */
const contestSettingsSchema = z
  .object({
    title: z.string().trim().min(4).max(40),
    description: z.string().trim().max(500).default(''),
    startAt: isoDateSchema,
    endAt: isoDateSchema,
    rules: z.array(drawRuleSchema).min(1).max(20),
    pointsPerQuestion: z.number().int().min(1).max(100).default(5),
    /** Required in `whole` pace; in `perQuestion` pace it is questionCount × secondsPerQuestion. */
    timeLimitSec: z.number().int().min(60).max(7200).optional(),
    attemptsAllowed: z.number().int().min(1).max(10).default(1),
    counts: z.enum(['best', 'latest']).default('best'),
    showExplanations: z.boolean().default(true),
    leaderboardVisible: z.boolean().default(true),
    /** Omit for the whole organisation. */
    audienceBranchIds: z.array(idSchema).min(1).max(500).optional(),
    /** Omit for the default: `afterEachAttempt` with one attempt, else `afterClose`. */
    review: z.enum(REVIEW_POLICIES).optional(),
    pace: z.enum(CONTEST_PACES).default('whole'),
    /** Required in `perQuestion` pace. */
    secondsPerQuestion: z.number().int().min(10).max(300).optional(),
    /** Switches allowed before the attempt is handed in; omit or null to only count them. */
    maxSwitches: z.number().int().min(0).max(20).nullable().default(null),
    /** Save without publishing (`publishContest` later). */
    draft: z.boolean().default(false),
  })
  .strict();

type ContestSettingsShape = z.output<typeof contestSettingsSchema>;

function checkContestSettings(contest: Omit<ContestSettingsShape, 'draft'>, ctx: z.RefinementCtx): void {
  if (Date.parse(contest.endAt) <= Date.parse(contest.startAt)) {
    ctx.addIssue({ code: 'custom', path: ['endAt'], message: '结束时间须晚于开始时间' });
  }
  if (contest.rules.reduce((sum, rule) => sum + rule.count, 0) > MAX_CONTEST_QUESTIONS) {
    ctx.addIssue({ code: 'custom', path: ['rules'], message: `每场最多 ${MAX_CONTEST_QUESTIONS} 题` });
  }
  if (contest.review === 'afterEachAttempt' && contest.attemptsAllowed !== 1) {
    ctx.addIssue({ code: 'custom', path: ['review'], message: '允许多次作答时，答案只能在竞赛结束后公布' });
  }
  if (contest.pace === 'perQuestion' && contest.secondsPerQuestion === undefined) {
    ctx.addIssue({ code: 'custom', path: ['secondsPerQuestion'], message: '逐题限时须设置每题秒数' });
  }
  if (contest.pace === 'whole' && contest.timeLimitSec === undefined) {
    ctx.addIssue({ code: 'custom', path: ['timeLimitSec'], message: '请设置答题时限' });
  }
}

export const createContestInputSchema = contestSettingsSchema.superRefine(checkContestSettings);
export type CreateContestInput = z.infer<typeof createContestInputSchema>;

/** Replaces every setting of a contest that has not opened yet (draft or upcoming). */
export const updateContestInputSchema = contestSettingsSchema
  .omit({ draft: true })
  .extend({ contestId: idSchema })
  .strict()
  .superRefine(checkContestSettings);
export type UpdateContestInput = z.infer<typeof updateContestInputSchema>;

export const contestSavedSchema = z.object({ contestId: idSchema, questionCount: z.number().int() });

/** A bank question as only org admins see it: with answer and explanation. */
export const bankQuestionSchema = z.object({ id: idSchema }).and(questionDraftSchema);
export type BankQuestion = z.infer<typeof bankQuestionSchema>;

const attemptRef = z.object({ attemptId: idSchema }).strict();
const submitOutputSchema = attemptResultSchema.omit({ review: true, reviewAvailableAt: true });

/** A contest as its organiser sees it in the workbench. */
export const CONTEST_ADMIN_STATUSES = ['draft', 'upcoming', 'open', 'closed'] as const;
export type ContestAdminStatus = (typeof CONTEST_ADMIN_STATUSES)[number];

export const adminContestSchema = z.object({
  id: idSchema,
  title: z.string(),
  status: z.enum(CONTEST_ADMIN_STATUSES),
  startAt: isoDateSchema,
  endAt: isoDateSchema,
  /** True when the organiser closed it before its planned end (`endAt` is then the close). */
  closedEarly: z.boolean(),
  questionCount: z.number().int(),
  timeLimitSec: z.number().int(),
  attemptsAllowed: z.number().int(),
  rules: z.array(drawRuleSchema),
  pointsPerQuestion: z.number().int(),
  counts: z.enum(['best', 'latest']),
  showExplanations: z.boolean(),
  leaderboardVisible: z.boolean(),
  audienceBranchIds: z.array(idSchema).nullable(),
  ...contestRulesFields,
  /** Members with a submitted attempt. */
  participantCount: z.number().int(),
  /** Mean of the participants' standing scores; null before anyone submitted. */
  averageScore: z.number().nullable(),
});
export type AdminContest = z.infer<typeof adminContestSchema>;

export const contestAttemptRowSchema = z.object({
  attemptId: idSchema,
  memberName: z.string(),
  branchName: z.string(),
  attemptNo: z.number().int(),
  status: z.enum(['open', 'submitted']),
  startedAt: isoDateSchema,
  submittedAt: isoDateSchema.nullable(),
  score: z.number().int().nullable(),
  maxScore: z.number().int(),
  correctCount: z.number().int().nullable(),
  durationMs: z.number().int().nullable(),
  onTime: z.boolean().nullable(),
  switchCount: z.number().int(),
  autoSubmitted: z.boolean(),
  flags: z.array(z.enum(ATTEMPT_FLAGS)),
});
export type ContestAttemptRow = z.infer<typeof contestAttemptRowSchema>;

export const questionStatSchema = z.object({
  questionId: idSchema,
  stem: z.string(),
  type: z.enum(QUESTION_TYPES),
  category: z.enum(QUESTION_CATEGORIES),
  /** Times the question was in a submitted attempt. */
  askedCount: z.number().int(),
  correctCount: z.number().int(),
  /** 0..1 */
  correctRate: z.number(),
});
export type QuestionStat = z.infer<typeof questionStatSchema>;

export const categoryStatSchema = z.object({
  category: z.enum(QUESTION_CATEGORIES),
  askedCount: z.number().int(),
  correctCount: z.number().int(),
  correctRate: z.number(),
});
export type CategoryStat = z.infer<typeof categoryStatSchema>;

/** Issue 11 actions (逐题限时, 切屏, the organiser's loop), all part of `quizContract` below. */
export const quizRound2Contracts = {
  /**
   * 逐题限时: records the answer to the released question and releases the next one with its own
   * deadline. An answer after the question's deadline (+ grace) is stored as unanswered
   * (`accepted: false`). After the last question the attempt is handed in and `result` is set.
   */
  answerQuestion: {
    input: z.object({ attemptId: idSchema, questionId: idSchema, chosen: z.array(z.number().int().min(0).max(9)).max(10) }).strict(),
    output: z.object({
      accepted: z.boolean(),
      next: z.object({ index: z.number().int(), deadline: isoDateSchema, question: attemptQuestionSchema }).nullable(),
      serverNow: isoDateSchema,
      result: submitOutputSchema.nullable(),
    }),
  },
  /**
   * 切屏: the app reports each time the member leaves the page/app during an attempt (one call per
   * hide). Past the contest's `maxSwitches` the attempt is handed in with `answers` — what the
   * phone holds so far in `whole` pace (omit: nothing); in `perQuestion` pace the stored answers.
   */
  reportSwitch: {
    input: z.object({ attemptId: idSchema, answers: attemptAnswersSchema.optional() }).strict(),
    output: z.object({
      switchCount: z.number().int(),
      maxSwitches: z.number().int().nullable(),
      autoSubmitted: z.boolean(),
      result: submitOutputSchema.nullable(),
    }),
  },
  /** Workbench list: every contest with its organiser status, participation and average. */
  adminContests: {
    input: z.object({ status: z.enum(CONTEST_ADMIN_STATUSES).optional() }).strict(),
    output: z.object({ items: z.array(adminContestSchema) }),
  },
  /** Replaces the settings of a draft or a contest that has not opened yet. */
  updateContest: { input: updateContestInputSchema, output: contestSavedSchema },
  /** Publishes a draft (its end must still be ahead). */
  publishContest: { input: contestRef, output: z.object({ contestId: idSchema, status: z.enum(CONTEST_ADMIN_STATUSES) }) },
  /** 撤回: a published contest that has not opened goes back to draft, invisible to members. */
  withdrawContest: { input: contestRef, output: z.object({ contestId: idSchema, status: z.literal('draft') }) },
  /** 提前结束: an open contest ends now; running attempts get the same deadline. */
  closeContest: { input: contestRef, output: z.object({ contestId: idSchema, endAt: isoDateSchema }) },
  /** A draft copy of any contest ("（副本）" in its title), to edit and publish. */
  duplicateContest: { input: contestRef, output: contestSavedSchema },
  /** Attempts of one contest, newest first, with switch counts and flags. */
  contestAttempts: {
    input: z
      .object({
        contestId: idSchema,
        cursor: z.string().max(200).optional(),
        pageSize: z.number().int().min(1).max(50).default(20),
      })
      .strict(),
    output: pageOutputSchema(contestAttemptRowSchema),
  },
  /** 成绩导出 (.xlsx in cloud storage): one row per member — branch, standing score, time, attempts, switches, flags. */
  exportResults: {
    input: contestRef,
    output: z.object({ fileID: z.string(), url: z.string(), rows: z.number().int(), truncated: z.boolean() }),
  },
  /** Per-question and per-category correct rates over submitted attempts (which topics are weak). */
  questionStats: {
    input: contestRef,
    output: z.object({ attemptCount: z.number().int(), items: z.array(questionStatSchema), byCategory: z.array(categoryStatSchema) }),
  },
};

export const quizContract = {
  contests: {
    input: z.object({ status: z.enum(['open', 'upcoming', 'closed']).optional() }).strict(),
    output: z.object({ items: z.array(contestSummarySchema) }),
  },
  start: { input: contestRef, output: startOutputSchema },
  submit: {
    input: z.object({ attemptId: idSchema, answers: attemptAnswersSchema }).strict(),
    /** The review (stems, explanations) is fetched by `result`, which keeps submit within its DB budget. */
    output: submitOutputSchema,
  },
  result: { input: attemptRef, output: attemptResultSchema },
  answerQuestion: quizRound2Contracts.answerQuestion,
  reportSwitch: quizRound2Contracts.reportSwitch,
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
  /**
   * 支部榜: every branch; those with participants ranked by participation rate, then the
   * participants' average, the rest after them unranked. `participantCount` 0 = 暂无支部参赛.
   */
  branchBoard: {
    input: contestRef,
    output: z.object({ items: z.array(branchRowSchema), participantCount: z.number().int(), computedAt: isoDateSchema }),
  },
  adminContests: quizRound2Contracts.adminContests,
  updateContest: quizRound2Contracts.updateContest,
  publishContest: quizRound2Contracts.publishContest,
  withdrawContest: quizRound2Contracts.withdrawContest,
  closeContest: quizRound2Contracts.closeContest,
  duplicateContest: quizRound2Contracts.duplicateContest,
  contestAttempts: quizRound2Contracts.contestAttempts,
  exportResults: quizRound2Contracts.exportResults,
  questionStats: quizRound2Contracts.questionStats,
  ...practiceContracts,
  createContest: {
    input: createContestInputSchema,
    output: contestSavedSchema,
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
