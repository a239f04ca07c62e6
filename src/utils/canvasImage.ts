import Taro from '@tarojs/taro';
import { CARD_HEIGHT, CARD_PIXEL_RATIO, CARD_WIDTH, type Canvas2D } from './shareCard';

interface ScalableCanvas2D extends Canvas2D {
  scale(x: number, y: number): void;
}

interface OffscreenCanvas2D {
  getContext(type: '2d'): ScalableCanvas2D;
}

/**
 * Draws a card off screen and returns an image path for `<Image>` and share `imageUrl`: a temp file
 * on weapp (offscreen canvas 2d, base library ≥ 2.16.1), a data URL in the browser, where Taro
 * has no offscreen canvas.
 */
export async function drawCardImage(draw: (context: Canvas2D) => void): Promise<string> {
  const width = CARD_WIDTH * CARD_PIXEL_RATIO;
  const height = CARD_HEIGHT * CARD_PIXEL_RATIO;
  if (process.env.TARO_ENV === 'h5') {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('canvas 2d unavailable');
    context.scale(CARD_PIXEL_RATIO, CARD_PIXEL_RATIO);
    draw(context);
    return canvas.toDataURL('image/png');
  }
  const canvas = Taro.createOffscreenCanvas({ type: '2d', width, height }) as unknown as OffscreenCanvas2D;
  const context = canvas.getContext('2d');
  context.scale(CARD_PIXEL_RATIO, CARD_PIXEL_RATIO);
  draw(context);
  // Taro types `canvas` as the on-page component; an offscreen 2d canvas is accepted the same way.
  const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas: canvas as unknown as Taro.Canvas, fileType: 'png' });
  return tempFilePath;
}
