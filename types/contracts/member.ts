import * as z from 'zod';
import { idSchema, isoDateSchema, orgKindSchema, partyStatusSchema, roleSchema } from '../common';

/** Bumped whenever the privacy guide text changes; members must accept the current one again. */
export const PRIVACY_VERSION = '2026-11';

export const memberViewSchema = z.object({
  id: idSchema,
  name: z.string(),
  branchId: idSchema,
  branchName: z.string(),
  role: roleSchema,
  partyStatus: partyStatusSchema,
  status: z.enum(['pending', 'active', 'rejected', 'left']),
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

export const memberContract = {
  me: { input: z.object({}).strict(), output: meOutputSchema },
  acceptPrivacy: {
    input: acceptPrivacyInputSchema,
    output: z.object({ privacyAccepted: z.literal(true), acceptedAt: isoDateSchema }),
  },
  orgTree: { input: z.object({}).strict(), output: z.object({ roots: z.array(orgNodeSchema) }) },
};
