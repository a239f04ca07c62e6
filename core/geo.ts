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

// GCJ-02 ("Mars coordinates") is the WGS-84 position shifted by a published, obfuscating formula
// that maps apps in China must apply; the constants are the formula's own (Krasovsky 1940 ellipsoid).
const KRASOVSKY_A = 6_378_245.0;
const KRASOVSKY_EE = 0.006_693_421_622_965_943;

/** The datum applies only inside China's rough bounding box; elsewhere both datums agree. */
function outsideChina({ latitude, longitude }: GeoPoint): boolean {
  return longitude < 72.004 || longitude > 137.8347 || latitude < 0.8293 || latitude > 55.8271;
}

function shiftLatitude(x: number, y: number): number {
  let shift = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  shift += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  shift += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  shift += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return shift;
}

function shiftLongitude(x: number, y: number): number {
  let shift = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  shift += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  shift += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  shift += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return shift;
}

/**
 * A WGS-84 position (what a browser's geolocation gives) in GCJ-02 (what `wx.getLocation` with
 * type 'gcj02', WeChat's maps and the stored bases use). Accurate to a few metres; the H5 build
 * needs it because Taro's H5 getLocation only reads WGS-84.
 */
export function wgs84ToGcj02(point: GeoPoint): GeoPoint {
  if (outsideChina(point)) return { latitude: point.latitude, longitude: point.longitude };
  const x = point.longitude - 105;
  const y = point.latitude - 35;
  const radLat = toRadians(point.latitude);
  const sinLat = Math.sin(radLat);
  const magic = 1 - KRASOVSKY_EE * sinLat * sinLat;
  const sqrtMagic = Math.sqrt(magic);
  const dLat = (shiftLatitude(x, y) * 180) / (((KRASOVSKY_A * (1 - KRASOVSKY_EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLon = (shiftLongitude(x, y) * 180) / ((KRASOVSKY_A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { latitude: point.latitude + dLat, longitude: point.longitude + dLon };
}
