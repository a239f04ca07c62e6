import { Text } from '@tarojs/components';

interface TagProps {
  text: string;
  tone?: 'red' | 'grey';
}

export function Tag({ text, tone = 'red' }: TagProps) {
  return <Text className={`ht-tag ht-tag--${tone}`}>{text}</Text>;
}
