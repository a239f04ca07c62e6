import Taro, { useShareAppMessage } from '@tarojs/taro';
import { useRef } from 'react';
import { toast } from './toast';

/** H5: the page a share card opens, as a link that can be pasted into any chat (hash routing). */
export function h5Link(path: string): string {
  const { origin, pathname } = window.location;
  return `${origin}${pathname}#/${path.replace(/^\//, '')}`;
}

export function copyText(text: string, done: string): void {
  void Taro.setClipboardData({ data: text }).then(
    () => toast(done),
    () => toast('复制失败，请长按文字手动复制'),
  );
}

export interface ShareMessage {
  title: string;
  path: string;
  /** The drawn card; without one WeChat shows a screenshot of the page. */
  imageUrl: string | null;
}

/**
 * What 转发 sends from this page. The share hook may keep the first callback it was given, so the
 * newest message is read through a ref.
 */
export function useShareMessage(message: ShareMessage): void {
  const latest = useRef(message);
  latest.current = message;
  useShareAppMessage(() => {
    const { title, path, imageUrl } = latest.current;
    return { title, path, ...(imageUrl ? { imageUrl } : {}) };
  });
}
