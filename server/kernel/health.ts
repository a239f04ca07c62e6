/**
 * The health event `npm run deploy -- --check` sends to every function: `{ action: 'health' }` with no
 * caller. Answered only when the platform injected no OPENID (the console, the management API), so to
 * a mini-program user `health` stays an unknown action like any other. The reply names the code the
 * instance runs (HONGTU_CODE_HASH, set by the deploy) so a stale upload is caught.
 */
import type { Result } from '../../types/result';

export const CODE_HASH_VARIABLE = 'HONGTU_CODE_HASH';

export interface HealthReport {
  function: string;
  codeHash: string | null;
  node: string;
}

export function isHealthProbe(event: unknown, openid: string | undefined): boolean {
  return !openid && typeof event === 'object' && event !== null && (event as { action?: unknown }).action === 'health';
}

export function healthReport(fn: string): Result<HealthReport> {
  return { ok: true, data: { function: fn, codeHash: process.env[CODE_HASH_VARIABLE] || null, node: process.version } };
}
