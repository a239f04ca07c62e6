/**
 * Which WeChat APIs and components handle personal information, by the 用户隐私保护指引 key WeChat
 * files them under (developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/miniprogram-intro.html,
 * "开发者处理的信息"), and a scan of the app's sources for them. WeChat checks the same at review:
 * a version that calls an API its 指引 does not declare is refused, and the API fails at run time.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const API_KEYS: Record<string, string> = {
  getLocation: 'Location',
  getFuzzyLocation: 'Location',
  startLocationUpdate: 'Location',
  startLocationUpdateBackground: 'Location',
  chooseLocation: 'ChooseLocation',
  choosePoi: 'ChooseLocation',
  chooseAddress: 'Address',
  chooseInvoice: 'Invoice',
  chooseInvoiceTitle: 'Invoice',
  getWeRunData: 'RunData',
  chooseLicensePlate: 'LicensePlate',
  chooseImage: 'Album',
  chooseMedia: 'Album',
  chooseVideo: 'Album',
  chooseMessageFile: 'MessageFile',
  startRecord: 'Record',
  getRecorderManager: 'Record',
  joinVoIPChat: 'Record',
  createCameraContext: 'Camera',
  createVKSession: 'Camera',
  openBluetoothAdapter: 'BlueTooth',
  createBLEPeripheralServer: 'BlueTooth',
  saveImageToPhotosAlbum: 'AlbumWriteOnly',
  saveVideoToPhotosAlbum: 'AlbumWriteOnly',
  addPhoneContact: 'Contact',
  addPhoneCalendar: 'CalendarWriteOnly',
  addPhoneRepeatCalendar: 'CalendarWriteOnly',
  getClipboardData: 'Clipboard',
  setClipboardData: 'Clipboard',
};

/** Components and open types that collect information without an API call. */
const MARKUP_KEYS: [pattern: RegExp, key: string, what: string][] = [
  [/openType=['"{]+getPhoneNumber/, 'PhoneNumber', 'open-type="getPhoneNumber"'],
  [/openType=['"{]+getRealtimePhoneNumber/, 'PhoneNumber', 'open-type="getRealtimePhoneNumber"'],
  [/openType=['"{]+chooseAvatar/, 'UserInfo', 'open-type="chooseAvatar"'],
  [/type=['"]nickname['"]/, 'UserInfo', '<input type="nickname">'],
  [/<Camera\b/, 'Camera', '<Camera>'],
  [/<LivePusher\b/, 'Camera', '<LivePusher>'],
];

const API_CALL = new RegExp(`\\b(?:Taro|wx)\\.(${Object.keys(API_KEYS).join('|')})\\b`, 'g');

export interface PrivateInfoUse {
  key: string;
  /** The API or markup, e.g. `getLocation`. */
  what: string;
  /** `path:line`, relative to the scanned root's parent. */
  where: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name === '__test__' || name === 'node_modules') return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(tsx?|jsx?)$/.test(name) ? [path] : [];
  });
}

/** Every use of a private-info API or component under `srcDir` (tests excluded), in file order. */
export function scanPrivateInfoUses(srcDir: string, relativeTo: string): PrivateInfoUse[] {
  const uses: PrivateInfoUse[] = [];
  for (const file of sourceFiles(srcDir)) {
    const path = relative(relativeTo, file).split(sep).join('/');
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, index) => {
        const where = `${path}:${index + 1}`;
        for (const match of line.matchAll(API_CALL)) {
          const api = match[1] as string;
          uses.push({ key: API_KEYS[api] as string, what: api, where });
        }
        for (const [pattern, key, what] of MARKUP_KEYS) if (pattern.test(line)) uses.push({ key, what, where });
      });
  }
  return uses;
}

/** The location APIs WeChat requires in app.json's `requiredPrivateInfos` (notice of 2022-07-14). */
export const REQUIRED_PRIVATE_INFO_APIS: readonly string[] = [
  'getLocation',
  'getFuzzyLocation',
  'onLocationChange',
  'startLocationUpdate',
  'startLocationUpdateBackground',
  'chooseLocation',
  'choosePoi',
  'chooseAddress',
];
