import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BASE_LIST_URL, FOOTPRINT_URL, MY_CODE_URL } from './routes';
import { scanToCheckin } from './scan';

const open = (url: string) => void Taro.navigateTo({ url });

/** The four check-in entries a member looks for first, as a row of big tap targets on 首页. */
export function CheckinShortcuts() {
  const shortcuts = [
    { label: '扫一扫', mark: '◎', onClick: () => void scanToCheckin() },
    { label: '我的签到码', mark: '▦', onClick: () => open(MY_CODE_URL) },
    { label: '我的足迹', mark: '◉', onClick: () => open(FOOTPRINT_URL) },
    { label: '红色教育基地', mark: '★', onClick: () => open(BASE_LIST_URL) },
  ];
  return (
    <View className='ht-card checkin-shortcuts'>
      {shortcuts.map((shortcut) => (
        <View key={shortcut.label} className='checkin-shortcuts__item' hoverClass='ht-cell--pressed' onClick={shortcut.onClick}>
          <Text className='checkin-shortcuts__mark'>{shortcut.mark}</Text>
          <Text className='checkin-shortcuts__label'>{shortcut.label}</Text>
        </View>
      ))}
    </View>
  );
}
