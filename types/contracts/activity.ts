import * as z from 'zod';
import { ACTIVITY_KINDS } from '../labels';
import { idSchema, isoDateSchema, pageInputSchema, pageOutputSchema } from '../common';

export const activityKindSchema = z.enum(ACTIVITY_KINDS);

export const activitySummarySchema = z.object({
  id: idSchema,
  kind: activityKindSchema,
  title: z.string(),
  branchId: idSchema.nullable(),
  place: z.string(),
  startAt: isoDateSchema,
  endAt: isoDateSchema,
  capacity: z.number().int().nullable(),
  signedUpCount: z.number().int(),
});
export type ActivitySummary = z.infer<typeof activitySummarySchema>;

export const activityContract = {
  list: {
    input: pageInputSchema.extend({ scope: z.enum(['upcoming']).default('upcoming') }).strict(),
    output: pageOutputSchema(activitySummarySchema),
  },
};
