import { Text, View } from '@tarojs/components';
import type { ActivitySummary } from '../../types/contracts/activity';
import { ACTIVITY_KIND_LABELS } from '../../types/labels';
import { formatDateTime, formatQuota } from '../utils/format';
import { Tag } from './Tag';

interface ActivityCellProps {
  activity: ActivitySummary;
  onClick?: () => void;
}

export function ActivityCell({ activity, onClick }: ActivityCellProps) {
  const isFull = activity.capacity !== null && activity.signedUpCount >= activity.capacity;
  return (
    <View
      className={`ht-activity${onClick ? ' ht-cell--tappable' : ''}`}
      hoverClass={onClick ? 'ht-cell--pressed' : 'none'}
      onClick={onClick}
    >
      <View className='ht-activity__head'>
        <Text className='ht-activity__title'>{activity.title}</Text>
        <Tag text={ACTIVITY_KIND_LABELS[activity.kind]} />
      </View>
      <Text className='ht-activity__meta'>时间：{formatDateTime(activity.startAt)}</Text>
      <Text className='ht-activity__meta'>地点：{activity.place}</Text>
      <View className='ht-activity__foot'>
        <Text className='ht-activity__meta'>{formatQuota(activity.signedUpCount, activity.capacity)}</Text>
        {isFull ? <Tag text='已满' tone='grey' /> : null}
      </View>
    </View>
  );
}
