/**
 * 四红 brand programmes (issue 14): each unit (党支部) recommends 红色园丁, 红色书屋, 红色课堂 and
 * 红色基地 against per-unit quotas; nominations move 申报 → 互查 (units review each other) → 评议
 * (members rate) → 验收 (on-site acceptance), and the org selects up to each brand's total and
 * commends units. Part of the `stats` function (types/contracts/index.ts); the model is
 * ARCHITECTURE.md, "Statistics" (四红), the stage at an instant core/brand/stage.ts.
 */
import * as z from 'zod';
import { fileIdSchema, idSchema, isoDateSchema, mediaLinkSchema, pageInputSchema, pageOutputSchema } from '../common';
import {
  BRAND_ACCEPTANCE_NOTE_MAX,
  BRAND_COMMENDATION_MAX,
  BRAND_KEYS,
  BRAND_NOMINATION_STATUSES,
  BRAND_PHOTOS_MAX,
  BRAND_REVIEW_COMMENT_MAX,
  BRAND_STAGES,
  BRAND_TITLE_MAX,
  BRAND_TITLE_MIN,
} from '../labels';

export const brandKeySchema = z.enum(BRAND_KEYS);
export const brandStageSchema = z.enum(BRAND_STAGES);
export const brandNominationStatusSchema = z.enum(BRAND_NOMINATION_STATUSES);

/** The deadlines in stage order: each closes its stage, and each must be later than the one before. */
export const BRAND_DEADLINES = ['applyEndsAt', 'reviewEndsAt', 'ratingEndsAt', 'acceptanceEndsAt'] as const;
export type BrandDeadline = (typeof BRAND_DEADLINES)[number];

/** One brand in a programme: at least `perUnit` nominations per unit, at most `selectTotal` selected over the org. */
export const brandQuotaSchema = z
  .object({
    key: brandKeySchema,
    perUnit: z.number().int().min(0).max(50),
    selectTotal: z.number().int().min(0).max(1000),
  })
  .strict();
export type BrandQuota = z.infer<typeof brandQuotaSchema>;

const brandProgrammeFields = {
  title: z.string().trim().min(2, '请填写名称').max(60, '过长'),
  year: z.number().int().min(2020).max(2100),
  description: z.string().trim().max(2000, '过长').default(''),
  brands: z.array(brandQuotaSchema).min(1, '至少一个品牌').max(BRAND_KEYS.length),
  /** 申报 closes. */
  applyEndsAt: isoDateSchema,
  /** 互查 closes. */
  reviewEndsAt: isoDateSchema,
  /** 评议 closes. */
  ratingEndsAt: isoDateSchema,
  /** 验收 closes; selection stays open after it. */
  acceptanceEndsAt: isoDateSchema,
};

/** What the org writes; the deadlines must increase (the issue names the first one that does not) and brand keys be unique. */
export const brandProgrammeDraftSchema = z
  .object(brandProgrammeFields)
  .strict()
  .superRefine((draft, ctx) => {
    for (let i = 1; i < BRAND_DEADLINES.length; i += 1) {
      const before = BRAND_DEADLINES[i - 1]!;
      const field = BRAND_DEADLINES[i]!;
      if (new Date(draft[field]).getTime() <= new Date(draft[before]).getTime()) {
        ctx.addIssue({ code: 'custom', path: [field], message: '各阶段截止时间须依次推后' });
      }
    }
    const seen = new Set<string>();
    draft.brands.forEach((brand, index) => {
      if (seen.has(brand.key)) ctx.addIssue({ code: 'custom', path: ['brands', index, 'key'], message: '同一品牌不能重复' });
      seen.add(brand.key);
    });
  });
export type BrandProgrammeDraft = z.output<typeof brandProgrammeDraftSchema>;
export type BrandProgrammeDraftInput = z.input<typeof brandProgrammeDraftSchema>;

/** A programme as every page shows it. */
export const brandProgrammeViewSchema = z.object({
  id: z.string(),
  ...brandProgrammeFields,
  description: z.string(),
  /** The stage at the server's now (core/brand/stage.ts computes the same on the phone). */
  stage: brandStageSchema,
  /** Selected so far per brand, against its `selectTotal`. */
  selected: z.record(brandKeySchema, z.number().int()),
});
export type BrandProgrammeView = z.infer<typeof brandProgrammeViewSchema>;

export const brandRatingSummarySchema = z.object({
  count: z.number().int(),
  sum: z.number().int(),
  /** One decimal; null before the first rating. */
  average: z.number().nullable(),
});

/** A nomination (申报) as lists and its detail show it. */
export const brandNominationViewSchema = z.object({
  id: z.string(),
  programmeId: z.string(),
  /** The unit (党支部) that nominated it. */
  branchId: z.string(),
  branchName: z.string(),
  brand: brandKeySchema,
  title: z.string(),
  description: z.string(),
  /** Each photo's file id and a temporary link to show it by (a lost file is left out). */
  photos: z.array(mediaLinkSchema),
  /** 红色园丁 only: the member teacher nominated. */
  nominee: z.object({ memberId: z.string(), name: z.string() }).nullable(),
  status: brandNominationStatusSchema,
  /** The unit assigned to review it in 互查, once assigned. */
  reviewer: z.object({ branchId: z.string(), branchName: z.string() }).nullable(),
  peerReview: z
    .object({
      score: z.number().int(),
      comment: z.string(),
      reviewerBranchId: z.string(),
      reviewerBranchName: z.string(),
      at: isoDateSchema,
    })
    .nullable(),
  rating: brandRatingSummarySchema,
  acceptance: z.object({ passed: z.boolean(), note: z.string(), byId: z.string(), at: isoDateSchema }).nullable(),
  selection: z.object({ commendation: z.string().nullable(), at: isoDateSchema }).nullable(),
  createdAt: isoDateSchema,
  updatedAt: isoDateSchema,
  /** The caller's own rating, or null. */
  myRating: z.number().int().nullable(),
  /** What the caller may do with it now (the server checks again). */
  can: z.object({ edit: z.boolean(), review: z.boolean(), rate: z.boolean() }),
});
export type BrandNominationView = z.infer<typeof brandNominationViewSchema>;

/** One brand of one unit on the board. */
export const brandUnitBrandSchema = z.object({
  key: brandKeySchema,
  nominated: z.number().int(),
  perUnit: z.number().int(),
  /** nominated ≥ perUnit. */
  met: z.boolean(),
  /** Average 互查 score of its reviewed nominations, one decimal; null before one. */
  peerScore: z.number().nullable(),
  /** Average 评议 rating, one decimal; null before one. */
  ratingAverage: z.number().nullable(),
  accepted: z.number().int(),
  selected: z.number().int(),
});

/** One unit's row on the board. */
export const brandUnitRowSchema = z.object({
  branchId: z.string(),
  branchName: z.string(),
  /** Null for a unit without a nomination. Ranked by quotaShare, then selected, then peerScore — never raw totals. */
  rank: z.number().int().nullable(),
  /** Quotas met over quotas set (brands with perUnit > 0), 0–1. */
  quotaShare: z.number(),
  quotasMet: z.number().int(),
  quotasTotal: z.number().int(),
  nominated: z.number().int(),
  accepted: z.number().int(),
  selected: z.number().int(),
  peerScore: z.number().nullable(),
  ratingAverage: z.number().nullable(),
  brands: z.array(brandUnitBrandSchema),
});
export type BrandUnitRow = z.infer<typeof brandUnitRowSchema>;

export const brandNominationInputSchema = z
  .object({
    programmeId: idSchema,
    /** Given: edit that nomination (its unit's, while 申报 is open); absent: a new one. */
    id: idSchema.optional(),
    /** Org admins name the unit; a secretary's unit is their own, whatever is sent. */
    branchId: idSchema.optional(),
    brand: brandKeySchema,
    title: z.string().trim().min(BRAND_TITLE_MIN, `标题至少 ${BRAND_TITLE_MIN} 字`).max(BRAND_TITLE_MAX, `标题最多 ${BRAND_TITLE_MAX} 字`),
    /** 20–1000 字 as core/story/wordCount.ts counts them (checked by the server); this bounds the raw text. */
    description: z.string().trim().min(1, '请填写简介').max(5000, '过长'),
    photos: z.array(fileIdSchema).max(BRAND_PHOTOS_MAX, `最多 ${BRAND_PHOTOS_MAX} 张照片`).default([]),
    /** 红色园丁: an active member of the unit; other brands: null. */
    nomineeMemberId: idSchema.nullable().default(null),
  })
  .strict();

export const brandContract = {
  /** Brand programmes, newest first, each with its current stage. */
  brandProgrammes: { input: pageInputSchema.strict(), output: pageOutputSchema(brandProgrammeViewSchema) },
  /** Org admins: create (no id) or update; an update may not drop a brand that has nominations (CONFLICT). */
  saveBrandProgramme: {
    input: z.object({ id: idSchema.optional(), programme: brandProgrammeDraftSchema }).strict(),
    output: z.object({ programme: brandProgrammeViewSchema, created: z.boolean() }),
  },
  /** A unit's nomination, new or edited, while 申报 is open (CLOSED after). */
  nominate: { input: brandNominationInputSchema, output: z.object({ nomination: brandNominationViewSchema }) },
  /**
   * Nominations, newest first. Org admins: all. Secretaries: their unit's, or with `assignedToMe` the
   * ones their unit reviews in 互查; from 评议 on, like members. Members: from 评议 on (CLOSED before).
   */
  nominations: {
    input: pageInputSchema
      .extend({
        programmeId: idSchema,
        branchId: idSchema.optional(),
        brand: brandKeySchema.optional(),
        status: brandNominationStatusSchema.optional(),
        assignedToMe: z.boolean().default(false),
      })
      .strict(),
    output: pageOutputSchema(brandNominationViewSchema),
  },
  /** Org admins, during 互查: each nomination gets a reviewing unit other than its own; re-running changes nothing. */
  assignPeerReviews: {
    input: z.object({ programmeId: idSchema }).strict(),
    output: z.object({ nominations: z.number().int(), assigned: z.number().int(), unchanged: z.number().int() }),
  },
  /** The assigned unit's secretary, during 互查, once per nomination. */
  peerReview: {
    input: z
      .object({
        nominationId: idSchema,
        score: z.number().int().min(0).max(100),
        comment: z.string().trim().min(1, '请填写互查意见').max(BRAND_REVIEW_COMMENT_MAX, `最多 ${BRAND_REVIEW_COMMENT_MAX} 字`),
      })
      .strict(),
    output: z.object({ nomination: brandNominationViewSchema }),
  },
  /** Any active member, during 评议: 1–5, once per nomination, never one of their own unit's. */
  rateNomination: {
    input: z.object({ nominationId: idSchema, score: z.number().int().min(1).max(5) }).strict(),
    output: z.object({ rating: brandRatingSummarySchema, myRating: z.number().int() }),
  },
  /** Org admins, during 验收: passed or failed (a note is required when failed); may be changed until selected. */
  acceptNomination: {
    input: z
      .object({
        nominationId: idSchema,
        passed: z.boolean(),
        note: z.string().trim().max(BRAND_ACCEPTANCE_NOTE_MAX, `最多 ${BRAND_ACCEPTANCE_NOTE_MAX} 字`).default(''),
      })
      .strict()
      .superRefine((input, ctx) => {
        if (!input.passed && input.note === '') ctx.addIssue({ code: 'custom', path: ['note'], message: '未通过时请写明原因' });
      }),
    output: z.object({ nomination: brandNominationViewSchema }),
  },
  /** Org admins, from 验收 on: select an accepted nomination (FULL past the brand's selectTotal) or unselect it. */
  selectNomination: {
    input: z
      .object({
        nominationId: idSchema,
        selected: z.boolean(),
        commendation: z.string().trim().max(BRAND_COMMENDATION_MAX, `最多 ${BRAND_COMMENDATION_MAX} 字`).nullable().default(null),
      })
      .strict(),
    output: z.object({
      nomination: brandNominationViewSchema,
      brand: z.object({ key: brandKeySchema, selected: z.number().int(), selectTotal: z.number().int() }),
    }),
  },
  /** Secretaries: their unit's row (with its rank); org admins: every unit. Per brand, selected against selectTotal. */
  brandBoard: {
    input: z.object({ programmeId: idSchema }).strict(),
    output: z.object({
      programme: brandProgrammeViewSchema,
      brands: z.array(z.object({ key: brandKeySchema, selected: z.number().int(), selectTotal: z.number().int() })),
      units: z.array(brandUnitRowSchema),
    }),
  },
};
