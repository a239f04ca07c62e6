/**
 * Countdown arithmetic against the SERVER deadline. The phone clock may be minutes off; `start`
 * reports `serverNow`, and the difference to the phone clock when the reply arrived corrects it.
 * Pure functions, no clock reads: callers pass the phone's `Date.now()`.
 */

/** How far the server clock is ahead of the phone clock (negative when behind), in ms. */
export function clockOffsetMs(serverNowIso: string, phoneReceivedAtMs: number): number {
  const serverNowMs = Date.parse(serverNowIso);
  if (!Number.isFinite(serverNowMs) || !Number.isFinite(phoneReceivedAtMs)) return 0;
  return serverNowMs - phoneReceivedAtMs;
}

/** Server time estimated from the phone clock. */
export function serverNowMs(phoneNowMs: number, offsetMs: number): number {
  return phoneNowMs + offsetMs;
}

/** Time left until the server deadline, never negative. */
export function remainingMs(deadlineIso: string, offsetMs: number, phoneNowMs: number): number {
  const deadlineMs = Date.parse(deadlineIso);
  if (!Number.isFinite(deadlineMs)) return 0;
  return Math.max(0, deadlineMs - serverNowMs(phoneNowMs, offsetMs));
}

/** Delay until the displayed whole second changes, so ticks stay aligned and never drift. */
export function msUntilNextTick(remaining: number): number {
  if (remaining <= 0) return 0;
  const rest = remaining % 1000;
  return rest === 0 ? 1000 : rest;
}

/** `09:58` — minutes may exceed 59 (`75:00`). */
export function formatClock(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const minutes = Math.floor(seconds / 60);
  return `${String(minutes).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

/** A countdown shows the second it is in: 9.2 s left reads 00:10, and 00:00 only at the deadline. */
export function formatRemaining(remaining: number): string {
  return formatClock(Math.ceil(Math.max(0, remaining) / 1000));
}

/** Durations (time taken) round down: 3 min 12.9 s reads 03:12. */
export function formatTaken(durationMs: number): string {
  return formatClock(Math.floor(Math.max(0, durationMs) / 1000));
}
