import fc from 'fast-check';
import { distanceM, MAX_ACCURACY_ALLOWANCE_M, wgs84ToGcj02, withinGeofence, type GeoPoint } from '../../core/geo';

const METRES_PER_DEGREE_LATITUDE = (6_371_008.8 * Math.PI) / 180;
/** `metres` due north of `from`: along a meridian the great-circle distance is exactly that. */
function north(from: GeoPoint, metres: number): GeoPoint {
  return { latitude: from.latitude + metres / METRES_PER_DEGREE_LATITUDE, longitude: from.longitude };
}

const point = fc.record({
  latitude: fc.double({ min: -89, max: 89, noNaN: true }),
  longitude: fc.double({ min: -180, max: 180, noNaN: true }),
});
const CHENSHUXIANG = { latitude: 25.527, longitude: 111.6 };

describe('distanceM', () => {
  it('两点间距离与先后顺序无关', () => {
    fc.assert(fc.property(point, point, (a, b) => Math.abs(distanceM(a, b) - distanceM(b, a)) < 1e-6));
  });

  it('同一点的距离为 0，其余为正且不超过半个地球周长', () => {
    fc.assert(fc.property(point, (a) => distanceM(a, a) === 0));
    fc.assert(
      fc.property(point, point, (a, b) => {
        const d = distanceM(a, b);
        return d >= 0 && d <= Math.PI * 6_371_008.8 + 1;
      }),
    );
  });

  it('与已知距离相符：永州零陵到道县约 77 公里', () => {
    expect(distanceM({ latitude: 26.221, longitude: 111.631 }, CHENSHUXIANG) / 1000).toBeCloseTo(77.2, 0);
  });
});

describe('withinGeofence', () => {
  it('半径内 1 米算在圈内，半径外 1 米算在圈外（精度为 0 时）', () => {
    fc.assert(
      fc.property(point, fc.integer({ min: 30, max: 5000 }), (centre, radiusM) => {
        const fence = { ...centre, radiusM };
        return (
          withinGeofence(fence, { ...north(centre, radiusM - 1), accuracy: 0 }).inside &&
          !withinGeofence(fence, { ...north(centre, radiusM + 1), accuracy: 0 }).inside
        );
      }),
    );
  });

  it('上报精度把圈放宽同样的米数', () => {
    const fence = { ...CHENSHUXIANG, radiusM: 200 };
    expect(withinGeofence(fence, { ...north(CHENSHUXIANG, 249), accuracy: 50 }).inside).toBe(true);
    expect(withinGeofence(fence, { ...north(CHENSHUXIANG, 251), accuracy: 50 }).inside).toBe(false);
  });

  it('精度再差也最多放宽上限米数，伪造的大精度进不了圈', () => {
    const fence = { ...CHENSHUXIANG, radiusM: 200 };
    const edge = 200 + MAX_ACCURACY_ALLOWANCE_M;
    expect(withinGeofence(fence, { ...north(CHENSHUXIANG, edge - 1), accuracy: 5000 }).inside).toBe(true);
    expect(withinGeofence(fence, { ...north(CHENSHUXIANG, edge + 1), accuracy: 5000 }).inside).toBe(false);
  });

  it('给出读数到基地的距离', () => {
    const { distanceM: distance } = withinGeofence({ ...CHENSHUXIANG, radiusM: 100 }, { ...north(CHENSHUXIANG, 1234), accuracy: 10 });
    expect(distance).toBeCloseTo(1234, 3);
  });
});

describe('wgs84ToGcj02', () => {
  it('中国境内的 GPS 坐标按国测局公式偏移（与 eviltransform 的参考值一致，北京约偏 555 米）', () => {
    const gps = { latitude: 39.915, longitude: 116.404 };
    const mars = wgs84ToGcj02(gps);
    expect(mars.latitude).toBeCloseTo(39.91640428150164, 12);
    expect(mars.longitude).toBeCloseTo(116.41024449916938, 12);
    expect(Math.round(distanceM(gps, mars))).toBe(555);
  });

  it('境外坐标不偏移', () => {
    expect(wgs84ToGcj02({ latitude: 51.5, longitude: -0.12 })).toEqual({ latitude: 51.5, longitude: -0.12 });
  });

  it('境内任一点的偏移都在 1 公里以内，足以让浏览器定位落进基地的打卡范围', () => {
    const inChina = fc.record({
      latitude: fc.double({ min: 18, max: 53, noNaN: true }),
      longitude: fc.double({ min: 74, max: 134, noNaN: true }),
    });
    fc.assert(fc.property(inChina, (gps) => distanceM(gps, wgs84ToGcj02(gps)) < 1000));
  });
});
