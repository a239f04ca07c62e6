import { Text, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { ActivityDetail } from '../../../types/contracts/activity';
import { Empty } from '../../components/Empty';
import { ErrorState } from '../../components/ErrorState';
import { ManagerGate } from '../../components/ManagerGate';
import { PageShell } from '../../components/PageShell';
import { Segments } from '../../components/Segments';
import { Skeleton } from '../../components/Skeleton';
import { useCloud } from '../../services/useCloud';
import { formatTimeRange } from '../../utils/format';
import { CodePanel } from './CodePanel';
import { RosterPanel } from './RosterPanel';
import { ScanPanel } from './ScanPanel';
import { useOrganiserLocation } from './useOrganiserLocation';
import { useRoster } from './useRoster';
import '../activity.css';

type Tab = 'in' | 'out' | 'scan' | 'roster';
const TABS: ReadonlyArray<{ key: Tab; label: string }> = [
  { key: 'in', label: '签到码' },
  { key: 'out', label: '签退码' },
  { key: 'scan', label: '扫码核验' },
  { key: 'roster', label: '名单' },
];

/** Codes rotate and the roster polls only while the page is in front: a hidden page asks the server for nothing. */
function usePageShown(): boolean {
  const [shown, setShown] = useState(true);
  useDidShow(() => setShown(true));
  useDidHide(() => setShown(false));
  return shown;
}

function CheckinDesk({ activity }: { activity: ActivityDetail }) {
  const [tab, setTab] = useState<Tab>('in');
  const shown = usePageShown();
  const location = useOrganiserLocation();
  const roster = useRoster(activity.id, shown && tab === 'roster');

  usePullDownRefresh(() => {
    const refreshed = tab === 'roster' ? roster.reload() : Promise.resolve();
    void refreshed.then(() => Taro.stopPullDownRefresh());
  });

  let panel;
  if (tab === 'in' || tab === 'out') {
    panel = <CodePanel key={tab} activityId={activity.id} direction={tab} online={activity.online} active={shown} location={location} />;
  } else if (tab === 'scan') {
    panel = <ScanPanel activityId={activity.id} />;
  } else {
    panel = <RosterPanel activityId={activity.id} state={roster} />;
  }
  return (
    <>
      <View className='ht-card checkin-head'>
        <Text className='checkin-head__title'>{activity.title}</Text>
        <Text className='checkin-head__time'>{formatTimeRange(activity.startAt, activity.endAt)}</Text>
      </View>
      <Segments segments={TABS} value={tab} onChange={setTab} />
      {panel}
    </>
  );
}

function CheckinContent() {
  const { params } = useRouter();
  const detail = useCloud('activity', 'detail', { id: params.id ?? '' });
  if (!detail.data) {
    return (
      <View className='ht-card'>
        {detail.status === 'error' ? (
          <ErrorState message={detail.error?.message ?? '加载失败'} onRetry={detail.reload} />
        ) : (
          <Skeleton rows={3} />
        )}
      </View>
    );
  }
  const { activity } = detail.data;
  if (!activity.can.manage) {
    return (
      <View className='ht-section'>
        <Empty title='只有本活动的组织者可以现场签到' />
      </View>
    );
  }
  return <CheckinDesk activity={activity} />;
}

export default function ActivityCheckinPage() {
  return (
    <PageShell>
      <View className='ht-page__body checkin-desk'>
        <ManagerGate deniedDescription='现场签到由活动的组织者操作；参加活动请扫描现场的签到码'>{() => <CheckinContent />}</ManagerGate>
      </View>
    </PageShell>
  );
}
