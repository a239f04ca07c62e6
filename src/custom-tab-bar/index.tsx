import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useLargeFont } from '../services/largeFont';
import { selectTab, useSelectedTab } from './selection';
import { TAB_COLOURS, TABS } from './tabs';
import './index.css';

/**
 * Weapp's tab bar, drawn by the app (app.config.ts sets tabBar.custom on weapp only) because WeChat's
 * own bar keeps its size whatever the page does: this one grows with 适老化 like the pages.
 */
export default function CustomTabBar() {
  const largeFont = useLargeFont();
  const selected = useSelectedTab();
  return (
    <View className={`ht-tabbar${largeFont ? ' ht-tabbar--large' : ''}`} style={{ backgroundColor: TAB_COLOURS.backgroundColor }}>
      {TABS.map((item) => {
        const current = item.pagePath === selected;
        return (
          <View
            key={item.pagePath}
            className={`ht-tabbar__item${current ? ' ht-tabbar__item--current' : ''}`}
            onClick={() => {
              selectTab(item.pagePath);
              void Taro.switchTab({ url: `/${item.pagePath}` });
            }}
          >
            <Image className='ht-tabbar__icon' src={`/${current ? item.selectedIconPath : item.iconPath}`} />
            <Text className='ht-tabbar__label' style={{ color: current ? TAB_COLOURS.selectedColor : TAB_COLOURS.color }}>
              {item.text}
            </Text>
          </View>
        );
      })}
    </View>
  );
}
