import Taro from '@tarojs/taro';
import { INVITE_SCENE_KEY, parseScene } from '../../core/scene';
import { INVITE_CODE_PATTERN } from '../../types/labels';
import { toast } from '../utils/toast';

/** The invite landing; its path must stay what cloudfunctions/member/invite.ts puts on cards and 小程序码. */
const JOIN_PAGE = '/pages/join/index';

export function joinUrl(code: string): string {
  return `${JOIN_PAGE}?code=${code}`;
}

/**
 * A share card opens `pages/join/index?code=XXXXXXXX`; a scanned wxacode carries the code in `scene`
 * (URL-encoded, `c=XXXXXXXX`, within the 32-character limit). Returns '' when neither holds one.
 */
export function readInviteCode(params: Record<string, string | undefined>): string {
  const raw = params.code || (params.scene ? parseScene(params.scene)[INVITE_SCENE_KEY] : undefined) || '';
  const code = raw.trim().toUpperCase();
  return INVITE_CODE_PATTERN.test(code) ? code : '';
}

/** The query of a scanned 小程序码 path, e.g. `pages/join/index?scene=c%3DABCDEFGH`. */
function queryOf(path: string): Record<string, string> {
  const query = path.split('?')[1] ?? '';
  return Object.fromEntries(
    query
      .split('&')
      .filter(Boolean)
      .map((pair) => {
        const [key = '', value = ''] = pair.split('=');
        return [key, value];
      }),
  );
}

/** Weapp: the camera reads an invite 小程序码 and opens the landing with its code; a cancelled scan does nothing. */
export async function scanInvite(): Promise<void> {
  let scanned: Taro.scanCode.SuccessCallbackResult;
  try {
    // 'wxCode' (小程序码) is a documented scan type that Taro's typings have not caught up with.
    scanned = await Taro.scanCode({ scanType: ['qrCode', 'wxCode'] as Array<keyof Taro.scanCode.ScanType> });
  } catch {
    return; // Cancelled: nothing to say.
  }
  const code = readInviteCode(queryOf(scanned.path || scanned.result || ''));
  if (code) await Taro.navigateTo({ url: joinUrl(code) });
  else toast('这不是支部的邀请码，请扫描书记分享的邀请二维码');
}
