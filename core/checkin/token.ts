/**
 * The rotating codes of a check-in (issue 10): the code an organiser's screen shows for an activity
 * (purpose `in` to check in, `out` to check out) and the personal code a member's screen shows for
 * 反扫 (purpose `member`, subject = the member). Each changes every slot (10 s) and is signed with a
 * server-only HMAC over (purpose, subject, slot, nonce), so a code is only good for the purpose and
 * subject it was issued for, within the last two slots: a photo passed on a minute later is stale,
 * and no code can be made up without the secret. The HMAC and the time are arguments — this module
 * never touches node:crypto or the clock.
 *
 * Layout: `<subject><slot: 6><nonce: 2><mac: 10>`, the last 18 characters in Crockford base32
 * (upper case, no I/L/O/U to misread). The tail has a fixed length, so the id is whatever precedes
 * it and no separator is spent: a generated 12-character activity id gives 30 characters. The
 * purpose is not spelled out: it is bound by the MAC, and verifying finds it by trying each.
 *
 * Security margin: the MAC is HMAC-SHA256 truncated to 50 bits. The secret cannot be recovered
 * from codes, so forging means guessing: 2^-50 per try, and the check-in function locks a member
 * out after a few wrong codes — even a million accounts guessing a thousand times each succeed
 * with probability ≈ 10^-6. The real threat is relaying a genuine code, which the short window
 * and the location check address, not the MAC length.
 */
import { idSchema } from '../../types/common';

/** How long one code is shown before the next. */
export const CHECKIN_SLOT_MS = 10_000;

const BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BITS_PER_CHAR = 5;
const SLOT_CHARS = 6;
const NONCE_CHARS = 2;
const MAC_CHARS = 10;
const TAIL_CHARS = SLOT_CHARS + NONCE_CHARS + MAC_CHARS;
const MAC_BYTES_NEEDED = Math.ceil((MAC_CHARS * BITS_PER_CHAR) / 8);

/** Six characters hold 2^30 slots: at 10 s a slot, instants until the year 2310. */
const SLOT_LIMIT = BASE32.length ** SLOT_CHARS;
/** Nonces are drawn from [0, CHECKIN_NONCE_COUNT). */
export const CHECKIN_NONCE_COUNT = BASE32.length ** NONCE_CHARS;

/** Separates these MACs from any other the same secret may sign later. */
const MAC_DOMAIN = 'hongtu.checkin.v1';

/** `in` / `out`: an activity's 签到 / 签退 code; `member`: a member's personal code for 反扫. */
export const CODE_PURPOSES = ['in', 'out', 'member'] as const;
export type CodePurpose = (typeof CODE_PURPOSES)[number];

/** HMAC-SHA256 of a UTF-8 message under the server's secret (server/checkinSecret.ts). */
export type Hmac = (message: string) => Uint8Array;

export interface CodeFields {
  purpose: CodePurpose;
  /** The activity (`in`, `out`) or the member (`member`) the code is for. */
  subject: string;
  slot: number;
  /** Tells apart codes issued for the same slot (two organiser screens, a re-issue). */
  nonce: number;
}

export type VerifyResult =
  | ({ kind: 'ok' } & CodeFields)
  /** Genuine, but from before the previous slot. */
  | { kind: 'expired' }
  /** Well formed, but not signed by this server's secret for these fields — or signed for a slot that has not begun. */
  | { kind: 'forged' }
  /** Not a check-in code at all: wrong length or characters. */
  | { kind: 'malformed' };

/** When a slot begins, in ms since the epoch. */
export function slotStartMs(slot: number, slotMs: number = CHECKIN_SLOT_MS): number {
  return slot * slotMs;
}

/** The slot an instant (ms since the epoch) falls in. */
export function slotAt(ms: number, slotMs: number = CHECKIN_SLOT_MS): number {
  return Math.floor(ms / slotMs);
}

function encodeInteger(value: number, chars: number): string {
  let text = '';
  let rest = value;
  for (let i = 0; i < chars; i++) {
    text = BASE32.charAt(rest % BASE32.length) + text;
    rest = Math.floor(rest / BASE32.length);
  }
  return text;
}

/** NaN for any character outside the alphabet. */
function decodeInteger(text: string): number {
  let value = 0;
  for (const char of text) {
    const digit = BASE32.indexOf(char);
    if (digit < 0) return NaN;
    value = value * BASE32.length + digit;
  }
  return value;
}

function macText({ purpose, subject, slot, nonce }: CodeFields, hmac: Hmac): string {
  // Decimal fields and ids without '|' make the message unambiguous.
  const mac = hmac(`${MAC_DOMAIN}|${purpose}|${subject}|${slot}|${nonce}`);
  if (mac.length < MAC_BYTES_NEEDED) throw new RangeError(`the check-in HMAC must give at least ${MAC_BYTES_NEEDED} bytes`);
  let text = '';
  let buffer = 0;
  let bufferedBits = 0;
  let nextByte = 0;
  while (text.length < MAC_CHARS) {
    if (bufferedBits < BITS_PER_CHAR) {
      buffer = ((buffer << 8) | (mac[nextByte++] as number)) & 0xfff;
      bufferedBits += 8;
    }
    bufferedBits -= BITS_PER_CHAR;
    text += BASE32.charAt((buffer >> bufferedBits) & (BASE32.length - 1));
  }
  return text;
}

/** Compares every character whatever the first difference, so response times do not reveal how much of a guess was right. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

function isIntegerBelow(value: number, limit: number): boolean {
  return Number.isInteger(value) && value >= 0 && value < limit;
}

/** Throws on fields no code can carry, so a bad caller fails where the code is made. */
export function signCode(fields: CodeFields, hmac: Hmac): string {
  if (!idSchema.safeParse(fields.subject).success) throw new RangeError(`"${fields.subject}" is not an id`);
  if (!isIntegerBelow(fields.slot, SLOT_LIMIT)) throw new RangeError(`slot ${fields.slot} does not fit a check-in code`);
  if (!isIntegerBelow(fields.nonce, CHECKIN_NONCE_COUNT))
    throw new RangeError(`nonce ${fields.nonce} is outside [0, ${CHECKIN_NONCE_COUNT})`);
  return fields.subject + encodeInteger(fields.slot, SLOT_CHARS) + encodeInteger(fields.nonce, NONCE_CHARS) + macText(fields, hmac);
}

function parseCode(code: string): (Omit<CodeFields, 'purpose'> & { mac: string }) | null {
  const subject = code.slice(0, -TAIL_CHARS);
  if (code.length <= TAIL_CHARS || !idSchema.safeParse(subject).success) return null;
  const tail = code.slice(-TAIL_CHARS);
  const slot = decodeInteger(tail.slice(0, SLOT_CHARS));
  const nonce = decodeInteger(tail.slice(SLOT_CHARS, SLOT_CHARS + NONCE_CHARS));
  const mac = tail.slice(SLOT_CHARS + NONCE_CHARS);
  if (Number.isNaN(slot) || Number.isNaN(nonce) || Number.isNaN(decodeInteger(mac))) return null;
  return { subject, slot, nonce, mac };
}

export interface VerifyOptions {
  /** The instant the scan is judged at: the server's (`ctx.now`), never the phone's. */
  now: Date;
  hmac: Hmac;
  slotMs?: number;
  /**
   * A scan queued offline: accept a code whose slot began at most this long before `now` instead
   * of only the current and the previous slot. The code itself proves when it was on screen.
   */
  queuedUpToMs?: number;
}

/** Accepts a code of the current or the previous slot of `now` (or of its queue window, for an offline scan). */
export function verifyCode(code: string, options: VerifyOptions): VerifyResult {
  const parsed = parseCode(code);
  if (parsed === null) return { kind: 'malformed' };
  const { mac, ...unsigned } = parsed;
  // Every purpose is tried, so the time taken does not tell which one a guess came closest to.
  const [purpose] = CODE_PURPOSES.filter((purpose) => sameText(mac, macText({ ...unsigned, purpose }, options.hmac)));
  if (purpose === undefined) return { kind: 'forged' };
  const fields: CodeFields = { ...unsigned, purpose };
  const slotMs = options.slotMs ?? CHECKIN_SLOT_MS;
  const currentSlot = slotAt(options.now.getTime(), slotMs);
  // The server never signs a slot ahead of its own clock, so such a code is no code it issued.
  if (fields.slot > currentSlot) return { kind: 'forged' };
  const oldestSlot =
    options.queuedUpToMs === undefined ? currentSlot - 1 : Math.ceil((options.now.getTime() - options.queuedUpToMs) / slotMs);
  if (fields.slot < oldestSlot) return { kind: 'expired' };
  return { kind: 'ok', ...fields };
}
