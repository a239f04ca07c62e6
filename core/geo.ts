/**
 * Distances on the earth and the check-in geofence. Pure: no clock, no I/O.
 *
 * Coordinates are whatever `wx.getLocation` returns with type 'gcj02' (the datum WeChat maps use)
 * and the bases are stored in the same datum, so no conversion happens here.
 */

/** Mean earth radius (IUGG); haversine on a sphere is within ~0.5% of the ellipsoid, far below GPS error. */
const EARTH_RADIUS_M = 6_371_008.8;

/**
 * The most a reading's reported accuracy may widen a fence. `accuracy` comes from the phone, so it
 * cannot be trusted without a bound: uncapped, a coarse cell-tower fix (often 500–2000 m) or a
 * doctored value would let a member check in from across town. 100 m still admits a decent Wi-Fi
 * or GPS fix indoors (typically 10–65 m) at the edge of a small site.
 */
export const MAX_ACCURACY_ALLOWANCE_M = 100;

export interface GeoPoint {
  latitude: number;
  longitude: number;
}

export interface LocationReading extends GeoPoint {
  /** Radius in metres of the phone's 68% confidence circle. */
  accuracy: number;
}

export interface Geofence extends GeoPoint {
  radiusM: number;
}

const toRadians = (degrees: number): number => (degrees * Math.PI) / 180;

/** Great-circle distance in metres. */
export function distanceM(a: GeoPoint, b: GeoPoint): number {
  const dLat = toRadians(b.latitude - a.latitude);
  const dLon = toRadians(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a.latitude)) * Math.cos(toRadians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  // min(1, …) guards against rounding just above 1 for antipodal points, which would make asin NaN.
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A reading is inside when its distance is at most the radius plus its accuracy, capped. */
export function withinGeofence(fence: Geofence, reading: LocationReading): { inside: boolean; distanceM: number } {
  const distance = distanceM(fence, reading);
  const allowance = Math.min(Math.max(reading.accuracy, 0), MAX_ACCURACY_ALLOWANCE_M);
  return { inside: distance <= fence.radiusM + allowance, distanceM: distance };
}
