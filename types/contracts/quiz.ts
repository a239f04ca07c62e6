import * as z from 'zod';
import { idSchema, isoDateSchema } from '../common';

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

export const quizContract = {
  contests: {
    input: z.object({ status: z.enum(['open', 'upcoming', 'closed']).optional() }).strict(),
    output: z.object({ items: z.array(contestSummarySchema) }),
  },
};
