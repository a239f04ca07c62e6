import { View } from '@tarojs/components';

interface SkeletonProps {
  rows?: number;
}

/** Grey placeholder bars with the rough shape of a cell list while a section loads. */
export function Skeleton({ rows = 3 }: SkeletonProps) {
  return (
    <View className='ht-skeleton' aria-busy='true' aria-label='加载中'>
      {Array.from({ length: rows }, (_, index) => (
        <View key={index} className='ht-skeleton__row'>
          <View className='ht-skeleton__bar ht-skeleton__bar--title' />
          <View className='ht-skeleton__bar ht-skeleton__bar--line' />
        </View>
      ))}
    </View>
  );
}
