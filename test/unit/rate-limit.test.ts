import fc from 'fast-check';
import { afterFailure, lockedOutReason, lockedUntil, type RateLimit, type RateLimitGuard } from '../../core/rateLimit';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const start = Date.UTC(2026, 2, 1, 6);

/** What the repository does with afterFailure's answer: replace the guard, or increment the count (and set the lock when given). */
function recordFailure(limit: RateLimit, guard: RateLimitGuard | undefined, now: Date): RateLimitGuard {
  const step = afterFailure(limit, guard, now);
  if (step.kind === 'restart') return step.guard;
  if (guard === undefined) throw new Error('an increment needs a guard to increment');
  return { ...guard, failures: guard.failures + 1, lockedUntil: step.lockUntil ?? guard.lockedUntil };
}

/**
 * The rule in plain terms, from the failures counted so far: a window opens at a failure when the
 * last one has passed; locked while the current window holds ≥ maxFailures, or while a lock set by
 * the maxFailures-th (or later) failure of a window is younger than lockMs. The time it answers is
 * the latest of those ends.
 */
function referenceLockedUntil(limit: RateLimit, counted: readonly number[], now: number): number | null {
  let windowStart = Number.NEGATIVE_INFINITY;
  let inWindow = 0;
  let lockEnds = Number.NEGATIVE_INFINITY;
  for (const failure of counted) {
    if (failure - windowStart >= limit.windowMs) {
      windowStart = failure;
      inWindow = 0;
    }
    inWindow += 1;
    if (inWindow >= limit.maxFailures) lockEnds = failure + limit.lockMs;
  }
  const windowEnds = inWindow >= limit.maxFailures ? windowStart + limit.windowMs : Number.NEGATIVE_INFINITY;
  const until = Math.max(lockEnds, windowEnds);
  return until > now ? until : null;
}

// A lock longer than the window, and one shorter: the two ends the rule takes the latest of.
const LIMITS: [string, RateLimit][] = [
  ['10 分钟内 3 次锁 30 分钟', { maxFailures: 3, windowMs: 10 * MINUTE, lockMs: 30 * MINUTE }],
  ['30 分钟内 4 次锁 5 分钟', { maxFailures: 4, windowMs: 30 * MINUTE, lockMs: 5 * MINUTE }],
];

describe.each(LIMITS)('限流规则（%s）', (_name, limit) => {
  const untilMs = (guard: RateLimitGuard | undefined, now: number) => lockedUntil(limit, guard, new Date(now))?.getTime() ?? null;
  const record = (guard: RateLimitGuard | undefined, at: number) => recordFailure(limit, guard, new Date(at));

  // Gaps that land on the edges of the window and the lock as well as anywhere between.
  const gap = fc.oneof(
    fc.constantFrom(0, 1, limit.windowMs - 1, limit.windowMs, limit.windowMs + 1, limit.lockMs - 1, limit.lockMs),
    fc.integer({ min: 0, max: 1.5 * Math.max(limit.windowMs, limit.lockMs) }),
    fc.integer({ min: 0, max: limit.windowMs / limit.maxFailures }),
  );

  it('任意一串失败：每一次之后是否锁定、锁到何时，都与规则的简单模型一致', () => {
    fc.assert(
      fc.property(fc.array(gap, { maxLength: 40 }), gap, (gaps, after) => {
        let guard: RateLimitGuard | undefined;
        const counted: number[] = [];
        let now = start;
        for (const step of gaps) {
          now += step;
          expect(untilMs(guard, now)).toBe(referenceLockedUntil(limit, counted, now));
          guard = record(guard, now);
          counted.push(now);
          expect(untilMs(guard, now)).toBe(referenceLockedUntil(limit, counted, now));
        }
        expect(untilMs(guard, now + after)).toBe(referenceLockedUntil(limit, counted, now + after));
      }),
    );
  });

  it('窗口内第 maxFailures 次失败起锁定 lockMs（不早于窗口结束），到点即解锁', () => {
    let guard: RateLimitGuard | undefined;
    for (let failure = 0; failure < limit.maxFailures - 1; failure += 1) guard = record(guard, start + failure);
    expect(untilMs(guard, start + limit.maxFailures)).toBeNull();
    const last = start + limit.windowMs - 1;
    guard = record(guard, last);
    const ends = Math.max(last + limit.lockMs, start + limit.windowMs);
    expect(untilMs(guard, last)).toBe(ends);
    expect(untilMs(guard, ends - 1)).toBe(ends);
    expect(untilMs(guard, ends)).toBeNull();
  });

  it('锁定期间、窗口到期后仍被记下的失败开启新窗口，但不缩短正在生效的锁', () => {
    let guard = record(undefined, start);
    for (let failure = 1; failure < limit.maxFailures; failure += 1) guard = record(guard, start + limit.windowMs - 1);
    const lockEnds = start + limit.windowMs - 1 + limit.lockMs;
    guard = record(guard, start + limit.windowMs);
    expect(guard.failures).toBe(1);
    expect(untilMs(guard, start + limit.windowMs)).toBe(lockEnds);
  });

  it('窗口过后的失败重新计数：跨窗口的 maxFailures 次失败不锁定', () => {
    let guard: RateLimitGuard | undefined;
    for (let failure = 0; failure < limit.maxFailures - 1; failure += 1) guard = record(guard, start + failure * MINUTE);
    guard = record(guard, start + limit.windowMs);
    expect(guard).toEqual({ windowStart: new Date(start + limit.windowMs), failures: 1, lockedUntil: null });
    expect(untilMs(guard, start + limit.windowMs)).toBeNull();
  });

  it('并发：k 次失败读到同一份计数（都没看到上限、都不设锁）再各自加一，计数到上限即锁定，不短于逐次失败时的锁', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: limit.maxFailures - 2 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: limit.windowMs - 1 }),
        (already, k, elapsed) => {
          const read: RateLimitGuard = { windowStart: new Date(start), failures: already, lockedUntil: null };
          const now = new Date(start + elapsed);
          const steps = Array.from({ length: k }, () => afterFailure(limit, read, now));
          expect(steps.every((step) => step.kind === 'increment' && step.lockUntil === null)).toBe(true);
          const written: RateLimitGuard = { ...read, failures: read.failures + k };
          const reachesLimit = already + k >= limit.maxFailures;
          const countLockEnds = start + Math.max(limit.windowMs, limit.lockMs);
          expect(untilMs(written, now.getTime())).toBe(reachesLimit ? countLockEnds : null);
          expect(untilMs(written, countLockEnds)).toBeNull();
          // A failure after the window keeps that lock running.
          const next = recordFailure(limit, written, new Date(start + limit.windowMs));
          expect(untilMs(next, start + limit.windowMs)).toBe(reachesLimit && countLockEnds > start + limit.windowMs ? countLockEnds : null);
        },
      ),
    );
  });

  it('没有失败记录的调用者不被锁定', () => {
    expect(lockedUntil(limit, undefined, new Date(start))).toBeNull();
  });
});

describe('锁定提示', () => {
  const limit: RateLimit = { maxFailures: 3, windowMs: HOUR, lockMs: 24 * HOUR };
  const now = new Date(start);
  /** The words for a caller whose lock runs `ms` more. */
  const reasonFor = (what: string, ms: number) =>
    lockedOutReason(limit, what, { windowStart: now, failures: 1, lockedUntil: new Date(start + ms) }, now);

  it('一小时以内按分钟向上取整，至少 1 分钟', () => {
    expect(reasonFor('邀请码', HOUR)).toBe('邀请码错误次数过多，请 60 分钟后再试');
    expect(reasonFor('邀请码', 9 * MINUTE + 1)).toBe('邀请码错误次数过多，请 10 分钟后再试');
    expect(reasonFor('邀请码', 1)).toBe('邀请码错误次数过多，请 1 分钟后再试');
  });

  it('超过一小时按小时向上取整', () => {
    expect(reasonFor('手机号后 4 位', HOUR + 1)).toBe('手机号后 4 位错误次数过多，请 2 小时后再试');
    expect(reasonFor('手机号后 4 位', 24 * HOUR)).toBe('手机号后 4 位错误次数过多，请 24 小时后再试');
  });

  it('未锁定时没有提示', () => {
    expect(reasonFor('邀请码', 0)).toBeNull();
    expect(lockedOutReason(limit, '邀请码', undefined, now)).toBeNull();
  });
});
