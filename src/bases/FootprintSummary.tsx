import { Text, View } from '@tarojs/components';

export interface Summary {
  checkins: number;
  bases: number;
  studyHours: number;
}

/** Totals of the member's check-ins: on 我的足迹 and on the 打卡 tab. */
export function FootprintSummary({ summary }: { summary: Summary }) {
  const items = [
    { label: '签到次数', value: summary.checkins },
    { label: '到访基地', value: summary.bases },
    { label: '学时', value: summary.studyHours },
  ];
  return (
    <View className='ht-card bases-summary'>
      {items.map((item) => (
        <View key={item.label} className='bases-summary__item'>
          <Text className='bases-summary__value'>{item.value}</Text>
          <Text className='bases-summary__label'>{item.label}</Text>
        </View>
      ))}
    </View>
  );
}
