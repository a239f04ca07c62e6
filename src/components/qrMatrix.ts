import type { QRCode as QrSymbol, QRCodeOptions, QRCodeSegment } from 'qrcode';

/*
 * Only the encoder core: the package's entry points bring renderers (and on Node, PNG and file
 * writing) that the pages never use.
 */
const { create } = require('qrcode/lib/core/qrcode') as { create: (data: string | QRCodeSegment[], options: QRCodeOptions) => QrSymbol };

/** The characters QR's alphanumeric mode holds (digits, capitals, space and $%*+-./:). */
const ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]*$/;

/** UTF-8 bytes without TextEncoder, which the mini-program's JS engine lacks. */
function utf8Bytes(text: string): Uint8Array {
  const escaped = encodeURIComponent(text);
  const bytes: number[] = [];
  for (let index = 0; index < escaped.length; index += 1) {
    if (escaped[index] === '%') {
      bytes.push(Number.parseInt(escaped.slice(index + 1, index + 3), 16));
      index += 2;
    } else {
      bytes.push(escaped.charCodeAt(index));
    }
  }
  return Uint8Array.from(bytes);
}

/** A QR symbol as rows of modules, `true` for dark; square, `rows.length` modules a side. */
export type QrModules = boolean[][];

/**
 * The modules of `text` at error correction level M (readable with about 15 % of the code lost to
 * glare on a projector). Text that is not purely alphanumeric goes in as one byte segment we encode
 * ourselves, because the library's own string segmenter reaches for TextEncoder.
 */
export function qrModules(text: string): QrModules {
  const data: string | QRCodeSegment[] = ALPHANUMERIC.test(text) ? text : [{ mode: 'byte', data: utf8Bytes(text) }];
  const { modules } = create(data, { errorCorrectionLevel: 'M' });
  return Array.from({ length: modules.size }, (_, row) =>
    Array.from({ length: modules.size }, (__, column) => modules.get(row, column) === 1),
  );
}

/** Light modules a scanner needs around the symbol (the standard asks for four). */
export const QUIET_ZONE = 4;

/** One SVG path of the dark modules, each a unit square, offset by the quiet zone. */
export function qrSvgPath(modules: QrModules): string {
  const squares: string[] = [];
  modules.forEach((row, rowIndex) =>
    row.forEach((dark, column) => {
      if (dark) squares.push(`M${column + QUIET_ZONE} ${rowIndex + QUIET_ZONE}h1v1h-1z`);
    }),
  );
  return squares.join('');
}
