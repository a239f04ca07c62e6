import { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';

/**
 * Tab pages stay mounted, so data changed elsewhere (e.g. privacy accepted on 首页) would go stale.
 * Reload whenever the page comes back into view, skipping the first show, which the mount already loads.
 */
export function useReloadOnShow(reload: () => void): void {
  const shownBefore = useRef(false);
  useDidShow(() => {
    if (shownBefore.current) reload();
    shownBefore.current = true;
  });
}
