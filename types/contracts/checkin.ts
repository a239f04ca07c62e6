/**
 * 打卡 (issue 10). This first slice is the red-education base directory: members browse it (nearest
 * first when they share their location), org admins maintain it.
 */
import * as z from 'zod';
import { fileIdSchema, idSchema, pageInputSchema, pageOutputSchema } from '../common';
import { BASE_LEVELS } from '../labels';

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
};
