import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { EDITABLE_STATUSES } from '../../../core/story/access';
import type { StoryCard } from '../../../types/contracts/story';
import { STORY_KINDS, STORY_KIND_LABELS, type StoryStatus } from '../../../types/labels';
import { ActionButton } from '../../components/ActionButton';
import { PageShell } from '../../components/PageShell';
import { Segments, type Segment } from '../../components/Segments';
import { callFunction } from '../../services/cloud';
import { storyEditUrl } from '../routes';
import { StoryCardCell } from '../StoryCardCell';
import { StoryCardSection, useStoryCardPages } from '../StoryCardSection';
import { StatusNote } from './StatusNote';
import '../authoring.css';

const PAGE_SIZE = 20;

type Filter = 'all' | 'draft' | 'inReview' | 'needsChanges' | 'approved';

const SEGMENTS: Segment<Filter>[] = [
  { key: 'all', label: '全部' },
  { key: 'draft', label: '草稿' },
  { key: 'inReview', label: '审核中' },
  { key: 'needsChanges', label: '待修改' },
  { key: 'approved', label: '已发布' },
];

/** What each segment lists: a work in the image check is under review too, and one content security refused needs changes like a returned one. */
const FILTER_STATUSES: Record<Exclude<Filter, 'all'>, StoryStatus[]> = {
  draft: ['draft'],
  inReview: ['checking', 'pending'],
  needsChanges: ['returned', 'rejected'],
  approved: ['approved'],
};

const EMPTY_COPY: Record<Exclude<Filter, 'all'>, { title: string; description: string }> = {
  draft: { title: '没有草稿', description: '写了一半的投稿会自动保存在这里' },
  inReview: { title: '没有待审核的投稿', description: '提交后等待安全检测和支部书记审核的投稿会显示在这里' },
  needsChanges: { title: '没有待修改的投稿', description: '支部退回或未通过安全检测的投稿会连同原因显示在这里' },
  approved: { title: '还没有发布的投稿', description: '支部审核通过后，投稿会发布到红色故事' },
};

function open(card: StoryCard): (() => void) | undefined {
  // Works still in the author's hands open in the editor; the rest open on their page (StoryCardCell's default).
  return EDITABLE_STATUSES.includes(card.status) ? () => void Taro.navigateTo({ url: storyEditUrl({ id: card.id }) }) : undefined;
}

/** The first work: one button per kind, each opening the editor on that kind. */
function FirstWork() {
  return (
    <View className='story-mine__first'>
      <Text className='story-mine__first-title'>还没有投稿</Text>
      <Text className='story-mine__first-text'>讲一个红色故事，写一篇心得体会，或上传一堂党课视频。选一类开始：</Text>
      <View className='story-mine__kinds'>
        {STORY_KINDS.map((kind) => (
          <ActionButton key={kind} variant='plain' onClick={() => void Taro.navigateTo({ url: storyEditUrl({ kind }) })}>
            {STORY_KIND_LABELS[kind]}
          </ActionButton>
        ))}
      </View>
    </View>
  );
}

function MyWorks({ filter }: { filter: Filter }) {
  const fetchPage = useCallback(
    (cursor?: string) =>
      callFunction(
        'story',
        'mine',
        { pageSize: PAGE_SIZE, cursor, ...(filter === 'all' ? {} : { statuses: FILTER_STATUSES[filter] }) },
        { silentError: cursor === undefined },
      ),
    [filter],
  );
  const list = useStoryCardPages(fetchPage);

  if (filter === 'all' && list.status === 'ready' && list.items.length === 0) {
    return (
      <View className='ht-section'>
        <FirstWork />
      </View>
    );
  }
  const empty = filter === 'all' ? null : EMPTY_COPY[filter];
  return (
    <StoryCardSection
      list={list}
      title={SEGMENTS.find((segment) => segment.key === filter)?.label ?? ''}
      emptyTitle={empty?.title}
      emptyDescription={empty?.description}
      renderCard={(card) => (
        <View className='story-mine__item'>
          <StoryCardCell card={card} onClick={open(card)} />
          <StatusNote card={card} />
        </View>
      )}
    />
  );
}

export default function MyStoriesPage() {
  const [filter, setFilter] = useState<Filter>('all');
  return (
    <PageShell>
      <View className='ht-page__body story-mine'>
        <Segments segments={SEGMENTS} value={filter} onChange={setFilter} />
        <MyWorks key={filter} filter={filter} />
      </View>
      <View className='story-mine__bar'>
        <ActionButton onClick={() => void Taro.navigateTo({ url: storyEditUrl() })}>写投稿</ActionButton>
      </View>
    </PageShell>
  );
}
