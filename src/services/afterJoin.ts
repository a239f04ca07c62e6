import Taro from '@tarojs/taro';

/**
 * Where someone who opened a shared activity before belonging to a branch goes back to once they
 * have joined: the detail page remembers it, the join page offers it, the detail page forgets it
 * when they arrive as a member. Storage, because joining may start from another link or a scan.
 */
export interface AfterJoin {
  /** An absolute page path with its query, e.g. `/activity/detail/index?id=…`. */
  url: string;
  title: string;
}

const AFTER_JOIN_KEY = 'hongtu.afterJoin';

export function rememberAfterJoin(target: AfterJoin): void {
  Taro.setStorageSync(AFTER_JOIN_KEY, target);
}

export function readAfterJoin(): AfterJoin | null {
  const stored: unknown = Taro.getStorageSync(AFTER_JOIN_KEY);
  if (typeof stored !== 'object' || stored === null) return null;
  const { url, title } = stored as Partial<AfterJoin>;
  return typeof url === 'string' && typeof title === 'string' ? { url, title } : null;
}

export function forgetAfterJoin(): void {
  Taro.removeStorageSync(AFTER_JOIN_KEY);
}
