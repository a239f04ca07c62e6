import { Text, View } from '@tarojs/components';
import Taro, { useReachBottom, useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { Attendee } from '../../../types/contracts/activity';
import { SIGN_UP_STATUSES, SIGN_UP_STATUS_LABELS, type SignUpStatus } from '../../../types/labels';
import { ActionButton } from '../../components/ActionButton';
import { ManagerGate } from '../../components/ManagerGate';
import { ListFooter } from '../../components/ListFooter';
import { PageShell } from '../../components/PageShell';
import { Section } from '../../components/Section';
import { Segments } from '../../components/Segments';
import { Tag } from '../../components/Tag';
import { callFunction } from '../../services/cloud';
import { usePagedList } from '../../services/usePagedList';
import { formatDateTime } from '../../utils/format';
import { activityCheckinUrl } from '../routes';
import { AddAttendee } from './AddAttendee';
import { ExportAttendees } from './ExportAttendees';
import '../activity.css';

const PAGE_SIZE = 20;
type Counts = Partial<Record<SignUpStatus, number>>;

const EMPTY_TITLES: Record<SignUpStatus, string> = {
  signed: '还没有人报名',
  waitlisted: '没有候补的同志',
  leave: '没有人请假',
  cancelled: '没有人取消报名',
};

function AttendeeRow({ attendee }: { attendee: Attendee }) {
  return (
    <View className='ht-cell activity-attendee' aria-label={attendee.name}>
      <View className='ht-cell__main'>
        <View className='activity-attendee__head'>
          <Text className='ht-cell__title'>{attendee.name}</Text>
          {attendee.addedByOrganiser ? <Tag text='书记添加' tone='grey' /> : null}
        </View>
        <Text className='ht-cell__description'>报名时间：{formatDateTime(attendee.signedUpAt)}</Text>
        {attendee.leaveReason ? <Text className='ht-cell__description'>请假原因：{attendee.leaveReason}</Text> : null}
      </View>
    </View>
  );
}

function AttendeeList({ id, status, onCounts }: { id: string; status: SignUpStatus; onCounts: (counts: Counts) => void }) {
  const fetchPage = useCallback(
    async (cursor?: string) => {
      const result = await callFunction(
        'activity',
        'attendees',
        { id, status, pageSize: PAGE_SIZE, cursor },
        { silentError: cursor === undefined },
      );
      if (result.ok) onCounts(result.data.counts);
      return result;
    },
    [id, status, onCounts],
  );
  const list = usePagedList(fetchPage);
  useReachBottom(list.loadMore);

  return (
    <Section
      title={SIGN_UP_STATUS_LABELS[status]}
      status={list.status}
      isEmpty={list.items.length === 0}
      emptyTitle={EMPTY_TITLES[status]}
      errorMessage={list.error?.message}
      onRetry={() => void list.reload()}
      skeletonRows={5}
    >
      {list.items.map((attendee) => (
        <AttendeeRow key={attendee.memberId} attendee={attendee} />
      ))}
      <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} loadMore={list.loadMore} />
    </Section>
  );
}

function AttendeesContent() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [status, setStatus] = useState<SignUpStatus>('signed');
  const [counts, setCounts] = useState<Counts>({});
  const [adding, setAdding] = useState(false);
  // Bumped after an organiser adds someone, so the list and its counts are read again.
  const [version, setVersion] = useState(0);

  return (
    <>
      <View className='ht-card activity-tools'>
        <ExportAttendees activityId={id} />
        <ActionButton variant='plain' onClick={() => void Taro.navigateTo({ url: activityCheckinUrl(id) })}>
          现场签到
        </ActionButton>
        {adding ? null : (
          <ActionButton variant='plain' onClick={() => setAdding(true)}>
            添加参加人
          </ActionButton>
        )}
      </View>
      {adding ? (
        <AddAttendee
          activityId={id}
          onAdded={() => {
            setAdding(false);
            setVersion((current) => current + 1);
          }}
          onClose={() => setAdding(false)}
        />
      ) : null}
      <Segments
        segments={SIGN_UP_STATUSES.map((key) => ({ key, label: SIGN_UP_STATUS_LABELS[key], count: counts[key] }))}
        value={status}
        onChange={setStatus}
      />
      <AttendeeList key={`${status}|${version}`} id={id} status={status} onCounts={setCounts} />
    </>
  );
}

export default function ActivityAttendeesPage() {
  return (
    <PageShell>
      <View className='ht-page__body'>
        <ManagerGate deniedDescription='报名名单只有活动的组织者可以查看'>{() => <AttendeesContent />}</ManagerGate>
      </View>
    </PageShell>
  );
}
