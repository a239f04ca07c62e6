import { useDidHide, useDidShow } from '@tarojs/taro';
import { useRef } from 'react';

/**
 * Tab pages stay mounted, and a page under another one keeps its state, so data changed elsewhere
 * (privacy accepted on 首页, a nomination made on the page above) would go stale. Reload whenever
 * the page comes back into view after it was hidden. "After a hide" rather than "after the first
 * show": a part that mounts late (once its page's data has loaded) never sees the page's first show,
 * so skipping its first show would skip the first return instead.
 */
export function useReloadOnShow(reload: () => void): void {
  const hidden = useRef(false);
  useDidHide(() => {
    hidden.current = true;
  });
  useDidShow(() => {
    if (hidden.current) reload();
    hidden.current = false;
  });
}
