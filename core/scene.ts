/**
 * The `scene` of a 小程序码 (`wxacode.getUnlimited`): at most 32 visible characters from a small
 * alphabet (no `%`, so nothing can be URL-encoded into it), handed to the opened page URL-encoded
 * as `query.scene`. Functions write it and pages read it in this one `key=value&key=value` form;
 * invite codes and base codes both fit with room to spare.
 */
export const MAX_SCENE_LENGTH = 32;
const SCENE_ALPHABET = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]+$/;

export function isValidScene(scene: string): boolean {
  return scene.length <= MAX_SCENE_LENGTH && SCENE_ALPHABET.test(scene);
}

/** Throws on a scene the platform would refuse, so a bad key or value fails where it is written. */
export function encodeScene(fields: Record<string, string>): string {
  const scene = Object.entries(fields)
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
  if (!isValidScene(scene)) throw new RangeError(`"${scene}" is not a valid wxacode scene`);
  return scene;
}

/** Reads `query.scene` as a page receives it; a malformed escape is read as it came. */
export function parseScene(raw: string): Record<string, string> {
  let scene = raw;
  try {
    scene = decodeURIComponent(raw);
  } catch {
    // Keep the raw text: a code printed before an encoding change should still be readable.
  }
  const fields: Record<string, string> = {};
  for (const pair of scene.split('&')) {
    const separator = pair.indexOf('=');
    if (separator > 0) fields[pair.slice(0, separator)] = pair.slice(separator + 1);
  }
  return fields;
}

/** The scene key that carries an invite code. */
export const INVITE_SCENE_KEY = 'c';

/** The scene key that carries an activity id (12 characters: `a=<id>` is 14 of the 32). */
export const ACTIVITY_SCENE_KEY = 'a';
