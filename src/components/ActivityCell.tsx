import { Text, View } from '@tarojs/components';
import { seatsLeft } from '../../core/activity/rules';
import type { ActivitySummary } from '../../types/contracts/activity';
import { ACTIVITY_KIND_LABELS, ACTIVITY_STATUS_LABELS, SIGN_UP_STATUS_LABELS } from '../../types/labels';
import { formatSeats, formatTimeRange } from '../utils/format';
import { Tag } from './Tag';

interface ActivityCellProps {
  activity: ActivitySummary;
  onClick?: () => void;
}

/** `线上 · 腾讯会议` for online activities, so 流动党员 see at a glance they can take part from afar. */
export function placeText(place: string, online: boolean): string {
  return online ? `线上 · ${place}` : place;
}

export function ActivityCell({ activity, onClick }: ActivityCellProps) {
  const seats = seatsLeft(activity.capacity, activity.signedUpCount);
  // Only a published activity takes sign-ups, so seats mean nothing on a draft or a closed one.
  const published = activity.status === 'published';
  return (
    <View
      className={`ht-activity${onClick ? ' ht-cell--tappable' : ''}`}
      hoverClass={onClick ? 'ht-cell--pressed' : 'none'}
      onClick={onClick}
      role={onClick ? 'link' : undefined}
      aria-label={activity.title}
    >
      <View className='ht-activity__head'>
        <Text className='ht-activity__title'>{activity.title}</Text>
        <Tag text={ACTIVITY_KIND_LABELS[activity.kind]} />
      </View>
      <Text className='ht-activity__meta'>时间：{formatTimeRange(activity.startAt, activity.endAt)}</Text>
      <Text className='ht-activity__meta'>地点：{placeText(activity.place, activity.online)}</Text>
      <View className='ht-activity__foot'>
        {published ? (
          <Text className={`ht-activity__meta${seats === 0 ? ' ht-activity__meta--full' : ''}`}>
            {formatSeats(seats, activity.waitlist)}
          </Text>
        ) : (
          <Tag text={ACTIVITY_STATUS_LABELS[activity.status]} tone='grey' />
        )}
        {activity.mine ? <Tag text={SIGN_UP_STATUS_LABELS[activity.mine]} tone={activity.mine === 'signed' ? 'red' : 'grey'} /> : null}
      </View>
    </View>
  );
}
