import { z } from 'zod';
import { idSchema, isoDateSchema, pageInputSchema, pageOutputSchema } from '../common';

export const ACTIVITY_KINDS = ['lesson', 'theme_day', 'story_talk', 'reading', 'film', 'visit', 'seminar'] as const;
export const activityKindSchema = z.enum(ACTIVITY_KINDS);
export type ActivityKind = z.infer<typeof activityKindSchema>;
export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = {
  lesson: '党课',
  theme_day: '主题党日',
  story_talk: '红色故事宣讲',
  reading: '读书',
  film: '观影',
  visit: '参观红色教育基地',
  seminar: '研讨',
};

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
