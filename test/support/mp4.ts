/**
 * Small, valid MP4 files built byte by byte for the duration and size edges: `ftyp`, a `moov` with a
 * complete `mvhd` (version 0 or 1), and an `mdat` before or after it (phones write the movie header
 * last, "fast start" files first). Real players accept these headers; there are no samples to play,
 * which the server never looks at. A file can be padded to an exact size: the buffer is allocated
 * zeroed and only the headers are written, so a 300 MB file costs the process no more than the pages
 * the headers touch.
 */

export interface Mp4Options {
  /** What `mvhd` says, in seconds (may be fractional). */
  seconds: number;
  timescale?: number;
  mvhdVersion?: 0 | 1;
  /** "Fast start": the movie header before the media data. */
  moovFirst?: boolean;
  /** The `mdat` box with a 64-bit size (`size == 1`). */
  largeMdat?: boolean;
  /** The last box with `size == 0`: it runs to the end of the file. */
  lastBoxToEnd?: boolean;
  majorBrand?: string;
  compatibleBrands?: string[];
  /** The whole file's size; `mdat` is padded to reach it. */
  totalBytes?: number;
}

const DEFAULT_MDAT_PAYLOAD = 64;

function ascii(text: string): Buffer {
  if (text.length !== 4) throw new Error(`four-character code expected, got "${text}"`);
  return Buffer.from(text, 'latin1');
}

function box(type: string, payload: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + payload.length, 0);
  ascii(type).copy(header, 4);
  return Buffer.concat([header, payload]);
}

function ftyp(major: string, compatible: string[]): Buffer {
  const minorVersion = Buffer.alloc(4);
  minorVersion.writeUInt32BE(0x200, 0);
  return box('ftyp', Buffer.concat([ascii(major), minorVersion, ...compatible.map(ascii)]));
}

/** A complete movie header: times, timescale, duration, rate 1.0, full volume, identity matrix, next track 2. */
function mvhd(version: 0 | 1, timescale: number, duration: bigint): Buffer {
  const times = version === 0 ? 4 : 8;
  const payload = Buffer.alloc(4 + times * 2 + 4 + times + 80);
  payload.writeUInt8(version, 0);
  let at = 4 + times * 2;
  payload.writeUInt32BE(timescale, at);
  at += 4;
  if (version === 0) payload.writeUInt32BE(Number(duration), at);
  else payload.writeBigUInt64BE(duration, at);
  at += times;
  payload.writeUInt32BE(0x00010000, at); // rate 1.0
  payload.writeUInt16BE(0x0100, at + 4); // volume 1.0
  const matrix = at + 16;
  [0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000].forEach((value, index) => payload.writeUInt32BE(value, matrix + index * 4));
  payload.writeUInt32BE(2, payload.length - 4);
  return box('mvhd', payload);
}

/** `size == 0` (to the end of the file), a 64-bit size, or the plain 32-bit one. */
function mdatHeader(payloadBytes: number, shape: 'toEnd' | 'large' | 'plain'): Buffer {
  const header = Buffer.alloc(shape === 'large' ? 16 : 8);
  ascii('mdat').copy(header, 4);
  if (shape === 'large') {
    header.writeUInt32BE(1, 0);
    header.writeBigUInt64BE(BigInt(16 + payloadBytes), 8);
  } else {
    header.writeUInt32BE(shape === 'toEnd' ? 0 : 8 + payloadBytes, 0);
  }
  return header;
}

export function mp4(options: Mp4Options): Buffer {
  const timescale = options.timescale ?? 1000;
  const version = options.mvhdVersion ?? 0;
  const head = ftyp(options.majorBrand ?? 'isom', options.compatibleBrands ?? ['isom', 'iso2', 'avc1', 'mp41']);
  const moov = box('moov', mvhd(version, timescale, BigInt(Math.round(options.seconds * timescale))));
  const moovFirst = options.moovFirst ?? false;
  const toEnd = options.lastBoxToEnd ?? false;
  const mdatShape = toEnd && moovFirst ? 'toEnd' : options.largeMdat ? 'large' : 'plain';
  const fixedBytes = head.length + moov.length + (mdatShape === 'large' ? 16 : 8);
  const mdatPayload = options.totalBytes === undefined ? DEFAULT_MDAT_PAYLOAD : options.totalBytes - fixedBytes;
  if (mdatPayload < 0) throw new Error(`an MP4 with these boxes needs at least ${fixedBytes} bytes`);

  const file = Buffer.alloc(fixedBytes + mdatPayload);
  const mdat = mdatHeader(mdatPayload, mdatShape);
  if (toEnd && !moovFirst) moov.writeUInt32BE(0, 0);
  head.copy(file, 0);
  if (moovFirst) {
    moov.copy(file, head.length);
    mdat.copy(file, head.length + moov.length);
  } else {
    mdat.copy(file, head.length);
    moov.copy(file, head.length + mdat.length + mdatPayload);
  }
  return file;
}

/** What a phone's camera roll gives on iOS: a QuickTime movie, same boxes, brand `qt  `. */
export function quickTimeMovie(seconds: number): Buffer {
  return mp4({ seconds, majorBrand: 'qt  ', compatibleBrands: ['qt  '] });
}

/** Minutes and seconds as a video player shows them. */
export function minutes(minutesPart: number, secondsPart: number): number {
  return minutesPart * 60 + secondsPart;
}
