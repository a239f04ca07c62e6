import Taro from '@tarojs/taro';

/** Blocks the back gesture while an attempt runs (weapp only): the clock keeps running on the server. */
export function guardLeaving(enabled: boolean): void {
  if (process.env.TARO_ENV !== 'weapp') return;
  try {
    const pending: unknown = enabled
      ? Taro.enableAlertBeforeUnload({ message: '答题尚未交卷，离开后计时仍在继续，确定离开吗？' })
      : Taro.disableAlertBeforeUnload();
    if (pending && typeof (pending as Promise<unknown>).catch === 'function') (pending as Promise<unknown>).catch(() => undefined);
  } catch {
    // Older base libraries lack the API; leaving is still safe because answers are saved.
  }
}
