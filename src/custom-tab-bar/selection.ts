import Taro, { useDidShow } from '@tarojs/taro';
import { useSyncExternalStore } from 'react';

/*
 * WeChat gives every tab page its own custom tab bar instance and leaves marking the current tab to the
 * page. The pages report which of them is showing here; every instance reads the same value, so the
 * one on screen is always right.
 */
type Listener = () => void;
const listeners = new Set<Listener>();
let selectedPath = '';

export function selectTab(pagePath: string): void {
  const normalised = pagePath.replace(/^\//, '');
  if (normalised === selectedPath) return;
  selectedPath = normalised;
  listeners.forEach((listener) => listener());
}

function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

const readSelected = () => selectedPath;

export function useSelectedTab(): string {
  return useSyncExternalStore(subscribe, readSelected, readSelected);
}

/** Called by each tab page: marks it on the weapp custom tab bar whenever it comes into view. H5 keeps Taro's own bar. */
export function useTabBarSelection(): void {
  useDidShow(() => {
    if (process.env.TARO_ENV !== 'weapp') return;
    const path = Taro.getCurrentInstance().router?.path;
    if (path) selectTab(path.split('?')[0] ?? path);
  });
}
