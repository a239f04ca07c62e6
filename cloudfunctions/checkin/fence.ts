/**
 * Where a check-in is located against (ARCHITECTURE.md, "Check-ins"): an activity's fence is chosen
 * when its organiser's screen asks for a code and noted on the activity, so a scan reads nothing
 * more than the activity to check a location.
 */
import type { CheckinFence, IssuedCode, LocationReading } from '../../types/contracts/checkin';
import { ORGANISER_FENCE_RADIUS_M, tooFarMessage } from '../../core/checkin/rules';
import { withinGeofence } from '../../core/geo';
import type { ActivityDoc, BaseDoc } from '../../server/documents';
import { fail } from '../../server/kernel/failure';

export function baseFence(base: BaseDoc): CheckinFence {
  return { latitude: base.latitude, longitude: base.longitude, radiusM: base.radiusM, source: 'base' };
}

/**
 * The fence an activity should have now: none online; its base's when linked to one (`base` is
 * that base, or null when it is gone); else where the organiser stands (`at`) the first time one is
 * known or when they `relocate`, otherwise the one noted before.
 */
export function activityFence(
  activity: Pick<ActivityDoc, 'online' | 'baseId' | 'checkinFence'>,
  base: BaseDoc | null,
  organiser: { at?: LocationReading | undefined; relocate: boolean },
): IssuedCode['fence'] {
  if (activity.online) return null;
  if (base !== null) return baseFence(base);
  const noted = activity.checkinFence?.source === 'organiser' ? activity.checkinFence : null;
  const { at } = organiser;
  if (at !== undefined && (noted === null || organiser.relocate)) {
    return { latitude: at.latitude, longitude: at.longitude, radiusM: ORGANISER_FENCE_RADIUS_M, source: 'organiser' };
  }
  return noted;
}

export function sameFence(a: CheckinFence | null | undefined, b: CheckinFence | null): boolean {
  if (a === undefined || a === null || b === null) return (a ?? null) === b;
  return a.latitude === b.latitude && a.longitude === b.longitude && a.radiusM === b.radiusM && a.source === b.source;
}

/** Metres from the fence's centre, rounded; refuses a reading outside it, or none where one is needed. */
export function locate(fence: CheckinFence | null, reading: LocationReading | undefined): number | null {
  if (fence === null) return null;
  if (reading === undefined) fail('INVALID_INPUT', { field: 'location', message: '请允许获取位置后再签到' });
  const { inside, distanceM } = withinGeofence(fence, reading);
  if (!inside) fail('FORBIDDEN', { field: 'location', message: tooFarMessage(distanceM, fence.radiusM) });
  return Math.round(distanceM);
}

/** The fence a scan of this activity is checked against: none online, whatever issueCode noted otherwise. */
export function scanFence(activity: Pick<ActivityDoc, 'online' | 'checkinFence'>): CheckinFence | null {
  return activity.online ? null : (activity.checkinFence ?? null);
}
