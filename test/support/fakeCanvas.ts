/**
 * Weapp's offscreen 2d canvas for page tests: records the text painted on it, and measures text as
 * its characters times the font size (close to CJK glyphs), so layout still wraps.
 */
export function recordingOffscreenCanvas(): { createOffscreenCanvas: jest.Mock; painted: string[] } {
  const painted: string[] = [];
  const createOffscreenCanvas = jest.fn(() => {
    const context = {
      font: '',
      fillStyle: '',
      textBaseline: '',
      scale: jest.fn(),
      fillRect: jest.fn(),
      fillText: (text: string) => painted.push(text),
      measureText: (text: string) => ({ width: [...text].length * Number(/(\d+)px/.exec(context.font)?.[1] ?? 10) }),
    };
    return { getContext: () => context };
  });
  return { createOffscreenCanvas, painted };
}
