import { wgs84ToGcj02 } from '../../../core/geo';
import taro, { resetTaroStub } from '../../components/__test__/taroStub';
import { readLocation } from '../location';

jest.mock('@tarojs/taro', () => require('../../components/__test__/taroStub').taroModule);

const GPS = { latitude: 25.527, longitude: 111.6, accuracy: 30, errMsg: 'getLocation:ok' };
const getLocation = jest.fn();
Object.assign(taro, { getLocation });
const buildTarget = process.env.TARO_ENV;

beforeEach(() => {
  resetTaroStub();
  getLocation.mockReset();
  getLocation.mockResolvedValue(GPS);
});
afterEach(() => {
  process.env.TARO_ENV = buildTarget;
});

describe('readLocation', () => {
  it('小程序直接取 GCJ-02 坐标', async () => {
    process.env.TARO_ENV = 'weapp';
    await expect(readLocation()).resolves.toEqual({ latitude: 25.527, longitude: 111.6, accuracy: 30 });
    expect(getLocation).toHaveBeenCalledWith({ type: 'gcj02' });
  });

  it('H5 只能取浏览器的 WGS-84 坐标，换算成 GCJ-02 后再用于打卡', async () => {
    process.env.TARO_ENV = 'h5';
    await expect(readLocation()).resolves.toEqual({ ...wgs84ToGcj02(GPS), accuracy: 30 });
    expect(getLocation).toHaveBeenCalledWith({ type: 'wgs84' });
  });

  it('没有目的时拒绝定位不弹窗，只返回 null', async () => {
    getLocation.mockRejectedValue({ errMsg: 'getLocation:fail auth deny' });
    await expect(readLocation()).resolves.toBeNull();
  });
});
