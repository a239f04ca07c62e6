/**
 * Deterministic randomness for quiz draws and option shuffles. The server derives the seed
 * (attempt id + a server-only secret), so any later call — a retried `submit`, a `result`
 * view, an audit — re-derives exactly the same questions and option orders without storing
 * more than the seed, and a phone that knows the attempt id still cannot predict them.
 * Not cryptographic: it only has to be unpredictable without the secret and well spread.
 */

/** A source of uniform floats in [0, 1). */
export type Rng = () => number;

/** cyrb128: spreads any string over 128 bits so similar seeds ("a-1", "a-2") start far apart. */
function cyrb128(seed: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < seed.length; i++) {
    const k = seed.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** sfc32 passes PractRand and needs only 32-bit integer arithmetic, which JS does exactly. */
function sfc32(a: number, b: number, c: number, d: number): Rng {
  return () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** sfc32's first outputs still echo the seed words; discarding a few is the usual remedy. */
const WARM_UP_ROUNDS = 12;

export function seededRng(seed: string): Rng {
  const rng = sfc32(...cyrb128(seed));
  for (let i = 0; i < WARM_UP_ROUNDS; i++) rng();
  return rng;
}

/** Fisher–Yates into a copy: callers often shuffle data they also keep in its stored order. */
export function shuffle<T>(items: readonly T[], rng: Rng): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const held = out[i] as T;
    out[i] = out[j] as T;
    out[j] = held;
  }
  return out;
}
