import * as z from 'zod';

/** 花名册导入 — owned by the roster work; filled in there. */
export const importRosterContract = {
  input: z.object({ mode: z.literal('template') }).strict(),
  output: z.object({}),
};
