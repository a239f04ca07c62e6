import * as z from 'zod';
import { idSchema, isoDateSchema, orgKindSchema, pageInputSchema, pageOutputSchema, partyStatusSchema, roleSchema } from '../common';
import { BOOTSTRAP_CODE_PATTERN, INVITE_CODE_PATTERN } from '../labels';
import { importRosterContract, rosterTemplateContract } from './roster';

/** Bumped whenever the privacy guide text changes; members must accept the current one again. */
export const PRIVACY_VERSION = '2026-11-29.2';

export const memberViewSchema = z.object({
  id: idSchema,
  name: z.string(),
  branchId: idSchema,
  branchName: z.string(),
  role: roleSchema,
  partyStatus: partyStatusSchema,
  status: z.enum(['pending', 'active', 'rejected', 'left', 'withdrawn']),
  joinedAt: isoDateSchema,
});
export type MemberView = z.infer<typeof memberViewSchema>;

export const meOutputSchema = z.object({
  privacyAccepted: z.boolean(),
  privacyVersion: z.string(),
  member: memberViewSchema.nullable(),
});

export const acceptPrivacyInputSchema = z.object({ version: z.literal(PRIVACY_VERSION) }).strict();

export interface OrgNode {
  id: string;
  name: string;
  kind: z.infer<typeof orgKindSchema>;
  memberCount: number;
  children: OrgNode[];
}
export const orgNodeSchema: z.ZodType<OrgNode> = z.lazy(() =>
  z.object({
    id: idSchema,
    name: z.string(),
    kind: orgKindSchema,
    memberCount: z.number().int(),
    children: z.array(orgNodeSchema),
  }),
);

export const inviteCodeSchema = z.string().trim().toUpperCase().regex(INVITE_CODE_PATTERN, '邀请码格式不正确');

/** A person's name as a roster writes it: Chinese names, or Latin letters with spaces and a middle dot. */
export const personNameSchema = z
  .string()
  .trim()
  .min(2)
  .max(20)
  .regex(/^[\p{Script=Han}A-Za-z·・ ]+$/u, '姓名只能包含汉字或字母');

export const createInviteInputSchema = z
  .object({
    /** Org admins name the branch; a secretary always invites to their own. */
    branchId: idSchema.optional(),
    maxUses: z.number().int().min(1).max(500).default(50),
    expiresInHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(24 * 7),
  })
  .strict();

export const inviteSchema = z.object({
  code: z.string(),
  branchId: idSchema,
  branchName: z.string(),
  /** The mini-program path a share card or QR code opens (scene ≤ 32 chars). */
  path: z.string(),
  expiresAt: isoDateSchema,
  maxUses: z.number().int(),
  uses: z.number().int(),
});

/** What an invite landing shows before asking for anything: whose branch and who invited. */
export const inviteInfoSchema = z.object({
  code: z.string(),
  branchName: z.string(),
  /** The secretary or org admin who made the invite. */
  invitedBy: z.object({ name: z.string(), role: roleSchema }),
  expiresAt: isoDateSchema,
});
export type InviteInfo = z.infer<typeof inviteInfoSchema>;

export const joinInputSchema = z
  .object({
    code: inviteCodeSchema,
    name: personNameSchema,
    partyStatus: partyStatusSchema,
    phoneTail: z
      .string()
      .regex(/^\d{4}$/, '请填写手机号后 4 位')
      .optional(),
  })
  .strict();

export const memberRefSchema = z.object({ memberId: idSchema }).strict();

export const memberListItemSchema = memberViewSchema.extend({ phoneTail: z.string().nullable() });
export type MemberListItem = z.infer<typeof memberListItemSchema>;

export const listInputSchema = pageInputSchema
  .extend({
    /** Org admins may name any branch or none (everyone); a secretary always sees their own. */
    branchId: idSchema.optional(),
    status: z.enum(['active', 'pending']).default('active'),
    /** A name prefix. */
    search: z.string().trim().min(1).max(20).optional(),
  })
  .strict();

export const auditEntrySchema = z.object({
  id: idSchema,
  at: isoDateSchema,
  actorId: z.string(),
  actorName: z.string(),
  action: z.string(),
  targetId: z.string(),
  detail: z.record(z.string(), z.unknown()),
});

export const memberContract = {
  me: { input: z.object({}).strict(), output: meOutputSchema },
  acceptPrivacy: {
    input: acceptPrivacyInputSchema,
    output: z.object({ privacyAccepted: z.literal(true), acceptedAt: isoDateSchema }),
  },
  orgTree: { input: z.object({}).strict(), output: z.object({ roots: z.array(orgNodeSchema) }) },
  createInvite: { input: createInviteInputSchema, output: inviteSchema },
  inviteQrCode: {
    input: z.object({ code: inviteCodeSchema }).strict(),
    /** `url` is a temporary link (about 2 h); ask again rather than storing it. */
    output: z.object({ code: z.string(), fileID: z.string(), url: z.string() }),
  },
  /** Read-only check of an invite code (rate-limited like join's code guesses): NOT_FOUND, EXPIRED or FULL. */
  inviteInfo: { input: z.object({ code: inviteCodeSchema }).strict(), output: inviteInfoSchema },
  join: { input: joinInputSchema, output: z.object({ member: memberViewSchema }) },
  /** The caller's own pending application, taken back before a secretary decides on it. */
  withdrawJoin: { input: z.object({}).strict(), output: z.object({ member: memberViewSchema }) },
  /**
   * The first org admin of a new environment: the code `npm run deploy` printed, the org's and the
   * caller's branch names and the caller's own. Spent by the first success; refused ever after.
   */
  bootstrap: {
    input: z
      .object({
        code: z
          .string()
          .trim()
          .transform((code) => code.toUpperCase().replace(/[\s-]/g, ''))
          .pipe(z.string().regex(BOOTSTRAP_CODE_PATTERN, '引导码是部署时打印的 12 位字母数字')),
        orgName: z.string().trim().min(2, '请填写党组织名称').max(40, '过长'),
        branchName: z.string().trim().min(2, '请填写你所在党支部的名称').max(40, '过长'),
        name: personNameSchema,
        partyStatus: partyStatusSchema.default('full'),
      })
      .strict(),
    output: z.object({ member: memberViewSchema }),
  },
  approveJoin: { input: memberRefSchema, output: z.object({ member: memberViewSchema }) },
  rejectJoin: {
    input: memberRefSchema.extend({ reason: z.string().trim().max(100).optional() }).strict(),
    output: z.object({ member: memberViewSchema }),
  },
  list: {
    input: listInputSchema,
    output: pageOutputSchema(memberListItemSchema).extend({ pendingCount: z.number().int() }),
  },
  setRole: {
    input: memberRefSchema.extend({ role: roleSchema }).strict(),
    output: z.object({ member: memberViewSchema }),
  },
  transfer: {
    input: memberRefSchema.extend({ toBranchId: idSchema, reason: z.string().trim().min(2).max(100) }).strict(),
    output: z.object({ member: memberViewSchema }),
  },
  leave: {
    input: z.object({ reason: z.string().trim().max(100).optional() }).strict(),
    output: z.object({ left: z.literal(true) }),
  },
  rosterTemplate: rosterTemplateContract,
  importRoster: importRosterContract,
  exportMine: {
    input: z.object({}).strict(),
    /** Everything stored about the caller, as JSON the member can save. */
    output: z.object({ exportedAt: isoDateSchema, data: z.record(z.string(), z.unknown()) }),
  },
  deleteMine: {
    input: z.object({ confirm: z.literal('注销') }).strict(),
    output: z.object({ deleted: z.literal(true) }),
  },
  auditLog: {
    input: pageInputSchema.strict(),
    output: pageOutputSchema(auditEntrySchema),
  },
};
