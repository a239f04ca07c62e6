import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { CampaignView } from '../../../types/contracts/story';
import { STORY_KINDS, STORY_KIND_LABELS, type StoryKind } from '../../../types/labels';
import { PageShell } from '../../components/PageShell';
import { Segments, type Segment } from '../../components/Segments';
import { callFunction } from '../../services/cloud';
import { useCloud } from '../../services/useCloud';
import { campaignUrl, storyEditUrl, type StoryFeedFilter } from '../routes';
import { StoryCardSection, useStoryCardPages } from '../StoryCardSection';
import { deadlineText } from '../storyText';
import '../reading.css';

const PAGE_SIZE = 10;

export type KindChoice = 'all' | StoryKind;

export const KIND_SEGMENTS: ReadonlyArray<Segment<KindChoice>> = [
  { key: 'all', label: '全部' },
  ...STORY_KINDS.map((kind) => ({ key: kind, label: STORY_KIND_LABELS[kind] })),
];

/** The one campaign, branch or base the feed is narrowed to, with what its chip says. */
interface Narrowing {
  filter: StoryFeedFilter;
  label: string;
}

function isKind(value: string | undefined): value is StoryKind {
  return (STORY_KINDS as readonly string[]).includes(value ?? '');
}

/** A link names at most one of campaign, branch and base (the feed takes one); the first one given wins. */
function narrowingFrom(params: Record<string, string | undefined>): Narrowing | null {
  const label = params.label ?? '';
  if (params.campaignId) return { filter: { campaignId: params.campaignId }, label: label || '所选征集' };
  if (params.branchId) return { filter: { branchId: params.branchId }, label: label || '所选支部' };
  if (params.baseId) return { filter: { baseId: params.baseId }, label: label || '所选基地' };
  return null;
}

function chipPrefix(filter: StoryFeedFilter): string {
  if ('campaignId' in filter) return '征集';
  return 'branchId' in filter ? '支部' : '基地';
}

/**
 * Approved works, newest first, a page at a time as the reader scrolls. Remounted (by key) when the
 * kind or narrowing changes, so a new list never shows the old one's pages.
 */
function FeedList({ kind, narrowing }: { kind: KindChoice; narrowing: Narrowing | null }) {
  const fetchPage = useCallback(
    (cursor?: string) =>
      callFunction(
        'story',
        'feed',
        { pageSize: PAGE_SIZE, cursor, ...(kind === 'all' ? {} : { kind }), ...(narrowing?.filter ?? {}) },
        { silentError: cursor === undefined },
      ),
    [kind, narrowing],
  );
  const list = useStoryCardPages(fetchPage);
  const kindText = kind === 'all' ? '作品' : STORY_KIND_LABELS[kind];
  return (
    <StoryCardSection
      list={list}
      title={kind === 'all' ? '最新作品' : STORY_KIND_LABELS[kind]}
      emptyTitle={`还没有发布的${kindText}`}
      emptyDescription='支部审核通过的投稿会显示在这里，点右下角「写投稿」来写第一篇'
    />
  );
}

/** Open campaigns, each a banner with its deadline; a tap narrows the feed to it. */
function OpenCampaigns({ current, onChoose }: { current: string | null; onChoose: (campaign: CampaignView) => void }) {
  const campaigns = useCloud('story', 'campaigns', { pageSize: 10 });
  const open = (campaigns.data?.items ?? []).filter((campaign) => campaign.state === 'open' && campaign.id !== current);
  if (open.length === 0) return null;
  return (
    <View className='story-banners'>
      {open.map((campaign) => (
        <View
          key={campaign.id}
          className='story-banner'
          hoverClass='story-banner--pressed'
          role='button'
          aria-label={`只看「${campaign.title}」的作品`}
          onClick={() => onChoose(campaign)}
        >
          <Text className='story-banner__title'>
            {campaign.title} · {deadlineText(campaign.closesAt)}
          </Text>
          <Text className='story-banner__hint'>正在征集，点此只看参加征集的作品 ›</Text>
        </View>
      ))}
    </View>
  );
}

function FilterChip({ narrowing, onRemove }: { narrowing: Narrowing; onRemove: () => void }) {
  const { filter } = narrowing;
  return (
    <View className='story-filter'>
      <View className='story-filter__chip' role='button' aria-label={`取消筛选：${narrowing.label}`} onClick={onRemove}>
        <Text>
          {chipPrefix(filter)}：{narrowing.label}
        </Text>
        <Text className='story-filter__remove'>✕</Text>
      </View>
      {'campaignId' in filter ? (
        <Text className='story-filter__link' onClick={() => void Taro.navigateTo({ url: campaignUrl(filter.campaignId) })}>
          征集详情 ›
        </Text>
      ) : null}
    </View>
  );
}

function FeedContent() {
  const { params } = useRouter();
  const [kind, setKind] = useState<KindChoice>(isKind(params.kind) ? params.kind : 'all');
  const [narrowing, setNarrowing] = useState<Narrowing | null>(() => narrowingFrom(params));
  const campaignId = narrowing && 'campaignId' in narrowing.filter ? narrowing.filter.campaignId : null;
  const write = () =>
    void Taro.navigateTo({ url: storyEditUrl({ ...(kind === 'all' ? {} : { kind }), ...(campaignId ? { campaignId } : {}) }) });

  return (
    <View className='ht-page__body story-feed'>
      <OpenCampaigns
        current={campaignId}
        onChoose={(campaign) => setNarrowing({ filter: { campaignId: campaign.id }, label: campaign.title })}
      />
      {narrowing ? <FilterChip narrowing={narrowing} onRemove={() => setNarrowing(null)} /> : null}
      <View className='story-kinds'>
        <Segments segments={KIND_SEGMENTS} value={kind} onChange={setKind} />
      </View>
      <FeedList key={`${kind}|${JSON.stringify(narrowing?.filter ?? null)}`} kind={kind} narrowing={narrowing} />
      <View className='story-write' role='button' aria-label='写投稿' hoverClass='story-write--pressed' onClick={write}>
        <Text>写投稿</Text>
      </View>
    </View>
  );
}

export default function StoryFeedPage() {
  return (
    <PageShell>
      <FeedContent />
    </PageShell>
  );
}
