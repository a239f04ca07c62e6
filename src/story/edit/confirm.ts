import Taro from '@tarojs/taro';

/** Removing a stored photo or video cannot be undone from the editor: ask first. */
export async function confirmRemoval(what: string): Promise<boolean> {
  const { confirm } = await Taro.showModal({
    title: `移除${what}`,
    content: `移除后需要重新选择才能加回${what}。`,
    confirmText: '移除',
    cancelText: '保留',
    confirmColor: '#C8161D',
  });
  return confirm;
}
