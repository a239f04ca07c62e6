import { useEffect, useRef, useState } from 'react';
import { drawCardImage } from './canvasImage';
import { canvasMeasurer, paint, type DrawOp, type MeasureText } from './shareCard';

/**
 * The 5:4 share card drawn off screen for `key` (whatever identifies what it shows), redrawn when the
 * key changes; null while drawing or where drawing failed (WeChat then shares a screenshot instead).
 */
export function useDrawnCard(key: string | null, layout: (measure: MeasureText) => DrawOp[]): string | null {
  const [image, setImage] = useState<{ key: string; path: string } | null>(null);
  // The layout closes over the data the key names; only a new key asks for a new drawing.
  const layoutRef = useRef(layout);
  layoutRef.current = layout;
  useEffect(() => {
    if (key === null) return undefined;
    let current = true;
    drawCardImage((context) => paint(context, layoutRef.current(canvasMeasurer(context)))).then(
      (path) => {
        if (current) setImage({ key, path });
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [key]);
  return key !== null && image?.key === key ? image.path : null;
}
