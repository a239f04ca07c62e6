import Taro from '@tarojs/taro';
import type { LocationReading } from '../../../types/contracts/checkin';

const MAX_ACCURACY_M = 100_000;

/**
 * Where the organiser stands, or null when the phone will not say (permission refused, no fix).
 * Weapp reads gcj02, the system fences are kept in. Taro's H5 getLocation knows only the browser's
 * wgs84, a few hundred metres off in China; H5 is the local demo, where organiser and member both
 * read wgs84 and so agree with each other.
 */
export async function readLocation(): Promise<LocationReading | null> {
  try {
    const reading = await Taro.getLocation({ type: process.env.TARO_ENV === 'h5' ? 'wgs84' : 'gcj02' });
    return {
      latitude: reading.latitude,
      longitude: reading.longitude,
      accuracy: Math.min(Math.max(reading.accuracy ?? MAX_ACCURACY_M, 0), MAX_ACCURACY_M),
    };
  } catch {
    return null;
  }
}
