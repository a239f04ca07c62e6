import * as z from 'zod';
import { idSchema, isoDateSchema } from '../common';
import { QUESTION_TYPES } from '../question';

/**
 * 每日一练: `quiz.practice` (today's set), `quiz.practiceSubmit`, `quiz.mistakes` (the 错题本) and
 * `quiz.retryMistake`. The server picks the day (Asia/Shanghai, from its own clock); the phone only
 * echoes it back.
 */

export const PRACTICE_QUESTION_COUNT = 5;

/** A Shanghai calendar day, YYYY-MM-DD. */
export const practiceDaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/** Option indexes the member chose; bounded so a tampered payload stays small. */
const chosenSchema = z.array(z.number().int().min(0).max(9)).max(10);

/** Today's answers: displayed option indexes per question id, at most one entry per question of the set. */
export const practiceAnswersSchema = z
  .record(idSchema, chosenSchema)
  .refine((answers) => Object.keys(answers).length <= PRACTICE_QUESTION_COUNT, { message: '答案数量过多' });
export type PracticeAnswers = z.infer<typeof practiceAnswersSchema>;

/** `<ISO instant>~<questionId>`: the last notebook row seen, for keyset paging. */
export const mistakeCursorSchema = z
  .string()
  .max(100)
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z~[A-Za-z0-9_-]{1,64}$/, '格式不正确');

export const practiceSubmitInputSchema = z.object({ day: practiceDaySchema, answers: practiceAnswersSchema }).strict();

export const mistakesInputSchema = z
  .object({
    cursor: mistakeCursorSchema.optional(),
    pageSize: z.number().int().min(1).max(50).default(20),
  })
  .strict();

export const retryMistakeInputSchema = z
  .object({
    questionId: idSchema,
    /** Option indexes in the notebook's (bank) order. */
    answer: chosenSchema.min(1, '请选择答案'),
  })
  .strict();

/** A question as the phone sees it before submit: options in this member's order for the day, no answer. */
export const practiceQuestionSchema = z.object({
  id: idSchema,
  type: z.enum(QUESTION_TYPES),
  stem: z.string(),
  options: z.array(z.string()),
});
export type PracticeQuestion = z.infer<typeof practiceQuestionSchema>;

export const practiceReviewItemSchema = z.object({
  questionId: idSchema,
  type: z.enum(QUESTION_TYPES),
  stem: z.string(),
  /** In the order the member saw; `chosen` and `correct` are indexes into it. */
  options: z.array(z.string()),
  chosen: z.array(z.number().int()),
  correct: z.array(z.number().int()),
  isCorrect: z.boolean(),
  explanation: z.string(),
});
export type PracticeReviewItem = z.infer<typeof practiceReviewItemSchema>;

export const practiceResultSchema = z.object({
  day: practiceDaySchema,
  correctCount: z.number().int(),
  questionCount: z.number().int(),
  /** Points this day added to the member's total (once per day). */
  pointsEarned: z.number().int(),
  submittedAt: isoDateSchema,
  review: z.array(practiceReviewItemSchema),
});
export type PracticeResult = z.infer<typeof practiceResultSchema>;

/** The member's standing. `streak` is 0 once a day has been missed, even before the next submit. */
export const practiceStandingSchema = z.object({
  streak: z.number().int(),
  bestStreak: z.number().int(),
  points: z.number().int(),
  daysDone: z.number().int(),
});
export type PracticeStanding = z.infer<typeof practiceStandingSchema>;

export const practiceTodaySchema = practiceStandingSchema.extend({
  day: practiceDaySchema,
  questions: z.array(practiceQuestionSchema),
  doneToday: z.boolean(),
  /** Present once today's set was submitted. */
  result: practiceResultSchema.nullable(),
});
export type PracticeToday = z.infer<typeof practiceTodaySchema>;

export const practiceSubmitSchema = practiceStandingSchema.extend({
  result: practiceResultSchema,
});
export type PracticeSubmitOutput = z.infer<typeof practiceSubmitSchema>;

/** A notebook entry: already answered, so the answer and explanation may be shown. Options in bank order. */
export const mistakeItemSchema = z.object({
  questionId: idSchema,
  type: z.enum(QUESTION_TYPES),
  stem: z.string(),
  options: z.array(z.string()),
  correct: z.array(z.number().int()),
  explanation: z.string(),
  wrongCount: z.number().int(),
  lastWrongAt: isoDateSchema,
});
export type MistakeItem = z.infer<typeof mistakeItemSchema>;

export const practiceMistakesSchema = z.object({
  items: z.array(mistakeItemSchema),
  nextCursor: z.string().nullable(),
  /** Open entries in the notebook. */
  total: z.number().int(),
});
export type PracticeMistakes = z.infer<typeof practiceMistakesSchema>;

export const practiceRetrySchema = z.object({
  questionId: idSchema,
  correct: z.boolean(),
  /** True when the question left the notebook. */
  resolved: z.boolean(),
  /** Times answered wrong so far (unchanged when resolved). */
  wrongCount: z.number().int(),
  correctAnswer: z.array(z.number().int()),
  explanation: z.string(),
  /** Open entries left in the notebook. */
  remaining: z.number().int(),
});
export type PracticeRetry = z.infer<typeof practiceRetrySchema>;

/** The 每日一练 actions of `quiz`, one contract each. */
export const practiceContracts = {
  practice: { input: z.object({}).strict(), output: practiceTodaySchema },
  practiceSubmit: { input: practiceSubmitInputSchema, output: practiceSubmitSchema },
  mistakes: { input: mistakesInputSchema, output: practiceMistakesSchema },
  retryMistake: { input: retryMistakeInputSchema, output: practiceRetrySchema },
};
export type MistakesInput = z.output<typeof mistakesInputSchema>;
export type RetryMistakeInput = z.output<typeof retryMistakeInputSchema>;
export type PracticeSubmitInput = z.output<typeof practiceSubmitInputSchema>;
