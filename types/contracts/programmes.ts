/**
 * The stats function's programmes (学习活动方案), members' self-reports (读书 / 观影), reminders
 * and the 台账 export (issue 14). The shared schemas are types/contracts/stats.ts.
 */
import * as z from 'zod';
import { idSchema, isoDateSchema, pageInputSchema, pageOutputSchema } from '../common';
import { programmeDraftSchema, programmeItemKeySchema, programmeViewSchema } from './stats';

const jobIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,40}$/);

export const programmeContract = {
  /** The running programmes (org admins: all), newest first. */
  programmes: { input: pageInputSchema.strict(), output: pageOutputSchema(programmeViewSchema) },
  createProgramme: { input: z.object({ programme: programmeDraftSchema }).strict(), output: z.object({ programme: programmeViewSchema }) },
  updateProgramme: {
    input: z.object({ id: idSchema, programme: programmeDraftSchema }).strict(),
    output: z.object({ programme: programmeViewSchema }),
  },
  /** 读书 / 观影 and the like: a member reports with a photo; it counts once the secretary confirms. */
  selfReport: {
    input: z
      .object({
        programmeId: idSchema,
        item: programmeItemKeySchema,
        title: z.string().trim().min(2, '请写明书名或片名').max(60, '过长'),
        note: z.string().trim().max(500).default(''),
        photoFileId: z
          .string()
          .regex(/^cloud:\/\/\S+$/, '请上传照片')
          .max(512),
      })
      .strict(),
    output: z.object({ reportId: z.string() }),
  },
  /** A secretary's branch's reports awaiting confirmation (org admins: every branch's), oldest first. */
  /** A secretary's branch's reports awaiting confirmation (org admins: every branch's), oldest first. */
  reportQueue: {
    input: pageInputSchema.strict(),
    output: pageOutputSchema(
      z.object({
        id: z.string(),
        memberName: z.string(),
        item: programmeItemKeySchema,
        title: z.string(),
        note: z.string(),
        photoUrl: z.string().nullable(),
        reportedAt: isoDateSchema,
      }),
    ),
  },
  confirmReport: {
    input: z.object({ id: idSchema, accept: z.boolean(), reason: z.string().trim().max(200).default('') }).strict(),
    output: z.object({ status: z.enum(['confirmed', 'declined']) }),
  },
  /** Queues a subscribe-message reminder to each listed member (at most one per member per day). */
  /** Queues a subscribe-message reminder to each listed member (at most one per member per day). */
  remindMembers: {
    input: z.object({ programmeId: idSchema, branchId: idSchema.optional(), memberIds: z.array(idSchema).min(1).max(100) }).strict(),
    output: z.object({ queued: z.number().int(), alreadyReminded: z.number().int() }),
  },
  /** Builds the 台账 workbook in cloud storage; poll `exportStatus` with the same `jobId` for progress. */
  /** Builds the 台账 workbook in cloud storage; poll `exportStatus` with the same `jobId` for progress. */
  exportLedger: {
    input: z.object({ programmeId: idSchema, jobId: jobIdSchema }).strict(),
    output: z.object({ fileId: z.string(), url: z.string(), fileName: z.string(), branches: z.number().int() }),
  },
  exportStatus: {
    input: z.object({ jobId: jobIdSchema }).strict(),
    output: z.object({ state: z.enum(['unknown', 'building', 'done', 'failed']), done: z.number().int(), total: z.number().int() }),
  },
};
