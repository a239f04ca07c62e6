import Taro from '@tarojs/taro';

/** A toast is fire-and-forget: nothing waits for it, and its promise carries nothing worth handling. */
export function toast(title: string, icon: 'none' | 'success' = 'none'): void {
  void Taro.showToast({ title, icon });
}
