import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import type { ActionOutput } from '../../../types/contracts';
import type { CampaignView } from '../../../types/contracts/story';
import { STORY_AWARDS, STORY_AWARD_LABELS, STORY_KIND_LABELS } from '../../../types/labels';
import { ActionButton } from '../../components/ActionButton';
import { Cell } from '../../components/Cell';
import { ErrorState } from '../../components/ErrorState';
import { PageShell } from '../../components/PageShell';
import { Section } from '../../components/Section';
import { Skeleton } from '../../components/Skeleton';
import { Tag } from '../../components/Tag';
import { useCloud } from '../../services/useCloud';
import { useReloadOnShow } from '../../services/useReloadOnShow';
import { storyEditUrl, storyFeedUrl } from '../routes';
import { StoryCardCell } from '../StoryCardCell';
import { CAMPAIGN_STATE_LABELS, campaignWhen, formatDeadline, percent } from '../storyText';
import { useCampaign } from '../useCampaign';
import '../reading.css';

type Ranking = ActionOutput<'story', 'campaignRanking'>;
type RankedBranch = Ranking['branches'][number];

const FEED_PREVIEW = 3;

/** `支部参与率 90%（9/10 人）`: branches are ranked by the share of their members who took part, not by totals. */
export function participationText(branch: Pick<RankedBranch, 'participationRate' | 'authors' | 'members'>): string {
  return `支部参与率 ${percent(branch.participationRate)}（${branch.authors}/${branch.members} 人）`;
}

/** `一等奖 1 名 · 二等奖 2 名 · 优秀奖 10 名`: the awards the org may give, those with none left out. */
export function awardsText(awards: CampaignView['awards']): string {
  const given = STORY_AWARDS.filter((award) => awards[award] > 0).map((award) => `${STORY_AWARD_LABELS[award]} ${awards[award]} 名`);
  return given.length > 0 ? given.join(' · ') : '不评奖';
}

function About({ campaign }: { campaign: CampaignView }) {
  const join = () =>
    void Taro.navigateTo({
      url: storyEditUrl({ campaignId: campaign.id, ...(campaign.kinds.length === 1 ? { kind: campaign.kinds[0] } : {}) }),
    });
  return (
    <View className='ht-section story-head'>
      <View className='story-head__tags'>
        <Tag text={CAMPAIGN_STATE_LABELS[campaign.state]} tone={campaign.state === 'open' ? 'red' : 'grey'} />
      </View>
      <Text className='story-head__title'>{campaign.title}</Text>
      <Text className='story-head__meta'>{campaignWhen(campaign)}</Text>
      {campaign.description ? <Text className='story-campaign__description'>{campaign.description}</Text> : null}
      <View className='story-campaign__facts' aria-label='征集的作品类型'>
        {campaign.kinds.map((kind) => (
          <Tag key={kind} text={STORY_KIND_LABELS[kind]} tone='grey' />
        ))}
      </View>
      <Text className='story-head__meta'>奖项：{awardsText(campaign.awards)}</Text>
      <Text className='story-head__meta'>
        群众评议：
        {campaign.ratingClosesAt
          ? `${formatDeadline(campaign.ratingClosesAt)} 截止，排名中评议占 ${campaign.ratingWeight}%，其余看组织部评选`
          : '不开展，排名看组织部评选'}
      </Text>
      {campaign.state === 'open' ? (
        <View className='story-actions story-campaign__join'>
          <ActionButton onClick={join}>参加征集</ActionButton>
        </View>
      ) : null}
    </View>
  );
}

/** What the campaign asks of the caller's branch (e.g. one lesson video) and how far it has come. */
function MyBranch({ campaign }: { campaign: CampaignView }) {
  if (campaign.myBranch.length === 0) return null;
  return (
    <Section title='本支部任务' status='ready'>
      {campaign.myBranch.map((quota) => (
        <Cell
          key={quota.kind}
          title={STORY_KIND_LABELS[quota.kind]}
          description={`已发布 ${quota.approved} 件 / 任务 ${quota.required} 件`}
          value={
            <Tag text={quota.approved >= quota.required ? '已完成' : '未完成'} tone={quota.approved >= quota.required ? 'red' : 'grey'} />
          }
        />
      ))}
    </Section>
  );
}

function CampaignWorks({ campaign }: { campaign: CampaignView }) {
  const feed = useCloud('story', 'feed', { campaignId: campaign.id, pageSize: FEED_PREVIEW });
  useReloadOnShow(feed.reload);
  const items = feed.data?.items ?? [];
  return (
    <Section
      title='参加征集的作品'
      extra={{
        text: '全部 ›',
        onClick: () => void Taro.navigateTo({ url: storyFeedUrl({ campaignId: campaign.id, label: campaign.title }) }),
      }}
      status={feed.status}
      isEmpty={items.length === 0}
      emptyTitle='还没有发布的作品'
      emptyDescription={campaign.state === 'open' ? '支部审核通过的投稿会显示在这里' : undefined}
      errorMessage={feed.error?.message}
      onRetry={feed.reload}
    >
      {items.map((card) => (
        <StoryCardCell key={card.id} card={card} />
      ))}
    </Section>
  );
}

function BranchRow({ branch }: { branch: RankedBranch }) {
  const selected = branch.selected > 0 ? ` · 择优 ${branch.selected} 件` : '';
  const rating = branch.averageRating !== null ? ` · 平均评分 ${branch.averageRating.toFixed(1)}` : '';
  return (
    <View className='story-rank' aria-label={branch.branchName}>
      <View className='story-rank__head'>
        <Text className='story-rank__place'>{branch.rank === null ? '—' : `${branch.rank}`}</Text>
        <Text className='story-rank__name'>{branch.branchName}</Text>
        {branch.quotasMet ? <Tag text='任务已完成' /> : null}
      </View>
      <View className='story-bar' role='progressbar' aria-label={`参与率 ${percent(branch.participationRate)}`}>
        <View className='story-bar__fill' style={{ width: percent(Math.min(1, branch.participationRate)) }} />
      </View>
      <Text className='story-rank__meta'>{participationText(branch)}</Text>
      <Text className='story-rank__meta'>
        已发布 {branch.approved} 件{selected}
        {rating}
      </Text>
    </View>
  );
}

function CampaignRanking({ campaign }: { campaign: CampaignView }) {
  const ranking = useCloud('story', 'campaignRanking', { campaignId: campaign.id, top: 10 });
  useReloadOnShow(ranking.reload);
  const works = ranking.data?.works ?? [];
  const branches = ranking.data?.branches ?? [];
  return (
    <>
      <Section
        title='作品排名'
        status={ranking.status}
        isEmpty={works.length === 0}
        emptyTitle='还没有可排名的作品'
        emptyDescription='作品发布后按组织部评选和群众评议综合排名'
        errorMessage={ranking.error?.message}
        onRetry={ranking.reload}
      >
        {works.map((ranked) => (
          <View key={ranked.work.id}>
            <View className='story-rank__head story-rank__head--work'>
              <Text className='story-rank__place'>第 {ranked.rank} 名</Text>
              <Text className='story-rank__meta'>综合 {ranked.score.toFixed(1)} 分</Text>
            </View>
            <StoryCardCell card={ranked.work} />
          </View>
        ))}
      </Section>
      <Section
        title='支部参与率'
        status={ranking.status}
        isEmpty={branches.length === 0}
        emptyTitle='还没有支部参加'
        errorMessage={ranking.error?.message}
        onRetry={ranking.reload}
      >
        <Text className='ht-form__note story-rank__note'>按参加的党员占支部人数的比例排名，不看作品总数。</Text>
        {branches.map((branch) => (
          <BranchRow key={branch.branchId} branch={branch} />
        ))}
      </Section>
    </>
  );
}

function CampaignContent({ id }: { id: string }) {
  const { status, campaign, error, reload } = useCampaign(id);
  useReloadOnShow(reload);
  useEffect(() => {
    if (campaign) Taro.setNavigationBarTitle({ title: campaign.title }).catch(() => undefined);
  }, [campaign]);

  if (status === 'loading') {
    return (
      <View className='ht-card'>
        <Skeleton rows={5} />
      </View>
    );
  }
  if (status === 'error' || !campaign) {
    return <ErrorState message={error?.message ?? '找不到这次征集，可能已结束很久或已删除'} onRetry={reload} />;
  }
  return (
    <>
      <About campaign={campaign} />
      <MyBranch campaign={campaign} />
      <CampaignWorks campaign={campaign} />
      <CampaignRanking campaign={campaign} />
    </>
  );
}

export default function StoryCampaignPage() {
  const { params } = useRouter();
  return (
    <PageShell>
      <View className='ht-page__body'>{params.id ? <CampaignContent id={params.id} /> : null}</View>
    </PageShell>
  );
}
