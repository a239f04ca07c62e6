import * as z from 'zod';

/** 每日一练 — owned by the practice work; filled in there. */
export const practiceContract = {
  input: z.object({ op: z.literal('today') }).strict(),
  output: z.object({}),
};
