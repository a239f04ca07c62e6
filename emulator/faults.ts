/**
 * Failures a test can plant on a chosen DB request, shaped as production delivers them, so the
 * kernel's handling of each is exercised on demand rather than only under unlucky load:
 * - `conflict` / `busy`: the server refuses the request (TransactionConflict / TransactionBusy);
 *   nothing is applied and an open transaction it belongs to is aborted, as MongoDB does;
 * - `connectTimeout`: node-sdk gives up before the server saw the request (ETIMEDOUT);
 * - `readTimeout`: the server applied the request but the answer never arrived (ESOCKETTIMEDOUT),
 *   the case that makes blind retries of non-idempotent writes dangerous.
 */
import { matches, type RequestMatch, type RequestTicket } from './interleaving';

export type FaultKind = 'conflict' | 'busy' | 'connectTimeout' | 'readTimeout';

interface PlannedFault {
  match: RequestMatch;
  kind: FaultKind;
  remaining: number;
}

export class FaultPlan {
  private planned: PlannedFault[] = [];

  /** Fails the next `times` requests that match. */
  inject(match: RequestMatch, kind: FaultKind, times = 1): void {
    this.planned.push({ match, kind, remaining: times });
  }

  /** The fault planned for this request, if any (each planned fault fires `times` times). */
  take(ticket: RequestTicket): FaultKind | undefined {
    const fault = this.planned.find((p) => matches(p.match, ticket));
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.planned = this.planned.filter((p) => p !== fault);
    return fault.kind;
  }

  reset(): void {
    this.planned = [];
  }
}

/** node-sdk's request-core error for a request that timed out (see its `req.on('timeout')`). */
export function requestTimeout(afterConnect: boolean): Error & { code: string } {
  const error = new Error(afterConnect ? 'request timeout' : 'connect timeout') as Error & { code: string };
  error.code = afterConnect ? 'ESOCKETTIMEDOUT' : 'ETIMEDOUT';
  return error;
}
