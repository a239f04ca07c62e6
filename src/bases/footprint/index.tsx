import { Map, Text, View } from '@tarojs/components';
import { useReachBottom } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { CheckinView } from '../../../types/contracts/checkin';
import { CHECKIN_METHOD_LABELS } from '../../../types/labels';
import { Cell } from '../../components/Cell';
import { PageShell } from '../../components/PageShell';
import { Section } from '../../components/Section';
import { Tag } from '../../components/Tag';
import { callFunction } from '../../services/cloud';
import { usePagedList } from '../../services/usePagedList';
import { formatDateTime } from '../../utils/format';
import { ListFooter } from '../../components/ListFooter';
import { FootprintSummary, type Summary } from '../FootprintSummary';
import '../bases.css';

const PAGE_SIZE = 20;

/** Weapp: a marker per place visited; H5 shows only the list. */
function FootprintMap({ items }: { items: CheckinView[] }) {
  const placed = items.filter(
    (item): item is CheckinView & { latitude: number; longitude: number } => item.latitude !== null && item.longitude !== null,
  );
  const [first] = placed;
  if (process.env.TARO_ENV === 'h5' || !first) return null;
  return (
    <Map
      className='bases-map'
      latitude={first.latitude}
      longitude={first.longitude}
      scale={8}
      includePoints={placed.map(({ latitude, longitude }) => ({ latitude, longitude }))}
      markers={placed.map((item, index) => ({
        id: index,
        latitude: item.latitude,
        longitude: item.longitude,
        title: item.placeName,
        width: 24,
        height: 24,
        iconPath: '',
      }))}
      onError={() => undefined}
    />
  );
}

function CheckinRow({ item }: { item: CheckinView }) {
  const lines = [`${CHECKIN_METHOD_LABELS[item.method]} · ${formatDateTime(item.checkedInAt)}`];
  if (item.checkedOutAt) {
    lines.push(`签退 ${formatDateTime(item.checkedOutAt)}${item.studyHours !== null ? ` · ${item.studyHours} 学时` : ''}`);
  }
  if (item.reason) lines.push(`补录原因：${item.reason}`);
  return (
    <Cell
      title={
        <View>
          <Text>{item.placeName} </Text>
          {item.offline ? <Tag text='离线补传' tone='grey' /> : null}
        </View>
      }
      description={
        <View>
          {lines.map((line) => (
            <Text key={line} className='ht-cell__description'>
              {line}
            </Text>
          ))}
        </View>
      }
    />
  );
}

function FootprintContent() {
  const [summary, setSummary] = useState<Summary | null>(null);
  const fetchPage = useCallback(async (cursor?: string) => {
    const result = await callFunction('checkin', 'history', { pageSize: PAGE_SIZE, cursor }, { silentError: cursor === undefined });
    if (result.ok && cursor === undefined) setSummary(result.data.summary);
    return result;
  }, []);
  const list = usePagedList(fetchPage);
  useReachBottom(list.loadMore);
  return (
    <View className='ht-page__body'>
      {summary ? <FootprintSummary summary={summary} /> : null}
      <FootprintMap items={list.items} />
      <Section
        title='我的足迹'
        status={list.status}
        isEmpty={list.items.length === 0}
        emptyTitle='还没有签到记录'
        emptyDescription='参加活动扫码签到、到红色教育基地打卡后会记录在这里'
        errorMessage={list.error?.message}
        onRetry={() => void list.reload()}
        skeletonRows={5}
      >
        {list.items.map((item) => (
          <CheckinRow key={item.id} item={item} />
        ))}
        <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} loadMore={list.loadMore} />
      </Section>
    </View>
  );
}

export default function FootprintPage() {
  return (
    <PageShell>
      <FootprintContent />
    </PageShell>
  );
}
