/**
 * What a check-in QR code holds and how a scan is read back, shared by the function that issues
 * codes and the pages that scan them.
 *
 * - A base's printed code is a 小程序码 whose scene is `b=<baseId>`: WeChat opens the landing page
 *   with it as `query.scene`.
 * - An activity's rotating code changes every 10 s, too often for `wxacode.getUnlimited`, so it is
 *   a plain QR code holding a link `<linkBase>?k=<code>`. With the link's prefix registered under
 *   「扫普通链接二维码打开小程序」, WeChat's own scanner opens the landing page with the link in
 *   `query.q`; the app's `wx.scanCode` reads the same text.
 * - A member's personal code (反扫) is a plain QR code of the bare code, read only by the
 *   organiser's in-app scanner.
 */
import { parseScene } from '../scene';

/** The scene key that carries a base id (`b=<id>`: ids up to 30 characters fit the 32). */
export const BASE_SCENE_KEY = 'b';
/** The link parameter that carries a rotating code. */
export const CODE_LINK_PARAM = 'k';

export function checkinLink(linkBase: string, code: string): string {
  return `${linkBase}?${CODE_LINK_PARAM}=${code}`;
}

export type ScannedCheckin = { kind: 'code'; code: string } | { kind: 'base'; baseId: string };

/** A malformed escape is read as it came. */
function decodedOnce(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function queryParam(text: string, key: string): string | null {
  const query = text.includes('?') ? text.slice(text.indexOf('?') + 1) : '';
  for (const pair of query.split('&')) {
    const [name, value] = pair.split('=');
    if (name === key && value !== undefined && value !== '') return decodedOnce(value);
  }
  return null;
}

/**
 * Reads what a scan or a landing page received: a check-in link (or its `q` form), a mini-program
 * path with a scene, a bare scene, or a code typed or pasted by hand. Null when it is none of these.
 */
export function readScannedCheckin(text: string): ScannedCheckin | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  // WeChat hands a page the link of a plain QR code (`query.q`) and a 小程序码's scene URL-encoded
  // whole; a text with a query of its own is decoded value by value instead.
  if (!trimmed.includes('?') && trimmed.includes('%')) {
    const decoded = decodedOnce(trimmed);
    if (decoded !== trimmed) return readScannedCheckin(decoded);
  }
  const code = queryParam(trimmed, CODE_LINK_PARAM);
  if (code !== null) return { kind: 'code', code };
  const scene = queryParam(trimmed, 'scene') ?? (trimmed.includes('=') && !trimmed.includes('?') ? trimmed : null);
  if (scene !== null) {
    const baseId = parseScene(scene)[BASE_SCENE_KEY];
    return baseId === undefined || baseId === '' ? null : { kind: 'base', baseId };
  }
  // A bare code: no separators, the characters of an id and the code's tail.
  return /^[A-Za-z0-9_-]+$/.test(trimmed) ? { kind: 'code', code: trimmed } : null;
}
