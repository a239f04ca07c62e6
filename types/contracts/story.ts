/**
 * 投稿 (issue 13): red stories, 心得体会, theory articles, lesson videos and art works; the org's
 * campaigns (征集) with deadlines, branch quotas and awards; the review chain member → branch
 * secretary (审核, 推荐) → org (择优上报, 评奖); 群众评议 ratings and the feed. Each kind's limits
 * are in core/story/rules.ts; ARCHITECTURE.md, "Stories", explains the design.
 */
import * as z from 'zod';
import { fileIdSchema, idSchema, isoDateSchema, mediaLinkSchema, pageInputSchema, pageOutputSchema } from '../common';
import { STORY_AWARDS, STORY_KINDS, STORY_STATUSES } from '../labels';
import { MAX_STORY_BODY_CODE_UNITS, MAX_STORY_IMAGES, MAX_STORY_TITLE } from '../storyLimits';

export const storyKindSchema = z.enum(STORY_KINDS);
export const storyAwardSchema = z.enum(STORY_AWARDS);

export { MAX_STORY_BODY_CODE_UNITS, MAX_STORY_IMAGES, MAX_STORY_TITLE };
export const MAX_REVIEW_COMMENT = 200;
export const MIN_RATING = 1;
export const MAX_RATING = 5;

/**
 * What the author writes. Saving keeps any draft, however unfinished; `submit` checks it against
 * its kind's rules (required title, 字数, images, video) and names the field that falls short.
 */
export const storyDraftSchema = z
  .object({
    kind: storyKindSchema,
    campaignId: idSchema.nullable().default(null),
    title: z.string().trim().max(MAX_STORY_TITLE, `标题最多 ${MAX_STORY_TITLE} 字`).default(''),
    body: z.string().max(MAX_STORY_BODY_CODE_UNITS, '正文过长').default(''),
    imageFileIds: z.array(fileIdSchema).max(MAX_STORY_IMAGES, `最多 ${MAX_STORY_IMAGES} 张图片`).default([]),
    /** An MP4 already in cloud storage; the server reads its duration and size from the file itself. */
    videoFileId: fileIdSchema.nullable().default(null),
    /** The activity a 心得 or lesson video is about. */
    activityId: idSchema.nullable().default(null),
    /** The red base a story or 心得 is about: it then shows on the base's page. */
    baseId: idSchema.nullable().default(null),
  })
  .strict();
export type StoryDraft = z.infer<typeof storyDraftSchema>;
export type StoryDraftInput = z.input<typeof storyDraftSchema>;

export const ratingSummarySchema = z.object({
  count: z.number().int(),
  /** One decimal; null before the first rating. */
  average: z.number().nullable(),
});
export type RatingSummary = z.infer<typeof ratingSummarySchema>;

/** A work in a list: the feed, my works, a review queue. */
export const storyCardSchema = z.object({
  id: z.string(),
  kind: storyKindSchema,
  status: z.enum(STORY_STATUSES),
  title: z.string(),
  /** The start of the body, for the list. */
  excerpt: z.string(),
  /** The first image's link, or null. */
  coverUrl: z.string().nullable(),
  /** Seconds, for a work with a video. */
  videoSeconds: z.number().int().nullable(),
  authorName: z.string(),
  branchName: z.string(),
  campaignTitle: z.string().nullable(),
  updatedAt: isoDateSchema,
  approvedAt: isoDateSchema.nullable(),
  recommended: z.boolean(),
  selected: z.boolean(),
  award: storyAwardSchema.nullable(),
  rating: ratingSummarySchema,
  /** In the author's own list only: the secretary's return comment or content security's reason. */
  statusNote: z.string().optional(),
});
export type StoryCard = z.infer<typeof storyCardSchema>;

/** One work in full, as its author, a reviewer or a reader may see it. */
export const storyViewSchema = storyCardSchema.extend({
  body: z.string(),
  /** 字数 as a reader counts them (core/story/wordCount.ts). */
  words: z.number().int(),
  campaignId: z.string().nullable(),
  authorId: z.string(),
  branchId: z.string(),
  images: z.array(mediaLinkSchema),
  video: mediaLinkSchema.extend({ seconds: z.number().int(), bytes: z.number().int() }).nullable(),
  activity: z.object({ id: z.string(), title: z.string() }).nullable(),
  base: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** Bumped by every write; `save` and `submit` take it back so two devices cannot overwrite each other. */
  version: z.number().int(),
  createdAt: isoDateSchema,
  submittedAt: isoDateSchema.nullable(),
  /** The secretary's decision: the comment of a return, or an approval's optional note. */
  review: z
    .object({ decision: z.enum(['approve', 'return']), comment: z.string(), reviewerName: z.string(), at: isoDateSchema })
    .nullable(),
  /** Why content security refused it; shown to the author only. */
  rejection: z.string().nullable(),
  recommendation: z.object({ note: z.string(), byName: z.string(), at: isoDateSchema }).nullable(),
  selection: z.object({ award: storyAwardSchema.nullable(), at: isoDateSchema }).nullable(),
  /** The caller's own rating, or null. */
  myRating: z.number().int().nullable(),
  /** What the caller may do with it now; the server checks again on each action. */
  can: z.object({
    edit: z.boolean(),
    submit: z.boolean(),
    withdraw: z.boolean(),
    review: z.boolean(),
    recommend: z.boolean(),
    select: z.boolean(),
    rate: z.boolean(),
  }),
});
export type StoryView = z.infer<typeof storyViewSchema>;

export const branchQuotaSchema = z.object({ kind: storyKindSchema, count: z.number().int().min(1).max(50) }).strict();

export const campaignDraftSchema = z
  .object({
    title: z.string().trim().min(2, '请填写征集名称').max(40, '过长'),
    description: z.string().trim().max(1000, '过长').default(''),
    kinds: z.array(storyKindSchema).min(1, '至少选择一种作品类型').max(STORY_KINDS.length),
    opensAt: isoDateSchema,
    /** Submissions after this instant are refused with the deadline named. */
    closesAt: isoDateSchema,
    /** 群众评议 stays open until then; null: no public rating. */
    ratingClosesAt: isoDateSchema.nullable().default(null),
    /** What each branch is asked to hand in, e.g. one lesson video. */
    branchQuotas: z.array(branchQuotaSchema).max(STORY_KINDS.length).default([]),
    /** How many of each award the org may give. */
    awards: z
      .object({
        first: z.number().int().min(0).max(100),
        second: z.number().int().min(0).max(100),
        third: z.number().int().min(0).max(100),
        excellent: z.number().int().min(0).max(1000),
      })
      .strict(),
    /** The share of the ranking that 群众评议 decides, in percent; the rest is the org's selection. */
    ratingWeight: z.number().int().min(0).max(100).default(30),
  })
  .strict();
export type CampaignDraft = z.infer<typeof campaignDraftSchema>;
export type CampaignDraftInput = z.input<typeof campaignDraftSchema>;

export const campaignViewSchema = campaignDraftSchema.extend({
  id: z.string(),
  state: z.enum(['upcoming', 'open', 'closed']),
  /** Awards already given, by award. */
  awarded: z.object({ first: z.number().int(), second: z.number().int(), third: z.number().int(), excellent: z.number().int() }),
  /** The caller's branch against its quotas: approved works of each kind; empty without quotas. */
  myBranch: z.array(z.object({ kind: storyKindSchema, required: z.number().int(), approved: z.number().int() })),
});
export type CampaignView = z.infer<typeof campaignViewSchema>;

export const rankedWorkSchema = z.object({ rank: z.number().int(), score: z.number(), work: storyCardSchema });
export const rankedBranchSchema = z.object({
  rank: z.number().int().nullable(),
  branchId: z.string(),
  branchName: z.string(),
  members: z.number().int(),
  /** Members with at least one approved work in the campaign. */
  authors: z.number().int(),
  approved: z.number().int(),
  /** authors / members, 0–1: what the branches are ranked by, so size alone wins nothing. */
  participationRate: z.number(),
  selected: z.number().int(),
  averageRating: z.number().nullable(),
  quotasMet: z.boolean(),
});

const storyIdInput = z.object({ id: idSchema }).strict();
const storyResult = z.object({ story: storyViewSchema });

export const storyContract = {
  /** Creates a draft (no `id`) or replaces an editable one's fields; `version` as the last reply gave it. */
  save: {
    input: z.object({ id: idSchema.optional(), version: z.number().int().min(0).optional(), draft: storyDraftSchema }).strict(),
    output: storyResult,
  },
  /** Checks the draft against its kind and campaign, then content security, then hands it to the branch. */
  submit: {
    input: z.object({ id: idSchema, version: z.number().int().min(0) }).strict(),
    output: storyResult,
  },
  /** Back to a draft while nobody has reviewed it. */
  withdraw: { input: storyIdInput, output: storyResult },
  /** The caller's own works, every status or those listed (审核中 is checking and pending), newest change first. */
  mine: {
    input: pageInputSchema.extend({ statuses: z.array(z.enum(STORY_STATUSES)).min(1).max(STORY_STATUSES.length).optional() }).strict(),
    output: pageOutputSchema(storyCardSchema),
  },
  /** Approved works, newest first; at most one of campaign, branch and base narrows it, as may a kind. */
  feed: {
    input: pageInputSchema
      .extend({
        kind: storyKindSchema.optional(),
        campaignId: idSchema.optional(),
        branchId: idSchema.optional(),
        baseId: idSchema.optional(),
      })
      .strict(),
    output: pageOutputSchema(storyCardSchema),
  },
  detail: { input: storyIdInput, output: storyResult },
  /** A secretary's branch works awaiting review (an org admin's: every branch's), oldest first. */
  reviewQueue: { input: pageInputSchema.strict(), output: pageOutputSchema(storyCardSchema) },
  review: {
    input: z
      .object({
        id: idSchema,
        decision: z.enum(['approve', 'return']),
        comment: z.string().trim().max(MAX_REVIEW_COMMENT, `最多 ${MAX_REVIEW_COMMENT} 字`).default(''),
      })
      .strict(),
    output: storyResult,
  },
  /** The secretary puts an approved work forward to the org (推荐). */
  recommend: {
    input: z.object({ id: idSchema, note: z.string().trim().max(MAX_REVIEW_COMMENT, '过长').default('') }).strict(),
    output: storyResult,
  },
  /** Recommended works the org has not selected yet, oldest recommendation first. */
  selectionQueue: {
    input: pageInputSchema.extend({ campaignId: idSchema.optional() }).strict(),
    output: pageOutputSchema(storyCardSchema),
  },
  /** 择优上报: the org selects a recommended work, with an award or none; selecting again changes the award. */
  select: {
    input: z.object({ id: idSchema, award: storyAwardSchema.nullable() }).strict(),
    output: storyResult,
  },
  /** 群众评议: one rating per member per work, final. */
  rate: {
    input: z.object({ id: idSchema, score: z.number().int().min(MIN_RATING).max(MAX_RATING) }).strict(),
    output: z.object({ rating: ratingSummarySchema, myRating: z.number().int() }),
  },
  /** Campaigns a member can see (open and recent), upcoming and open first; org admins see all. */
  campaigns: { input: pageInputSchema.strict(), output: pageOutputSchema(campaignViewSchema) },
  saveCampaign: {
    input: z.object({ id: idSchema.optional(), campaign: campaignDraftSchema }).strict(),
    output: z.object({ campaign: campaignViewSchema, created: z.boolean() }),
  },
  /** The campaign's best works (selection and rating, weighted as configured) and its branches by participation rate. */
  campaignRanking: {
    input: z.object({ campaignId: idSchema, top: z.number().int().min(1).max(50).default(20) }).strict(),
    output: z.object({ works: z.array(rankedWorkSchema), branches: z.array(rankedBranchSchema) }),
  },
};
