import { Text, View } from '@tarojs/components';

/** `已切出 1 次，超过 3 次将自动交卷` under the clock; nothing when the contest only counts switches. */
export function SwitchWarning({ switchCount, maxSwitches }: { switchCount: number; maxSwitches: number | null }) {
  if (maxSwitches === null) return null;
  return (
    <View className={`quiz-take__switches${switchCount > 0 ? ' quiz-take__switches--warned' : ''}`} role='status'>
      <Text>
        已切出 {switchCount} 次，超过 {maxSwitches} 次将自动交卷
      </Text>
    </View>
  );
}
