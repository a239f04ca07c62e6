import { Image, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { QUIET_ZONE, qrModules, qrSvgPath, type QrModules } from './qrMatrix';

interface QrCodeProps {
  /** What the code holds; a new text redraws it (the rotating code changes every 10 s). */
  text: string;
  /** Side in px, quiet zone included. */
  size: number;
  /** What the picture is, for screen readers ("签到码"). */
  label?: string;
}

/** Device pixels per CSS pixel we draw at on weapp, so the modules stay sharp on dense screens. */
const WEAPP_PIXEL_RATIO = 3;

interface OffscreenQrCanvas {
  getContext(type: '2d'): { fillStyle: string; fillRect(x: number, y: number, width: number, height: number): void };
}

function svgDataUrl(modules: QrModules): string {
  const side = modules.length + QUIET_ZONE * 2;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges">` +
    `<rect width="${side}" height="${side}" fill="#fff"/><path fill="#000" d="${qrSvgPath(modules)}"/></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/** Weapp: an offscreen 2d canvas (base library ≥ 2.16.1) saved as a temp image; whole pixels per module keep edges crisp. */
async function canvasImage(modules: QrModules, size: number): Promise<string> {
  const side = modules.length + QUIET_ZONE * 2;
  const modulePx = Math.max(1, Math.ceil((size * WEAPP_PIXEL_RATIO) / side));
  const width = side * modulePx;
  const canvas = Taro.createOffscreenCanvas({ type: '2d', width, height: width }) as unknown as OffscreenQrCanvas;
  const context = canvas.getContext('2d');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, width);
  context.fillStyle = '#000';
  modules.forEach((row, rowIndex) =>
    row.forEach((dark, column) => {
      if (dark) context.fillRect((column + QUIET_ZONE) * modulePx, (rowIndex + QUIET_ZONE) * modulePx, modulePx, modulePx);
    }),
  );
  // Taro types `canvas` as the on-page component; an offscreen 2d canvas is accepted the same way.
  const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas: canvas as unknown as Taro.Canvas, fileType: 'png' });
  return tempFilePath;
}

function qrImage(text: string, size: number): Promise<string> {
  const modules = qrModules(text);
  return process.env.TARO_ENV === 'h5' ? Promise.resolve(svgDataUrl(modules)) : canvasImage(modules, size);
}

/**
 * A QR code of `text`, drawn on the phone (no request). The text itself is the wrapper's accessible
 * name, so a test — or a screen reader user who has to type it — can read what the code holds.
 */
export function QrCode({ text, size, label = '二维码' }: QrCodeProps) {
  // The previous code stays up while the next one draws, so the rotating code never blinks white.
  const [drawn, setDrawn] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    qrImage(text, size).then(
      (src) => {
        if (current) setDrawn(src);
      },
      // A failed drawing leaves the white square; the next text tries again.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [text, size]);
  const sizeStyle = { width: `${size}px`, height: `${size}px` };
  return (
    <View className='ht-qr' style={sizeStyle} aria-label={text}>
      {drawn ? <Image className='ht-qr__image' style={sizeStyle} src={drawn} ariaLabel={label} /> : null}
    </View>
  );
}
