import Taro from '@tarojs/taro';
import { useEffect, useRef } from 'react';

export interface AppLeaveOptions {
  /** Listen only while an attempt is open; a submitted or expired attempt has nothing to guard. */
  enabled: boolean;
  /** Called once each time the member leaves the page or the app (切屏). */
  onLeave: () => void;
}

interface LeaveSignals {
  leave: () => void;
  back: () => void;
}

/** Weapp: the app going to the background (home button, another app, a call). */
function listenWeapp({ leave, back }: LeaveSignals): () => void {
  Taro.onAppHide(leave);
  Taro.onAppShow(back);
  return () => {
    Taro.offAppHide(leave);
    Taro.offAppShow(back);
  };
}

/** H5: the tab hidden (another tab, another app, the screen locked). */
function listenH5({ leave, back }: LeaveSignals): () => void {
  const onChange = () => (document.visibilityState === 'hidden' ? leave() : back());
  document.addEventListener('visibilitychange', onChange);
  return () => document.removeEventListener('visibilitychange', onChange);
}

/**
 * Reports each time the member leaves while an attempt is open. One switch can raise several hide
 * signals (a page hide and an app hide, or repeated visibility events), so a leave counts only when
 * the member was back since the last one: one switch is one report.
 */
export function useAppLeave({ enabled, onLeave }: AppLeaveOptions): void {
  const onLeaveRef = useRef(onLeave);
  onLeaveRef.current = onLeave;

  useEffect(() => {
    if (!enabled) return undefined;
    let away = false;
    const signals: LeaveSignals = {
      leave: () => {
        if (away) return;
        away = true;
        onLeaveRef.current();
      },
      back: () => {
        away = false;
      },
    };
    return process.env.TARO_ENV === 'weapp' ? listenWeapp(signals) : listenH5(signals);
  }, [enabled]);
}
