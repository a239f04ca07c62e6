import { consentId } from '../../../server/documents';
import type { RequestContext } from '../../../server/kernel/router';
import { findConsent, saveConsent } from '../repository';

/** Consent comes before any personal field is collected, so it is keyed by openid, not by member. */
export async function acceptPrivacy(input: { version: string }, ctx: RequestContext) {
  const existing = await findConsent(ctx.db, ctx.openid, input.version);
  const acceptedAt = existing?.acceptedAt ?? ctx.now;
  if (!existing) {
    await saveConsent(ctx.db, {
      _id: consentId(ctx.openid, input.version),
      openid: ctx.openid,
      version: input.version,
      acceptedAt,
    });
  }
  return { privacyAccepted: true as const, acceptedAt: acceptedAt.toISOString() };
}
