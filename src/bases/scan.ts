import Taro from '@tarojs/taro';
import { readScannedCheckin, type ScannedCheckin } from '../../core/checkin/link';
import { toast } from '../utils/toast';
import { checkinLandingUrl } from './routes';

/** Weapp: the camera reads a check-in QR code or a base's 小程序码; null when cancelled or not one of ours. */
export async function scanCheckinWithCamera(): Promise<ScannedCheckin | null> {
  let scanned: Taro.scanCode.SuccessCallbackResult;
  try {
    // 'wxCode' (小程序码) is a documented scan type that Taro's typings have not caught up with.
    scanned = await Taro.scanCode({ scanType: ['qrCode', 'wxCode'] as Array<keyof Taro.scanCode.ScanType> });
  } catch {
    return null; // Cancelled: nothing to say.
  }
  // A 小程序码 of this app comes back as its page path (with the scene); a plain QR code as its text.
  const target = readScannedCheckin(scanned.path || scanned.result || '');
  if (!target) toast('这不是红途的签到码');
  return target;
}

/** 扫一扫 from home and 我的: the landing page takes the scan from there; on H5, which has no scanner, it opens at the manual entry. */
export async function scanToCheckin(): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    await Taro.navigateTo({ url: checkinLandingUrl({ manual: true }) });
    return;
  }
  const target = await scanCheckinWithCamera();
  if (target) await Taro.navigateTo({ url: checkinLandingUrl(target.kind === 'code' ? { code: target.code } : { baseId: target.baseId }) });
}
