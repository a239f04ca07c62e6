import Taro from '@tarojs/taro';

export const TAB_URLS = {
  home: '/pages/home/index',
  activities: '/pages/activities/index',
  quiz: '/pages/quiz/index',
  visits: '/pages/visits/index',
  me: '/pages/me/index',
} as const;

export type TabKey = keyof typeof TAB_URLS;

export function goToTab(tab: TabKey): void {
  void Taro.switchTab({ url: TAB_URLS[tab] });
}
