import { Text, View } from '@tarojs/components';

interface EmptyProps {
  title: string;
  description?: string;
}

export function Empty({ title, description }: EmptyProps) {
  return (
    <View className='ht-empty'>
      <Text className='ht-empty__title'>{title}</Text>
      {description ? <Text className='ht-empty__description'>{description}</Text> : null}
    </View>
  );
}
