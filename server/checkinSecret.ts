/**
 * The server half of the rotating check-in code (core/checkin/token.ts): the HMAC under a secret
 * that only the `checkin` function's environment holds, and the nonce for a new code.
 *
 * Production: set CHECKIN_SECRET in the function's 环境变量 (云开发控制台 → 云函数 → 函数配置).
 * The console takes letters, digits and `_` starting with a letter, at most 64 bytes, so generate it
 * as `node -e "console.log('k' + require('crypto').randomBytes(30).toString('hex'))"` (240 random
 * bits). Rotating it voids only the codes on screen at that moment. A missing or short secret
 * refuses every code rather than signing with a guessable one.
 *
 * Locally the emulator sets a fixed secret of its own when none is configured (emulator/local.ts);
 * it lives in the emulator so no deployed bundle can fall back to it.
 */
import { createHmac, randomInt } from 'node:crypto';
import { CHECKIN_NONCE_COUNT, type Hmac } from '../core/checkin/token';

export const CHECKIN_SECRET_ENV = 'CHECKIN_SECRET';
/** 32 characters of the generated form are already 160 bits. */
const MIN_SECRET_LENGTH = 32;

function checkinSecret(): string {
  const secret = process.env[CHECKIN_SECRET_ENV];
  if (secret === undefined || secret.length < MIN_SECRET_LENGTH) {
    throw new Error(`${CHECKIN_SECRET_ENV} must be set to at least ${MIN_SECRET_LENGTH} characters in the function's environment`);
  }
  return secret;
}

/** Reads the secret on use, not at load: without one, only the actions that sign or check codes fail, not the whole function. */
export const checkinHmac: Hmac = (message) => createHmac('sha256', checkinSecret()).update(message, 'utf8').digest();

export function newCheckinNonce(): number {
  return randomInt(CHECKIN_NONCE_COUNT);
}

export const CHECKIN_LINK_BASE_ENV = 'CHECKIN_LINK_BASE';
/**
 * What a rotating code's QR link starts with until the deployment sets CHECKIN_LINK_BASE to the
 * prefix it registered under 「扫普通链接二维码打开小程序」 (README, 部署). The placeholder domain is
 * reserved (RFC 2606), so an unconfigured link opens nothing outside the app, while the app's own
 * scanner reads the code from it all the same (core/checkin/link.ts).
 */
export const DEFAULT_CHECKIN_LINK_BASE = 'https://hongtu.example.com/checkin';

export function checkinLinkBase(): string {
  const configured = process.env[CHECKIN_LINK_BASE_ENV]?.trim();
  return configured === undefined || configured === '' ? DEFAULT_CHECKIN_LINK_BASE : configured;
}
