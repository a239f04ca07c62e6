import { View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import type { MemberView } from '../../../types/contracts/member';
import type { StoryCard } from '../../../types/contracts/story';
import type { Result } from '../../../types/result';
import { Chips } from '../../components/FormParts';
import { ManagerGate } from '../../components/ManagerGate';
import { PageShell } from '../../components/PageShell';
import { Segments, type Segment } from '../../components/Segments';
import { callFunction } from '../../services/cloud';
import { useCloud } from '../../services/useCloud';
import type { Page } from '../../services/usePagedList';
import { StoryCardSection, useStoryCardPages } from '../StoryCardSection';
import '../reading.css';

const PAGE_SIZE = 20;

type Queue = 'review' | 'selection';

const QUEUE_COPY: Record<Queue, { label: string; title: string; emptyTitle: string; emptyDescription: string }> = {
  review: {
    label: '待审核',
    title: '待审核的投稿',
    emptyTitle: '暂无待审核的投稿',
    emptyDescription: '党员提交的作品通过内容安全检测后会出现在这里，最早提交的在前',
  },
  selection: {
    label: '待评选',
    title: '待评选的作品',
    emptyTitle: '暂无待评选的作品',
    emptyDescription: '支部书记推荐到组织部的作品会出现在这里，可择优上报并评奖',
  },
};

interface QueueListProps {
  queue: Queue;
  fetchPage: (cursor?: string) => Promise<Result<Page<StoryCard>>>;
  /** How many are waiting, once the whole queue is on screen; undefined while more pages remain. */
  onCount: (queue: Queue, count: number | undefined) => void;
}

/** One queue, a page at a time; each work opens its page, where the review actions are. */
function QueueList({ queue, fetchPage, onCount }: QueueListProps) {
  const list = useStoryCardPages(fetchPage);
  const count = list.status === 'ready' && !list.hasMore ? list.items.length : undefined;
  useEffect(() => onCount(queue, count), [queue, count, onCount]);

  const copy = QUEUE_COPY[queue];
  return <StoryCardSection list={list} title={copy.title} emptyTitle={copy.emptyTitle} emptyDescription={copy.emptyDescription} />;
}

/** A campaign's share of 待评选 is not the queue's size, so a narrowed list reports none. */
function ignoreCount(): void {}

function reviewPage(cursor?: string) {
  return callFunction('story', 'reviewQueue', { pageSize: PAGE_SIZE, cursor }, { silentError: cursor === undefined });
}

/** 待评选 narrowed to one campaign (or all of them), chosen from the campaigns the org runs. */
function SelectionQueue({ onCount }: { onCount: QueueListProps['onCount'] }) {
  const campaigns = useCloud('story', 'campaigns', { pageSize: 20 });
  const [campaignId, setCampaignId] = useState('');
  const fetchPage = useCallback(
    (cursor?: string) =>
      callFunction(
        'story',
        'selectionQueue',
        { pageSize: PAGE_SIZE, cursor, ...(campaignId ? { campaignId } : {}) },
        { silentError: cursor === undefined },
      ),
    [campaignId],
  );
  const options = [
    { value: '', label: '全部征集' },
    ...(campaigns.data?.items ?? []).map((campaign) => ({ value: campaign.id, label: campaign.title })),
  ];
  return (
    <>
      {options.length > 1 ? (
        <Chips role='radio' label='按征集筛选' options={options} isSelected={(value) => value === campaignId} onToggle={setCampaignId} />
      ) : null}
      <QueueList key={campaignId} queue='selection' fetchPage={fetchPage} onCount={campaignId ? ignoreCount : onCount} />
    </>
  );
}

function Queues({ reviewer }: { reviewer: MemberView }) {
  const [queue, setQueue] = useState<Queue>('review');
  const [counts, setCounts] = useState<Partial<Record<Queue, number>>>({});
  const onCount = useCallback(
    (which: Queue, count: number | undefined) =>
      setCounts((previous) => (previous[which] === count ? previous : { ...previous, [which]: count })),
    [],
  );

  // A secretary reviews their own branch; selection (择优上报) is the org's.
  if (reviewer.role !== 'org_admin') return <QueueList queue='review' fetchPage={reviewPage} onCount={onCount} />;
  const segments: ReadonlyArray<Segment<Queue>> = (['review', 'selection'] as const).map((key) => ({
    key,
    label: QUEUE_COPY[key].label,
    count: counts[key],
  }));
  return (
    <>
      <Segments segments={segments} value={queue} onChange={setQueue} />
      {queue === 'review' ? <QueueList queue='review' fetchPage={reviewPage} onCount={onCount} /> : <SelectionQueue onCount={onCount} />}
    </>
  );
}

export default function StoryReviewPage() {
  return (
    <PageShell>
      <View className='ht-page__body'>
        <ManagerGate deniedDescription='支部书记审核本支部的投稿，组织部审核各支部的投稿并择优上报。'>
          {(reviewer) => <Queues reviewer={reviewer} />}
        </ManagerGate>
      </View>
    </PageShell>
  );
}
