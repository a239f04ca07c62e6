import Taro from '@tarojs/taro';
import { wgs84ToGcj02 } from '../../core/geo';
import type { LocationReading } from '../../types/contracts/checkin';

/** Where a refusal comes from decides what the member can do about it. */
function refusalHelp(errMsg: string): { content: string; canOpenSettings: boolean } {
  if (/auth|permission|denied/i.test(errMsg)) {
    return {
      content: '你没有允许「红途」使用位置信息。请在设置中打开「位置信息」后重试。',
      canOpenSettings: process.env.TARO_ENV !== 'h5',
    };
  }
  return { content: '无法获取位置：请打开手机的定位服务（GPS），并允许微信使用位置后重试。', canOpenSettings: false };
}

/** The same explanation wherever the app needs the location, with the way to the settings where one exists. */
async function explainRefusal(purpose: string, errMsg: string): Promise<void> {
  const { content, canOpenSettings } = refusalHelp(errMsg);
  const answer = await Taro.showModal({
    title: `需要位置才能${purpose}`,
    content,
    confirmText: canOpenSettings ? '去设置' : '知道了',
    showCancel: canOpenSettings,
  });
  if (answer.confirm && canOpenSettings) await Taro.openSetting();
}

/**
 * The one place the app reads the phone's position: in GCJ-02, the datum the check-in fences and
 * the map use in China, on both builds. Null when the member refuses or the phone cannot tell; with `purpose`
 * (e.g. "签到") the refusal is explained, without it (sorting a list) it passes quietly.
 */
export async function readLocation(purpose?: string): Promise<LocationReading | null> {
  try {
    // Taro's H5 getLocation reads only the browser's WGS-84, so the H5 build converts it itself.
    const h5 = process.env.TARO_ENV === 'h5';
    const { latitude, longitude, accuracy } = await Taro.getLocation({ type: h5 ? 'wgs84' : 'gcj02' });
    const point = h5 ? wgs84ToGcj02({ latitude, longitude }) : { latitude, longitude };
    // A browser may not say how sure it is; 0 then asks the fence to widen by nothing.
    return { ...point, accuracy: Math.min(Math.max(accuracy || 0, 0), 100_000) };
  } catch (error) {
    if (purpose !== undefined)
      await explainRefusal(purpose, error instanceof Error ? error.message : String((error as { errMsg?: string })?.errMsg ?? ''));
    return null;
  }
}
