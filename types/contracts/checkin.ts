/**
 * 签到 / 打卡 (issue 10): the red-education base directory, and the three ways to check in — a
 * printed base code with a geofence (open visits), the organiser's rotating code (activities) and
 * the member's personal code the organiser scans (反扫) — plus 签退 with 学时, the live roster,
 * 补录 and the member's footprint. The rules are in core/checkin/rules.ts, the codes in
 * core/checkin/token.ts; ARCHITECTURE.md, "Check-ins", explains the design.
 */
import * as z from 'zod';
import { fileIdSchema, idSchema, isoDateSchema, pageInputSchema, pageOutputSchema } from '../common';
import { BASE_LEVELS, CHECKIN_METHODS, PROGRAMME_ITEM_KEYS } from '../labels';

/** Bounds that keep a mistyped radius from making a fence that admits a whole county or nobody at all. */
export const MIN_BASE_RADIUS_M = 30;
export const MAX_BASE_RADIUS_M = 5000;
export const MAX_BASE_PHOTOS = 9;

/** A position as `wx.getLocation` (type gcj02) reports it; accuracy in metres. */
export const locationReadingSchema = z
  .object({
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    accuracy: z.number().min(0).max(100_000),
  })
  .strict();
export type LocationReading = z.infer<typeof locationReadingSchema>;

export const baseSummarySchema = z.object({
  id: idSchema,
  name: z.string(),
  level: z.enum(BASE_LEVELS).nullable(),
  county: z.string(),
  address: z.string(),
  theme: z.string(),
  /** Coordinates are a rough point (e.g. the county seat), not the site itself. */
  approximate: z.boolean(),
  /** Metres from the reading the list was asked with; null without one. */
  distanceM: z.number().int().nullable(),
});
export type BaseSummary = z.infer<typeof baseSummarySchema>;

export const baseDetailSchema = baseSummarySchema.omit({ distanceM: true }).extend({
  latitude: z.number(),
  longitude: z.number(),
  radiusM: z.number().int(),
  /** 讲解词 */
  intro: z.string(),
  photoFileIds: z.array(z.string()),
  /** HTTPS links for `<Image>`, in the order of `photoFileIds`; a photo lost from storage is left out. */
  photoUrls: z.array(z.string()),
});
export type BaseDetail = z.infer<typeof baseDetailSchema>;

export const baseDraftSchema = z
  .object({
    name: z.string().trim().min(2, '请填写基地名称').max(40, '过长'),
    level: z.enum(BASE_LEVELS).nullable().default(null),
    county: z.string().trim().min(1, '请填写所在区县').max(20, '过长'),
    address: z.string().trim().min(1, '请填写地址').max(100, '过长'),
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    approximate: z.boolean(),
    radiusM: z
      .number()
      .int()
      .min(MIN_BASE_RADIUS_M, `打卡半径至少 ${MIN_BASE_RADIUS_M} 米`)
      .max(MAX_BASE_RADIUS_M, `打卡半径至多 ${MAX_BASE_RADIUS_M} 米`),
    theme: z.string().trim().max(20, '过长').default(''),
    intro: z.string().trim().max(3000, '过长').default(''),
    photoFileIds: z.array(fileIdSchema).max(MAX_BASE_PHOTOS, `最多 ${MAX_BASE_PHOTOS} 张照片`).default([]),
  })
  .strict();
export type BaseDraft = z.infer<typeof baseDraftSchema>;

/** Longest code a scan may carry: a 64-character id plus the 18-character tail. */
const MAX_CODE_LENGTH = 82;
const codeSchema = z.string().trim().min(1, '请输入签到码').max(MAX_CODE_LENGTH, '签到码无效');

/**
 * A scan the phone queued while offline (poor signal at a remote base) and sends later. The time is
 * the phone's and only bounds how old a queued scan may be; a rotating code proves its own time.
 */
const queuedSchema = z.object({ scannedAt: isoDateSchema }).strict();

/** 签到 or 签退: what an activity's rotating code (and an organiser's 反扫) records. */
export const CHECK_DIRECTIONS = ['in', 'out'] as const;
export const checkDirectionSchema = z.enum(CHECK_DIRECTIONS);
export type CheckDirection = z.infer<typeof checkDirectionSchema>;

/** One check-in as a member's history and an organiser's roster show it. */
export const checkinViewSchema = z.object({
  id: z.string(),
  kind: z.enum(['activity', 'base']),
  activityId: z.string().nullable(),
  baseId: z.string().nullable(),
  /** The activity's title or the base's name. */
  placeName: z.string(),
  memberId: z.string(),
  name: z.string(),
  method: z.enum(CHECKIN_METHODS),
  /** When presence was proven: server time, or the slot of a code scanned offline. */
  checkedInAt: isoDateSchema,
  checkedOutAt: isoDateSchema.nullable(),
  /** Minutes present between 签到 and 签退, within the activity's time; null before 签退. */
  presentMinutes: z.number().int().nullable(),
  /** 学时 credited for the time present (half hours, capped at the activity's 学时). */
  studyHours: z.number().nullable(),
  /** Sent later from the phone's offline queue: shown to organisers. */
  offline: z.boolean(),
  /** Metres from the fence centre when a location was checked. */
  distanceM: z.number().int().nullable(),
  /** Where it happened, for the footprint map: the base, or the activity's check-in point. */
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  countsFor: z.enum(PROGRAMME_ITEM_KEYS).nullable(),
  photoFileId: z.string().nullable(),
  /** The organiser who scanned the member's personal code or back-filled; null when the member scanned. */
  recordedByName: z.string().nullable(),
  /** A 补录's reason. */
  reason: z.string().nullable(),
});
export type CheckinView = z.infer<typeof checkinViewSchema>;

/** The point and radius an activity's location check uses: its base's, or where the organiser stood. */
export const checkinFenceSchema = z.object({
  latitude: z.number(),
  longitude: z.number(),
  radiusM: z.number().int(),
  source: z.enum(['base', 'organiser']),
});
export type CheckinFence = z.infer<typeof checkinFenceSchema>;

export const issuedCodeSchema = z.object({
  code: z.string(),
  /** What the QR code holds: a link that WeChat's own scanner opens in the landing page. */
  qrText: z.string(),
  /** The code stops being accepted at this instant (the end of the slot after its own). */
  validUntil: isoDateSchema,
  /** Ask for the next code after this long: the start of the next slot. */
  refreshInMs: z.number().int(),
  /** Null for online activities and personal codes, or until a place is known. */
  fence: checkinFenceSchema.nullable(),
});
export type IssuedCode = z.infer<typeof issuedCodeSchema>;

export const rosterSchema = z.object({
  activity: z.object({
    id: z.string(),
    title: z.string(),
    startAt: isoDateSchema,
    endAt: isoDateSchema,
    /** After the end, a signed-up member without a check-in is a no-show (未到), not just missing. */
    ended: z.boolean(),
    online: z.boolean(),
    studyHours: z.number().nullable(),
  }),
  counts: z.object({
    signedUp: z.number().int(),
    checkedIn: z.number().int(),
    /** Checked in without holding a place (the audience may walk in). */
    walkIns: z.number().int(),
    missing: z.number().int(),
    checkedOut: z.number().int(),
  }),
  /** Newest first. */
  present: z.array(checkinViewSchema),
  /** Signed up (status signed), no check-in; in name order. */
  missing: z.array(z.object({ memberId: z.string(), name: z.string() })),
});
export type Roster = z.infer<typeof rosterSchema>;

export const checkinContract = {
  bases: {
    input: pageInputSchema.extend({ near: locationReadingSchema.optional() }).strict(),
    output: pageOutputSchema(baseSummarySchema),
  },
  baseDetail: {
    input: z.object({ id: idSchema }).strict(),
    output: z.object({ base: baseDetailSchema }),
  },
  /** Without `id` a new base; with one, that base replaced by `base`. */
  saveBase: {
    input: z.object({ id: idSchema.optional(), base: baseDraftSchema }).strict(),
    output: z.object({ base: baseDetailSchema, created: z.boolean() }),
  },
  /**
   * The organiser's rotating code for an activity (`in` 签到, `out` 签退), or — `for: 'member'` —
   * the caller's own personal code for 反扫. `at` is where the organiser stands: an activity with a
   * place but no base gets its fence there the first time (or again with `relocate`).
   */
  issueCode: {
    input: z.discriminatedUnion('for', [
      z
        .object({
          for: z.literal('activity'),
          activityId: idSchema,
          direction: checkDirectionSchema.default('in'),
          at: locationReadingSchema.optional(),
          relocate: z.boolean().default(false),
        })
        .strict(),
      z.object({ for: z.literal('member') }).strict(),
    ]),
    output: issuedCodeSchema,
  },
  /** The printed 小程序码 of a base (org admins): opens the check-in landing page with `b=<baseId>`. */
  baseCode: {
    input: z.object({ baseId: idSchema }).strict(),
    output: z.object({ fileId: z.string(), url: z.string(), scene: z.string() }),
  },
  /**
   * `code`: a member scans an activity's rotating code (签到 or 签退, as the code says).
   * `base`: a member checks in at a base's printed code; the location is required.
   * `personal`: an organiser scans a member's personal code for an activity (反扫).
   */
  scan: {
    input: z.discriminatedUnion('via', [
      z
        .object({ via: z.literal('code'), code: codeSchema, location: locationReadingSchema.optional(), queued: queuedSchema.optional() })
        .strict(),
      z
        .object({
          via: z.literal('base'),
          baseId: idSchema,
          location: locationReadingSchema,
          photoFileId: fileIdSchema.optional(),
          queued: queuedSchema.optional(),
        })
        .strict(),
      z
        .object({ via: z.literal('personal'), activityId: idSchema, code: codeSchema, direction: checkDirectionSchema.default('in') })
        .strict(),
    ]),
    output: z.object({ outcome: z.enum(['checkedIn', 'checkedOut']), checkin: checkinViewSchema }),
  },
  /** The caller's own check-ins, newest first, with totals for the footprint header. */
  history: {
    input: pageInputSchema.strict(),
    output: pageOutputSchema(checkinViewSchema).extend({
      summary: z.object({ checkins: z.number().int(), bases: z.number().int(), studyHours: z.number() }),
    }),
  },
  /** The live roster of an activity for its organisers: who is in, who signed up and is missing. */
  roster: {
    input: z.object({ activityId: idSchema }).strict(),
    output: rosterSchema,
  },
  /** 补录: an organiser records a member's check-in with a reason; audited. */
  backfill: {
    input: z
      .object({ activityId: idSchema, memberId: idSchema, reason: z.string().trim().min(2, '请写明补录原因').max(200, '过长') })
      .strict(),
    output: z.object({ checkin: checkinViewSchema }),
  },
};
