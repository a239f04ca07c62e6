import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { CheckinView, Roster } from '../../../types/contracts/checkin';
import { CHECKIN_METHOD_LABELS } from '../../../types/labels';
import { ActionButton } from '../../components/ActionButton';
import { Empty } from '../../components/Empty';
import { ErrorState } from '../../components/ErrorState';
import { Skeleton } from '../../components/Skeleton';
import { Tag } from '../../components/Tag';
import { formatDateTime } from '../../utils/format';
import { BackfillForm } from './BackfillForm';
import type { RosterState } from './useRoster';

/** Before the end a member not yet in is 未签到 (may still come); after it, 未到 (a no-show). */
function missingLabel(roster: Roster): string {
  return roster.activity.ended ? '未到' : '未签到';
}

function Counts({ roster }: { roster: Roster }) {
  const { counts } = roster;
  const items = [
    { label: '已签到', value: counts.checkedIn },
    { label: '已报名', value: counts.signedUp },
    { label: missingLabel(roster), value: counts.missing },
    { label: '临时参加', value: counts.walkIns },
    { label: '已签退', value: counts.checkedOut },
  ];
  return (
    <View className='ht-card checkin-counts'>
      {items.map((item) => (
        <View key={item.label} className='checkin-counts__item' aria-label={`${item.label} ${item.value}`}>
          <Text className='checkin-counts__value'>{item.value}</Text>
          <Text className='checkin-counts__label'>{item.label}</Text>
        </View>
      ))}
    </View>
  );
}

function studyLine(checkin: CheckinView): string | null {
  if (checkin.studyHours === null) return null;
  const minutes = checkin.presentMinutes === null ? '' : `（在场 ${checkin.presentMinutes} 分钟）`;
  return `计 ${checkin.studyHours} 学时${minutes}`;
}

function PresentRow({ checkin }: { checkin: CheckinView }) {
  const study = studyLine(checkin);
  return (
    <View className='ht-cell checkin-present' aria-label={checkin.name}>
      <View className='ht-cell__main'>
        <View className='checkin-present__head'>
          <Text className='ht-cell__title'>{checkin.name}</Text>
          <Tag text={CHECKIN_METHOD_LABELS[checkin.method]} tone='grey' />
          {checkin.offline ? <Tag text='离线补传' /> : null}
        </View>
        <Text className='ht-cell__description'>
          签到 {formatDateTime(checkin.checkedInAt)}
          {checkin.checkedOutAt ? ` · 签退 ${formatDateTime(checkin.checkedOutAt)}` : ''}
        </Text>
        {study ? <Text className='ht-cell__description'>{study}</Text> : null}
        {checkin.reason ? (
          <Text className='ht-cell__description'>
            补录原因：{checkin.reason}
            {checkin.recordedByName ? `（${checkin.recordedByName}补录）` : ''}
          </Text>
        ) : null}
      </View>
    </View>
  );
}

function MissingRow({
  activityId,
  member,
  label,
  onBackfilled,
}: {
  activityId: string;
  member: Roster['missing'][number];
  label: string;
  onBackfilled: () => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <View className='ht-cell checkin-missing' aria-label={member.name}>
      <View className='ht-cell__main'>
        <View className='checkin-missing__head'>
          <Text className='ht-cell__title'>{member.name}</Text>
          <Tag text={label} tone='grey' />
          {open ? null : (
            <ActionButton size='small' variant='plain' onClick={() => setOpen(true)}>
              补录
            </ActionButton>
          )}
        </View>
        {open ? (
          <BackfillForm
            activityId={activityId}
            member={member}
            onDone={() => {
              setOpen(false);
              onBackfilled();
            }}
            onClose={() => setOpen(false)}
          />
        ) : null}
      </View>
    </View>
  );
}

/** 名单: who is in (newest first) and who signed up but is not, with 补录 for the latter. */
export function RosterPanel({ activityId, state }: { activityId: string; state: RosterState }) {
  const { roster, error, reload } = state;
  if (!roster) {
    return (
      <View className='ht-card'>
        {error ? <ErrorState message={error.message} onRetry={() => void reload()} /> : <Skeleton rows={4} />}
      </View>
    );
  }
  const label = missingLabel(roster);
  return (
    <>
      <Counts roster={roster} />
      <View className='ht-section'>
        <View className='ht-section__header'>
          <Text className='ht-section__title'>已签到</Text>
        </View>
        {roster.present.length === 0 ? (
          <Empty title='还没有人签到' description='名单每 10 秒自动刷新，也可以下拉刷新' />
        ) : (
          roster.present.map((checkin) => <PresentRow key={checkin.id} checkin={checkin} />)
        )}
      </View>
      <View className='ht-section'>
        <View className='ht-section__header'>
          <Text className='ht-section__title'>{label}</Text>
        </View>
        {roster.missing.length === 0 ? (
          <Empty title={roster.counts.signedUp === 0 ? '没有人报名' : '报名的同志都已签到'} />
        ) : (
          roster.missing.map((member) => (
            <MissingRow key={member.memberId} activityId={activityId} member={member} label={label} onBackfilled={() => void reload()} />
          ))
        )}
      </View>
    </>
  );
}
