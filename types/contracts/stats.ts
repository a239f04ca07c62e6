/**
 * Programmes, 六个一 progress, points, branch dashboards, the org ranking and the 台账 (issue 14).
 * What counts as evidence and how points are earned are core/stats/rules.ts; how the numbers are
 * kept (per-member progress moved by each event, branch summaries built from them, the recompute
 * that heals drift) is ARCHITECTURE.md, "Statistics".
 */
import * as z from 'zod';
import { idSchema, isoDateSchema, pageInputSchema, pageOutputSchema } from '../common';
import { ACTIVITY_KINDS, PROGRAMME_ITEM_KEYS, STORY_KINDS } from '../labels';

export const programmeItemKeySchema = z.enum(PROGRAMME_ITEM_KEYS);

/** What may satisfy an item for one member. */
export const EVIDENCE_TYPES = ['checkin', 'story', 'selfReport'] as const;
export const evidenceTypeSchema = z.enum(EVIDENCE_TYPES);
export type EvidenceType = z.infer<typeof evidenceTypeSchema>;

export const programmeItemSchema = z
  .object({
    key: programmeItemKeySchema,
    title: z.string().trim().min(2).max(40),
    /** What one member does, in a sentence. */
    perMember: z.string().trim().max(200).default(''),
    /** Attending (a check-in counted for this item), an approved work of `storyKinds`, or a self-report the secretary confirms. */
    evidence: z.array(evidenceTypeSchema).min(1).max(EVIDENCE_TYPES.length),
    storyKinds: z.array(z.enum(STORY_KINDS)).max(STORY_KINDS.length).default([]),
    deadline: isoDateSchema.nullable().default(null),
  })
  .strict();
export type ProgrammeItem = z.infer<typeof programmeItemSchema>;

/** A branch-level quota: at least `count` approved works of a kind, or activities of a kind held, per branch. */
export const branchQuotaSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-zA-Z0-9]{1,31}$/),
    label: z.string().trim().min(2).max(40),
    source: z.discriminatedUnion('type', [
      z.object({ type: z.literal('story'), kind: z.enum(STORY_KINDS) }).strict(),
      z.object({ type: z.literal('activity'), kind: z.enum(ACTIVITY_KINDS) }).strict(),
    ]),
    count: z.number().int().min(1).max(100),
  })
  .strict();
export type BranchQuota = z.infer<typeof branchQuotaSchema>;

/** Points per event; a rule at 0 earns nothing. Defaults in core/stats/rules.ts (DEFAULT_POINTS). */
export const pointsRulesSchema = z
  .object({
    attendance: z.number().int().min(0).max(100),
    baseVisit: z.number().int().min(0).max(100),
    quizAttempt: z.number().int().min(0).max(100),
    practiceDay: z.number().int().min(0).max(100),
    approvedWork: z.number().int().min(0).max(100),
    award: z.number().int().min(0).max(500),
    selfReport: z.number().int().min(0).max(100),
    itemDone: z.number().int().min(0).max(100),
  })
  .strict();
export type PointsRules = z.infer<typeof pointsRulesSchema>;
export const POINT_RULES = pointsRulesSchema.keyof().options;
export type PointRule = (typeof POINT_RULES)[number];

export const programmeDraftSchema = z
  .object({
    title: z.string().trim().min(2, '请填写方案名称').max(60, '过长'),
    year: z.number().int().min(2020).max(2100),
    description: z.string().trim().max(2000).default(''),
    startsAt: isoDateSchema,
    endsAt: isoDateSchema,
    items: z.array(programmeItemSchema).min(1, '至少一项').max(PROGRAMME_ITEM_KEYS.length),
    branchQuotas: z.array(branchQuotaSchema).max(10).default([]),
    /** 学时 each member should reach in the programme; null: none. */
    studyHoursTarget: z.number().min(0).max(500).nullable().default(null),
    points: pointsRulesSchema,
  })
  .strict();
export type ProgrammeDraft = z.infer<typeof programmeDraftSchema>;
export type ProgrammeDraftInput = z.input<typeof programmeDraftSchema>;

export const programmeViewSchema = programmeDraftSchema.extend({
  id: z.string(),
  state: z.enum(['upcoming', 'active', 'ended']),
});
export type ProgrammeView = z.infer<typeof programmeViewSchema>;

/** How one item was met: what counted and when. */
export const itemEvidenceSchema = z.object({
  type: evidenceTypeSchema,
  /** The check-in, work or report that counted. */
  refId: z.string(),
  /** e.g. 参观「道县陈树湘党性教育基地」 or 心得「…」. */
  label: z.string(),
  at: isoDateSchema,
});

export const myProgressSchema = z.object({
  programme: programmeViewSchema.nullable(),
  items: z.array(
    z.object({
      key: programmeItemKeySchema,
      title: z.string(),
      perMember: z.string(),
      done: z.boolean(),
      evidence: itemEvidenceSchema.nullable(),
      /** A self-report waiting for the secretary. */
      pendingReport: z.boolean(),
    }),
  ),
  doneCount: z.number().int(),
  studyHours: z.number(),
  studyHoursTarget: z.number().nullable(),
  points: z.number().int(),
  /** When the numbers were last brought up to date (the aggregator runs every minute). */
  asOf: isoDateSchema.nullable(),
});
export type MyProgress = z.infer<typeof myProgressSchema>;

export const pointsEntrySchema = z.object({
  rule: z.enum(POINT_RULES),
  points: z.number().int(),
  label: z.string(),
  at: isoDateSchema,
});
export type PointsEntry = z.infer<typeof pointsEntrySchema>;

/** One branch's numbers, as its dashboard, the ranking and the 台账 show them. */
export const branchSummarySchema = z.object({
  branchId: z.string(),
  branchName: z.string(),
  members: z.number().int(),
  /** Members who met each item, by item key. */
  itemsDone: z.record(z.string(), z.number().int()),
  /** Items met over members × items, 0–1: what the ranking orders by, so size alone wins nothing. */
  completionRate: z.number(),
  /** Members who met every item. */
  membersComplete: z.number().int(),
  studyHours: z.number(),
  points: z.number().int(),
  checkins: z.number().int(),
  submissions: z.number().int(),
  approvedWorks: z.number().int(),
  awards: z.number().int(),
  activitiesHeld: z.number().int(),
  noShows: z.number().int(),
  quizParticipants: z.number().int(),
  quizAverage: z.number().nullable(),
  quotas: z.array(z.object({ key: z.string(), label: z.string(), required: z.number().int(), done: z.number().int() })),
});
export type BranchSummary = z.infer<typeof branchSummarySchema>;

export const monthRowSchema = z.object({
  /** YYYY-MM in Asia/Shanghai. */
  month: z.string(),
  checkins: z.number().int(),
  submissions: z.number().int(),
  approvedWorks: z.number().int(),
  activitiesHeld: z.number().int(),
  itemsDone: z.number().int(),
  studyHours: z.number(),
});
export type MonthRow = z.infer<typeof monthRowSchema>;

const programmeInput = z.object({ programmeId: idSchema.optional() }).strict();

/**
 * The stats function's numbers; its programmes, reports and 台账 export are
 * types/contracts/programmes.ts (the two make `stats` in types/contracts/index.ts).
 */
export const progressContract = {
  /** My 六个一 checklist, 学时 and points in the current (or given) programme. */
  myProgress: { input: programmeInput, output: myProgressSchema },
  /** The entries behind my points, newest first. */
  pointsLedger: {
    input: pageInputSchema.extend({ programmeId: idSchema.optional() }).strict(),
    output: pageOutputSchema(pointsEntrySchema),
  },
  /** The secretary's branch (org admins: any branch): summary, month by month, quotas. */
  branchDashboard: {
    input: z.object({ programmeId: idSchema.optional(), branchId: idSchema.optional() }).strict(),
    output: z.object({
      programme: programmeViewSchema.nullable(),
      summary: branchSummarySchema.nullable(),
      months: z.array(monthRowSchema),
      asOf: isoDateSchema.nullable(),
    }),
  },
  /** Members of a branch who have not met an item yet (or all items), fewest done first. */
  behindMembers: {
    input: pageInputSchema
      .extend({ programmeId: idSchema.optional(), branchId: idSchema.optional(), item: programmeItemKeySchema.optional() })
      .strict(),
    output: pageOutputSchema(
      z.object({ memberId: z.string(), name: z.string(), doneCount: z.number().int(), missing: z.array(programmeItemKeySchema) }),
    ),
  },
  /** Branches by completion rate (then quality), with the org's totals. */
  orgRanking: {
    input: programmeInput,
    output: z.object({
      programme: programmeViewSchema.nullable(),
      branches: z.array(branchSummarySchema.extend({ rank: z.number().int().nullable() })),
      asOf: isoDateSchema.nullable(),
    }),
  },
  /** Starts (or reports) a full recompute of the programme's numbers; `cron` carries it on across runs. */
  recompute: {
    input: z.object({ programmeId: idSchema, restart: z.boolean().default(false) }).strict(),
    output: z.object({
      state: z.enum(['running', 'done']),
      phase: z.string(),
      processed: z.number().int(),
      startedAt: isoDateSchema,
      finishedAt: isoDateSchema.nullable(),
    }),
  },
};
