import { Text, View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import { useCallback } from 'react';
import type { CampaignView } from '../../../types/contracts/story';
import { STORY_KIND_LABELS } from '../../../types/labels';
import { ActionButton } from '../../components/ActionButton';
import { Empty } from '../../components/Empty';
import { ErrorState } from '../../components/ErrorState';
import { PagedSection } from '../../components/PagedSection';
import { PageShell } from '../../components/PageShell';
import { Skeleton } from '../../components/Skeleton';
import { Tag } from '../../components/Tag';
import { callFunction } from '../../services/cloud';
import { useMembership } from '../../services/membership';
import { usePagedList } from '../../services/usePagedList';
import { useReloadOnShow } from '../../services/useReloadOnShow';
import { campaignEditUrl, campaignUrl } from '../../story/routes';
import { CAMPAIGN_STATE_LABELS, campaignWhen } from '../../story/storyText';
import '../admin.css';
import '../contest/contest.css';

const PAGE_SIZE = 20;

function open(url: string): void {
  void Taro.navigateTo({ url });
}

function CampaignRow({ campaign }: { campaign: CampaignView }) {
  const given = campaign.awarded.first + campaign.awarded.second + campaign.awarded.third + campaign.awarded.excellent;
  return (
    <View className='admin-contest' aria-label={campaign.title}>
      <View className='admin-contest__head'>
        <Text className='admin-contest__title'>{campaign.title}</Text>
        <Tag text={CAMPAIGN_STATE_LABELS[campaign.state]} tone={campaign.state === 'open' ? 'red' : 'grey'} />
      </View>
      <Text className='admin-contest__line'>{campaignWhen(campaign)}</Text>
      <Text className='admin-contest__line'>{campaign.kinds.map((kind) => STORY_KIND_LABELS[kind]).join('、')}</Text>
      {given > 0 ? <Text className='admin-contest__stats'>已评奖 {given} 件</Text> : null}
      <View className='admin-contest__actions'>
        <ActionButton size='small' onClick={() => open(campaignUrl(campaign.id))}>
          查看
        </ActionButton>
        <ActionButton size='small' variant='plain' onClick={() => open(campaignEditUrl(campaign.id))}>
          修改
        </ActionButton>
      </View>
    </View>
  );
}

/** 征集活动管理: every campaign, upcoming and open first, with its window and what it takes. */
function CampaignList() {
  const fetchPage = useCallback(
    (cursor?: string) => callFunction('story', 'campaigns', { pageSize: PAGE_SIZE, cursor }, { silentError: cursor === undefined }),
    [],
  );
  const list = usePagedList(fetchPage);
  useReloadOnShow(() => void list.reload());
  useReachBottom(list.loadMore);
  return (
    <>
      <View className='admin-contests__top'>
        <ActionButton onClick={() => open(campaignEditUrl())}>新建征集</ActionButton>
      </View>
      <PagedSection
        list={list}
        title='征集活动'
        emptyTitle='还没有征集活动'
        emptyDescription='新建一次征集：定好作品类型、截止时间、每个支部的任务和奖项'
        itemKey={(campaign) => campaign.id}
        renderItem={(campaign) => <CampaignRow campaign={campaign} />}
      />
    </>
  );
}

/** Campaigns are the org's; the functions refuse anyone else's saveCampaign anyway. */
function OrgAdminOnly() {
  const { membership, reload } = useMembership();
  if (membership.kind === 'loading') return <Skeleton rows={4} />;
  if (membership.kind === 'unavailable') return <ErrorState message={membership.message} onRetry={reload} />;
  if (membership.kind === 'active' && membership.member.role === 'org_admin') return <CampaignList />;
  return (
    <View className='ht-section'>
      <Empty title='仅组织部可以使用' description='征集活动由组织部发起和管理，党员可在「红色故事」中参加。' />
    </View>
  );
}

export default function AdminCampaignsPage() {
  return (
    <PageShell>
      <View className='ht-page__body'>
        <OrgAdminOnly />
      </View>
    </PageShell>
  );
}
