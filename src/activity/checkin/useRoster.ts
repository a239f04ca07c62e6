import { useCallback, useEffect, useRef, useState } from 'react';
import type { Roster } from '../../../types/contracts/checkin';
import type { AppError } from '../../../types/result';
import { callFunction } from '../../services/cloud';

/** People arrive in waves; ten seconds keeps the screen current without a request per heartbeat. */
export const ROSTER_POLL_MS = 10_000;

export interface RosterState {
  roster: Roster | undefined;
  /** Only when nothing could be shown yet: a failed poll keeps the last roster on screen. */
  error: AppError | undefined;
  reload: () => Promise<void>;
}

/** The live roster, read again every `ROSTER_POLL_MS` while `active` (the 名单 segment is up and the page is in front). */
export function useRoster(activityId: string, active: boolean): RosterState {
  const [roster, setRoster] = useState<Roster>();
  const [error, setError] = useState<AppError>();
  const shown = useRef(false);

  const reload = useCallback(async () => {
    const result = await callFunction('checkin', 'roster', { activityId }, { silentError: true });
    if (result.ok) {
      shown.current = true;
      setRoster(result.data);
      setError(undefined);
    } else if (!shown.current) {
      setError(result.error);
    }
  }, [activityId]);

  useEffect(() => {
    if (!active) return undefined;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      await reload();
      if (!stopped) timer = setTimeout(() => void poll(), ROSTER_POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [active, reload]);

  return { roster, error, reload };
}
