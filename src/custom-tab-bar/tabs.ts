/**
 * The five tabs, read by app.config.ts (which Taro evaluates in Node, so nothing here may import Taro)
 * and by the weapp custom tab bar that draws them.
 */
export interface Tab {
  pagePath: string;
  text: string;
  iconPath: string;
  selectedIconPath: string;
}

const tab = (name: string, pageName: string, text: string): Tab => ({
  pagePath: `pages/${pageName}/index`,
  text,
  iconPath: `assets/tabbar/${name}.png`,
  selectedIconPath: `assets/tabbar/${name}-active.png`,
});

export const TABS: Tab[] = [
  tab('home', 'home', '首页'),
  tab('activities', 'activities', '活动'),
  tab('quiz', 'quiz', '答题'),
  tab('visits', 'visits', '打卡'),
  tab('me', 'me', '我的'),
];

export const TAB_COLOURS = { color: '#5F5F5F', selectedColor: '#C8161D', backgroundColor: '#FFFFFF' } as const;
