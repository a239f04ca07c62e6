import Taro from '@tarojs/taro';
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
