/**
 * 活动: organisers (a secretary for their branch, org admins for chosen branches or all) create,
 * publish, change and cancel activities; members sign up, cancel, ask for leave (请假). Capacity is
 * never exceeded; with a waitlist, freed seats go to the next person in arrival order.
 */
import * as z from 'zod';
import { ACTIVITY_KINDS, ACTIVITY_STATUSES, PROGRAMME_ITEM_KEYS, SIGN_UP_STATUSES } from '../labels';
import { fileIdSchema, idSchema, isoDateSchema, pageInputSchema, pageOutputSchema } from '../common';

export const activityKindSchema = z.enum(ACTIVITY_KINDS);
export const activityStatusSchema = z.enum(ACTIVITY_STATUSES);
export const signUpStatusSchema = z.enum(SIGN_UP_STATUSES);
export const programmeItemKeySchema = z.enum(PROGRAMME_ITEM_KEYS);

/** Most branches an activity can address by name; more than this is an org-wide activity. */
export const MAX_AUDIENCE_BRANCHES = 200;
export const MAX_CAPACITY = 5000;
export const MAX_STUDY_HOURS = 24;

/** A cloud-storage file id, as wx.cloud.uploadFile returns it. */
const reasonSchema = z.string().trim().min(2, '请写明原因').max(200);

/**
 * What an organiser fills in. Times are instants (the form converts from Asia/Shanghai); the
 * sign-up window closes no later than the start; `audienceBranchIds` null means every branch
 * (org admins only), otherwise the branches whose members may see and join it.
 */
export const activityDraftSchema = z
  .object({
    kind: activityKindSchema,
    title: z.string().trim().min(2).max(40),
    description: z.string().trim().max(2000).default(''),
    coverFileId: fileIdSchema.nullable().default(null),
    /** Free text, or the name of the red base picked from the directory (baseId set). */
    place: z.string().trim().min(2).max(60),
    baseId: idSchema.nullable().default(null),
    /** Online activities can be joined from anywhere (流动党员); offline ones happen at `place`. */
    online: z.boolean().default(false),
    startAt: isoDateSchema,
    endAt: isoDateSchema,
    signUpOpensAt: isoDateSchema.nullable().default(null),
    signUpDeadline: isoDateSchema,
    capacity: z.number().int().min(1).max(MAX_CAPACITY).nullable().default(null),
    waitlist: z.boolean().default(true),
    audienceBranchIds: z.array(idSchema).min(1).max(MAX_AUDIENCE_BRANCHES).nullable(),
    /** The 六个一 item attending counts for, if any. */
    countsFor: programmeItemKeySchema.nullable().default(null),
    /** 学时 credited for attending, in half hours. */
    studyHours: z.number().min(0.5).max(MAX_STUDY_HOURS).multipleOf(0.5).nullable().default(null),
  })
  .strict()
  .superRefine((draft, ctx) => {
    const at = (iso: string) => new Date(iso).getTime();
    if (at(draft.endAt) <= at(draft.startAt)) ctx.addIssue({ code: 'custom', path: ['endAt'], message: '结束时间须晚于开始时间' });
    if (at(draft.signUpDeadline) > at(draft.startAt)) {
      ctx.addIssue({ code: 'custom', path: ['signUpDeadline'], message: '报名截止不能晚于开始时间' });
    }
    if (draft.signUpOpensAt !== null && at(draft.signUpOpensAt) >= at(draft.signUpDeadline)) {
      ctx.addIssue({ code: 'custom', path: ['signUpOpensAt'], message: '报名开始须早于报名截止' });
    }
  });
export type ActivityDraftInput = z.input<typeof activityDraftSchema>;
export type ActivityDraft = z.output<typeof activityDraftSchema>;

export const activitySummarySchema = z.object({
  id: idSchema,
  kind: activityKindSchema,
  title: z.string(),
  status: activityStatusSchema,
  branchId: idSchema.nullable(),
  place: z.string(),
  online: z.boolean(),
  startAt: isoDateSchema,
  endAt: isoDateSchema,
  signUpDeadline: isoDateSchema,
  capacity: z.number().int().nullable(),
  signedUpCount: z.number().int(),
  waitlistCount: z.number().int(),
  waitlist: z.boolean(),
  /** The caller's own state, when the list is theirs (scope 'mine'); null elsewhere. */
  mine: signUpStatusSchema.nullable(),
});
export type ActivitySummary = z.infer<typeof activitySummarySchema>;

export const activityDetailSchema = activitySummarySchema.extend({
  description: z.string(),
  /** Sent back unchanged by the edit form, so saving other fields keeps the cover. */
  coverFileId: z.string().nullable(),
  coverUrl: z.string().nullable(),
  baseId: idSchema.nullable(),
  signUpOpensAt: isoDateSchema.nullable(),
  audienceBranchIds: z.array(idSchema).nullable(),
  countsFor: programmeItemKeySchema.nullable(),
  studyHours: z.number().nullable(),
  cancelReason: z.string().nullable(),
  /** null when there is no capacity. */
  seatsLeft: z.number().int().nullable(),
  /** What the caller may do now, decided by the server (deadline, audience, lifecycle, own state). */
  can: z.object({
    signUp: z.boolean(),
    cancelSignUp: z.boolean(),
    requestLeave: z.boolean(),
    manage: z.boolean(),
  }),
  /** Why signing up is not possible now, in words for the member (e.g. 报名已截止); null when it is. */
  signUpClosedReason: z.string().nullable(),
});
export type ActivityDetail = z.infer<typeof activityDetailSchema>;

const activityIdInput = z.object({ id: idSchema }).strict();

export const attendeeSchema = z.object({
  memberId: idSchema,
  name: z.string(),
  branchId: idSchema,
  status: signUpStatusSchema,
  signedUpAt: isoDateSchema,
  leaveReason: z.string().nullable(),
  /** Added by an organiser over capacity. */
  addedByOrganiser: z.boolean(),
});
export type Attendee = z.infer<typeof attendeeSchema>;

/** What the canvas-drawn 5:4 share card and the 朋友圈 share show, from live data. */
export const shareCardSchema = z.object({
  id: idSchema,
  title: z.string(),
  kindLabel: z.string(),
  startAt: isoDateSchema,
  endAt: isoDateSchema,
  place: z.string(),
  online: z.boolean(),
  seatsLeft: z.number().int().nullable(),
  full: z.boolean(),
  waitlist: z.boolean(),
  /** The mini-program path a shared card opens. */
  path: z.string(),
});
export type ShareCard = z.infer<typeof shareCardSchema>;

/** Most rows one sheet of an attendee export lists; a longer list is cut there and says so in its last row. */
export const MAX_EXPORT_ROWS = 10_000;

/** An .xlsx in cloud storage (sheet 1: every sign-up; sheet 2: audience members who did not sign up) and a temporary link to it. */
export const attendeeExportSchema = z.object({
  fileID: z.string(),
  url: z.string(),
  /** Sign-ups on the first sheet. */
  rows: z.number().int(),
  /** Members on the second sheet. */
  notSignedUp: z.number().int(),
  /** A sheet reached MAX_EXPORT_ROWS and lists only the first of them. */
  truncated: z.boolean(),
});
export type AttendeeExport = z.infer<typeof attendeeExportSchema>;

const signUpStateSchema = z.object({
  status: signUpStatusSchema,
  activity: activityDetailSchema,
});

export const activityContract = {
  create: {
    input: activityDraftSchema,
    output: z.object({ activity: activityDetailSchema }),
  },
  update: {
    input: z.object({ id: idSchema, draft: activityDraftSchema, reason: reasonSchema.optional() }).strict(),
    output: z.object({ activity: activityDetailSchema, notified: z.number().int() }),
  },
  publish: {
    input: activityIdInput,
    output: z.object({ activity: activityDetailSchema }),
  },
  cancel: {
    input: z.object({ id: idSchema, reason: reasonSchema }).strict(),
    output: z.object({ activity: activityDetailSchema, notified: z.number().int() }),
  },
  list: {
    input: pageInputSchema
      .extend({
        scope: z.enum(['upcoming', 'mine', 'past', 'managed']).default('upcoming'),
        /** Only activities whose attendance counts for this 六个一 item (我的六个一's 去完成); the lists a member browses only. */
        countsFor: programmeItemKeySchema.optional(),
      })
      .strict()
      .superRefine((input, ctx) => {
        if (input.countsFor !== undefined && (input.scope === 'mine' || input.scope === 'managed')) {
          ctx.addIssue({ code: 'custom', path: ['countsFor'], message: '只能在即将开始和往期活动中按项目筛选' });
        }
      }),
    output: pageOutputSchema(activitySummarySchema),
  },
  detail: {
    input: activityIdInput,
    output: z.object({ activity: activityDetailSchema, mine: signUpStatusSchema.nullable() }),
  },
  signUp: {
    input: z.object({ id: idSchema, acceptReminder: z.boolean().default(false) }).strict(),
    output: signUpStateSchema,
  },
  cancelSignUp: {
    input: activityIdInput,
    output: signUpStateSchema,
  },
  requestLeave: {
    input: z.object({ id: idSchema, reason: reasonSchema }).strict(),
    output: signUpStateSchema,
  },
  addAttendee: {
    input: z.object({ id: idSchema, memberId: idSchema, reason: reasonSchema }).strict(),
    output: z.object({ attendee: attendeeSchema }),
  },
  attendees: {
    input: pageInputSchema.extend({ id: idSchema, status: signUpStatusSchema.optional() }).strict(),
    output: pageOutputSchema(attendeeSchema).extend({
      counts: z.record(signUpStatusSchema, z.number().int()),
    }),
  },
  shareCard: {
    input: activityIdInput,
    output: shareCardSchema,
  },
  exportAttendees: {
    input: activityIdInput,
    output: attendeeExportSchema,
  },
  posterCode: {
    input: activityIdInput,
    /** The activity's 小程序码 (opens the detail page), made once and kept in cloud storage. */
    output: z.object({ fileID: z.string(), url: z.string() }),
  },
};
