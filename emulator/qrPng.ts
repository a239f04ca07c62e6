/**
 * A QR code as a greyscale PNG, for the local 小程序码 stand-in. The `qrcode` package builds the
 * matrix; the PNG is written here with node's zlib because its own pngjs encoder takes seconds per
 * image inside jest's sandbox.
 */
import { deflateSync } from 'node:zlib';
import QRCode from 'qrcode';

/** Quiet zone in modules, as scanners expect. */
const MARGIN_MODULES = 2;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** About `width` pixels square (whole pixels per module), black on white. */
export function qrCodePng(text: string, width: number): Buffer {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const span = modules.size + 2 * MARGIN_MODULES;
  const scale = Math.max(1, Math.floor(width / span));
  const side = span * scale;
  const rowBytes = side + 1;
  const pixels = Buffer.alloc(rowBytes * side, 0xff);
  for (let y = 0; y < side; y++) {
    pixels[y * rowBytes] = 0; // filter type: none
    const row = Math.floor(y / scale) - MARGIN_MODULES;
    if (row < 0 || row >= modules.size) continue;
    for (let x = 0; x < side; x++) {
      const column = Math.floor(x / scale) - MARGIN_MODULES;
      if (column >= 0 && column < modules.size && modules.get(row, column)) pixels[y * rowBytes + 1 + x] = 0;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(0, 9); // colour type: greyscale
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(pixels)), chunk('IEND', Buffer.alloc(0))]);
}
