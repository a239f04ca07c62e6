import { useEffect, useRef, useState } from 'react';
import { msUntilNextTick, remainingMs } from './countdown';

export interface CountdownOptions {
  /** Server deadline (ISO); null while the attempt is not loaded. */
  deadline: string | null;
  /** serverNow − phone clock at receipt of `start`. */
  offsetMs: number;
  /** Called once when the time is up (also if it already was when the countdown began). */
  onExpire: () => void;
  /** The phone clock; injectable for tests. */
  now?: () => number;
}

/**
 * Remaining ms to the server deadline, re-rendered at each whole second. It recomputes from the
 * clock on every tick rather than counting ticks, so a page frozen in the background (incoming call)
 * shows the right time the moment it returns.
 */
export function useCountdown({ deadline, offsetMs, onExpire, now = Date.now }: CountdownOptions): number | null {
  const [remaining, setRemaining] = useState<number | null>(() => (deadline === null ? null : remainingMs(deadline, offsetMs, now())));
  const onExpireRef = useRef(onExpire);
  onExpireRef.current = onExpire;
  const nowRef = useRef(now);
  nowRef.current = now;

  useEffect(() => {
    if (deadline === null) {
      setRemaining(null);
      return undefined;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    let expired = false;
    const tick = () => {
      const left = remainingMs(deadline, offsetMs, nowRef.current());
      setRemaining(left);
      if (left <= 0) {
        if (!expired) {
          expired = true;
          onExpireRef.current();
        }
        return;
      }
      timer = setTimeout(tick, msUntilNextTick(left));
    };
    tick();
    return () => {
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [deadline, offsetMs]);

  return remaining;
}
