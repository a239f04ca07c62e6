/**
 * The first-admin code (issue 15): `npm run deploy` prints a code once and stores only its hash in
 * `settings/bootstrap`; `member.bootstrap` spends it. Shared by the deploy script and the function.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export const SETTINGS_COLLECTION = 'settings';
export const BOOTSTRAP_DOC_ID = 'bootstrap';

export interface BootstrapDoc {
  _id: typeof BOOTSTRAP_DOC_ID;
  codeHash: string;
  issuedAt: Date;
  spentAt: Date | null;
  /** The member who became the first org admin. */
  spentBy: string | null;
}

export function bootstrapCodeHash(code: string): string {
  return createHash('sha256').update(code).digest('hex');
}

/** Constant-time, so the comparison leaks nothing about how much of a guess was right. */
export function matchesBootstrapCode(code: string, codeHash: string): boolean {
  const given = Buffer.from(bootstrapCodeHash(code), 'hex');
  const stored = Buffer.from(codeHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
