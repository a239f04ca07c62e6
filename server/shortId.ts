import { randomInt } from 'node:crypto';
import { INVITE_CODE_ALPHABET } from '../types/labels';

/**
 * A random code of `length` characters from the alphabet that survives being read aloud or typed
 * (no 0/O, 1/I/L): invite codes, and the ids of documents whose id goes into a 小程序码 scene
 * (activities, bases), where 32 characters must hold a key and the id.
 */
export function newShortId(length: number): string {
  return Array.from({ length }, () => INVITE_CODE_ALPHABET[randomInt(INVITE_CODE_ALPHABET.length)]).join('');
}
