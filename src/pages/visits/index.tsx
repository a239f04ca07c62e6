import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { LocationReading } from '../../../types/contracts/checkin';
import { BaseCell } from '../../bases/BaseCell';
import { FootprintSummary } from '../../bases/FootprintSummary';
import { BASE_LIST_URL, FOOTPRINT_URL, MY_CODE_URL } from '../../bases/routes';
import { scanToCheckin } from '../../bases/scan';
import { ActionButton } from '../../components/ActionButton';
import { MembershipGate } from '../../components/MembershipGate';
import { PageShell } from '../../components/PageShell';
import { Section } from '../../components/Section';
import { useTabBarSelection } from '../../custom-tab-bar/selection';
import { readLocation } from '../../services/location';
import { useMembership } from '../../services/membership';
import { useCloud } from '../../services/useCloud';
import { useReloadOnShow } from '../../services/useReloadOnShow';
import '../../bases/bases.css';

const NEAREST_COUNT = 3;

const open = (url: string) => void Taro.navigateTo({ url });

function ScanCard() {
  return (
    <View className='ht-card'>
      <ActionButton onClick={() => void scanToCheckin()}>扫一扫签到</ActionButton>
      <Text className='ht-card__text'>
        {process.env.TARO_ENV === 'h5'
          ? '扫描活动签到码或红色教育基地的打卡码；网页版没有摄像头，可以手动输入签到码。'
          : '扫描活动签到码或红色教育基地的打卡码。'}
      </Text>
      <ActionButton variant='plain' onClick={() => open(MY_CODE_URL)}>
        我的签到码
      </ActionButton>
    </View>
  );
}

function MyFootprint() {
  const history = useCloud('checkin', 'history', { pageSize: 1 });
  useReloadOnShow(history.reload);
  const summary = history.data?.summary;
  return (
    <Section
      title='我的足迹'
      extra={{ text: '全部 ›', onClick: () => open(FOOTPRINT_URL) }}
      status={history.status}
      isEmpty={!summary || summary.checkins === 0}
      emptyTitle='还没有签到记录'
      emptyDescription='参加支部活动或到红色教育基地扫码签到后，记录和学时会显示在这里'
      errorMessage={history.error?.message}
      onRetry={history.reload}
      skeletonRows={1}
    >
      {summary ? <FootprintSummary summary={summary} /> : null}
    </Section>
  );
}

function NearestBaseList({ near }: { near: LocationReading | null }) {
  const bases = useCloud('checkin', 'bases', { pageSize: NEAREST_COUNT, ...(near ? { near } : {}) });
  const items = bases.data?.items ?? [];
  // No bases registered yet: nothing to point to, so no section at all.
  if (bases.status === 'ready' && items.length === 0) return null;
  return (
    <Section
      title={near ? '离我最近的红色教育基地' : '红色教育基地'}
      extra={{ text: '全部 ›', onClick: () => open(BASE_LIST_URL) }}
      status={bases.status}
      errorMessage={bases.error?.message}
      onRetry={bases.reload}
      skeletonRows={NEAREST_COUNT}
    >
      {items.map((base) => (
        <BaseCell key={base.id} base={base} />
      ))}
    </Section>
  );
}

function NearestBases() {
  // undefined while asking; null when the location is refused (the server's order is used instead).
  const [near, setNear] = useState<LocationReading | null | undefined>(undefined);
  useEffect(() => {
    let cancelled = false;
    void readLocation().then((reading) => {
      if (!cancelled) setNear(reading);
    });
    return () => {
      cancelled = true;
    };
  }, []);
  return near === undefined ? null : <NearestBaseList near={near} />;
}

/** 打卡: the check-in entries a member needs on the spot, their footprint so far and the bases nearby. */
export default function VisitsPage() {
  useTabBarSelection();
  const membership = useMembership();
  return (
    <PageShell>
      <View className='ht-page__body'>
        <MembershipGate state={membership}>
          {() => (
            <>
              <ScanCard />
              <MyFootprint />
              <NearestBases />
            </>
          )}
        </MembershipGate>
      </View>
    </PageShell>
  );
}
