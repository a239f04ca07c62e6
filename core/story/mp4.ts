/**
 * An MP4's duration read from the file's own header, never from the phone's word: the ISO base media
 * file format (ISO/IEC 14496-12) is a sequence of boxes, each `size (32 bits) | type (4 chars)`, with
 * `size == 1` meaning a 64-bit size follows and `size == 0` meaning "to the end of the file". The
 * first box is `ftyp` (the brands the file claims), and the movie header `moov/mvhd` holds the
 * timescale (units per second) and the duration in those units.
 *
 * Only box headers and the `mvhd` payload are read, through `read(start, length)`, so a 300 MB video
 * costs a few small ranged reads wherever its `moov` sits (before `mdat` when "fast start", after it
 * as phones record). Pure: the caller supplies the reads (server/mediaProbe.ts over HTTP ranges).
 */

/** Returns up to `length` bytes from `start`; fewer only at the end of the file. */
export type ReadRange = (start: number, length: number) => Promise<Uint8Array>;

/**
 * Brands of the MP4 family (ISO base media, MPEG-4 part 14, AVC/HEVC/AV1 in MP4, Apple's M4V, Sony's
 * XAVC, DASH). QuickTime's `qt  ` is not among them: the programme asks for MP4, and a `.mov` from a
 * phone's camera roll is refused with the hint to upload an MP4.
 */
export const MP4_BRANDS: ReadonlySet<string> = new Set([
  'isom',
  'iso2',
  'iso3',
  'iso4',
  'iso5',
  'iso6',
  'iso7',
  'iso8',
  'iso9',
  'mp41',
  'mp42',
  'mp71',
  'avc1',
  'av01',
  'M4V ',
  'M4VH',
  'M4VP',
  'MSNV',
  'XAVC',
  'dash',
  'f4v ',
  'mmp4',
]);
const QUICKTIME_BRAND = 'qt  ';

/** Top-level boxes and `moov` children looked at before giving up: real files have a handful. */
const MAX_BOXES = 64;
const BOX_HEADER_BYTES = 16;
/** `ftyp` lists a few brands; a longer one is read only this far. */
const MAX_FTYP_BYTES = 256;
/** Version, flags and the version-1 times, timescale and duration. */
const MVHD_PAYLOAD_BYTES = 32;

export type Mp4Reading =
  | { ok: true; brand: string; seconds: number }
  /** `notMp4`: no `ftyp` first, or not an MP4 brand; `unreadable`: an MP4 whose movie header is missing, cut off or says nothing. */
  | { ok: false; problem: 'notMp4' | 'unreadable' };

interface BoxHeader {
  type: string;
  start: number;
  /** 8, or 16 with a 64-bit size. */
  headerBytes: number;
  /** The whole box, header included. */
  size: number;
}

function fourCC(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(bytes[at] ?? 0, bytes[at + 1] ?? 0, bytes[at + 2] ?? 0, bytes[at + 3] ?? 0);
}

function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The box header at `start`, or null when none fits before `end` or its size is impossible. */
async function readBoxHeader(read: ReadRange, start: number, end: number): Promise<BoxHeader | null> {
  if (end - start < 8) return null;
  const bytes = await read(start, Math.min(BOX_HEADER_BYTES, end - start));
  if (bytes.length < 8) return null;
  const view = viewOf(bytes);
  const type = fourCC(bytes, 4);
  const declared = view.getUint32(0);
  if (declared === 0) return { type, start, headerBytes: 8, size: end - start };
  if (declared !== 1) return declared < 8 ? null : { type, start, headerBytes: 8, size: declared };
  if (bytes.length < 16) return null;
  const large = view.getBigUint64(8);
  if (large < 16n || large > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return { type, start, headerBytes: 16, size: Number(large) };
}

/** The first box of `type` among the boxes in [start, end), or null. */
async function findBox(read: ReadRange, type: string, start: number, end: number): Promise<BoxHeader | null> {
  let offset = start;
  for (let seen = 0; seen < MAX_BOXES; seen += 1) {
    const box = await readBoxHeader(read, offset, end);
    if (box === null) return null;
    if (box.type === type) return box.start + box.size <= end ? box : null;
    offset = box.start + box.size;
  }
  return null;
}

/** The major brand when the file is an MP4 by its `ftyp`, else null. */
async function mp4Brand(read: ReadRange, fileSize: number): Promise<string | null> {
  const ftyp = await readBoxHeader(read, 0, fileSize);
  if (ftyp === null || ftyp.type !== 'ftyp' || ftyp.size < ftyp.headerBytes + 8 || ftyp.size > fileSize) return null;
  const payload = await read(ftyp.headerBytes, Math.min(ftyp.size - ftyp.headerBytes, MAX_FTYP_BYTES));
  const major = fourCC(payload, 0);
  if (major === QUICKTIME_BRAND) return null;
  // After the major brand comes a 4-byte minor version, then the compatible brands.
  const compatible: string[] = [];
  for (let at = 8; at + 4 <= payload.length; at += 4) compatible.push(fourCC(payload, at));
  return MP4_BRANDS.has(major) || compatible.some((brand) => MP4_BRANDS.has(brand)) ? major : null;
}

/** Seconds from `mvhd` (version 0: 32-bit times and duration; version 1: 64-bit), or null when it says nothing usable. */
async function movieSeconds(read: ReadRange, mvhd: BoxHeader): Promise<number | null> {
  const payloadBytes = mvhd.size - mvhd.headerBytes;
  const payload = await read(mvhd.start + mvhd.headerBytes, Math.min(payloadBytes, MVHD_PAYLOAD_BYTES));
  const view = viewOf(payload);
  const version = payload[0];
  let timescale: number;
  let duration: number;
  if (version === 0 && payload.length >= 20) {
    timescale = view.getUint32(12);
    const raw = view.getUint32(16);
    if (raw === 0xffffffff) return null;
    duration = raw;
  } else if (version === 1 && payload.length >= 32) {
    timescale = view.getUint32(20);
    const raw = view.getBigUint64(24);
    if (raw === 0xffffffffffffffffn || raw > BigInt(Number.MAX_SAFE_INTEGER)) return null;
    duration = Number(raw);
  } else {
    return null;
  }
  // A zero duration is what a fragmented MP4 declares here; its length is unknown to this reader.
  if (timescale === 0 || duration === 0) return null;
  return duration / timescale;
}

/** The brand and exact duration in seconds of an MP4 of `fileSize` bytes. */
export async function readMp4(read: ReadRange, fileSize: number): Promise<Mp4Reading> {
  const brand = await mp4Brand(read, fileSize);
  if (brand === null) return { ok: false, problem: 'notMp4' };
  const moov = await findBox(read, 'moov', 0, fileSize);
  if (moov === null) return { ok: false, problem: 'unreadable' };
  const mvhd = await findBox(read, 'mvhd', moov.start + moov.headerBytes, moov.start + moov.size);
  const seconds = mvhd === null ? null : await movieSeconds(read, mvhd);
  return seconds === null ? { ok: false, problem: 'unreadable' } : { ok: true, brand, seconds };
}
