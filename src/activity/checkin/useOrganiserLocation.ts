import { useCallback, useMemo, useRef } from 'react';
import type { LocationReading } from '../../../types/contracts/checkin';
import { readLocation } from '../../services/location';

export interface OrganiserLocation {
  /** The reading taken the first time anyone asked; the phone is asked only once per visit to the page. */
  once: () => Promise<LocationReading | null>;
  /** A new reading, kept for the codes issued after it (the organiser moved: 重新定位); a refusal is explained. */
  again: () => Promise<LocationReading | null>;
}

export function useOrganiserLocation(): OrganiserLocation {
  const reading = useRef<Promise<LocationReading | null> | null>(null);
  const once = useCallback(() => {
    reading.current ??= readLocation();
    return reading.current;
  }, []);
  const again = useCallback(() => {
    reading.current = readLocation('设置签到位置');
    return reading.current;
  }, []);
  return useMemo(() => ({ once, again }), [once, again]);
}
