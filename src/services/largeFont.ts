import Taro from '@tarojs/taro';
import { useSyncExternalStore } from 'react';

const STORAGE_KEY = 'hongtu.largeFont';

type Listener = () => void;
const listeners = new Set<Listener>();

function readStored(): boolean {
  try {
    return Taro.getStorageSync(STORAGE_KEY) === true;
  } catch {
    return false;
  }
}

/**
 * H5 draws its tab bar outside every page, where .ht-page--large cannot reach; this class on <html>
 * lets app.css scale it too. Weapp has no document.
 */
const DOCUMENT_CLASS = 'ht-large-font';

function markDocument(enabled: boolean): void {
  if (process.env.TARO_ENV === 'h5') document.documentElement.classList.toggle(DOCUMENT_CLASS, enabled);
}

let largeFont = readStored();
markDocument(largeFont);

function isLargeFont(): boolean {
  return largeFont;
}

/** Persists the 适老化 choice and re-renders every mounted page (tab pages stay mounted). */
export function setLargeFont(enabled: boolean): void {
  largeFont = enabled;
  markDocument(enabled);
  try {
    Taro.setStorageSync(STORAGE_KEY, enabled);
  } catch {
    // Storage full or unavailable: the switch still applies until the app closes.
  }
  listeners.forEach((listener) => listener());
}

function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function useLargeFont(): boolean {
  return useSyncExternalStore(subscribe, isLargeFont, isLargeFont);
}
