import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

interface CellProps {
  title: ReactNode;
  description?: ReactNode;
  value?: ReactNode;
  onClick?: () => void;
  /** Shows the › chevron; defaults to true when the cell is tappable. */
  arrow?: boolean;
}

/** A weui list cell: title and optional lines on the left, value and chevron on the right. */
export function Cell({ title, description, value, onClick, arrow = Boolean(onClick) }: CellProps) {
  return (
    <View className={`ht-cell${onClick ? ' ht-cell--tappable' : ''}`} hoverClass={onClick ? 'ht-cell--pressed' : 'none'} onClick={onClick}>
      <View className='ht-cell__main'>
        <View className='ht-cell__title'>{title}</View>
        {description ? <View className='ht-cell__description'>{description}</View> : null}
      </View>
      {value !== undefined ? <View className='ht-cell__value'>{value}</View> : null}
      {arrow ? <Text className='ht-cell__arrow'>›</Text> : null}
    </View>
  );
}
