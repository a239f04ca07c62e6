import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import type { MemberView } from '../../../types/contracts/member';
import { ROLE_LABELS } from '../../../types/labels';
import { activityDetailUrl } from '../../activity/routes';
import { CheckinShortcuts } from '../../bases/CheckinShortcuts';
import { Cell } from '../../components/Cell';
import { ActionButton } from '../../components/ActionButton';
import { ActivityCell } from '../../components/ActivityCell';
import { ContestCard } from '../../components/ContestCard';
import { MembershipGate } from '../../components/MembershipGate';
import { PageShell } from '../../components/PageShell';
import { Section } from '../../components/Section';
import { Tag } from '../../components/Tag';
import { useTabBarSelection } from '../../custom-tab-bar/selection';
import { watchCheckinQueue } from '../../services/checkinQueue';
import { useMembership } from '../../services/membership';
import { useCloud } from '../../services/useCloud';
import { useReloadOnShow } from '../../services/useReloadOnShow';
import { PROGRESS_URL } from '../../stats/routes';
import { STORY_FEED_URL, storyEditUrl } from '../../story/routes';
import { StoryCardCell } from '../../story/StoryCardCell';
import { goToTab } from '../../utils/tabs';
import './index.css';

function Greeting({ member }: { member: MemberView }) {
  return (
    <View className='ht-card home-greeting'>
      <Text className='home-greeting__hello'>{member.name}同志，你好</Text>
      <View className='home-greeting__branch'>
        <Text className='ht-card__text'>{member.branchName}</Text>
        <Tag text={ROLE_LABELS[member.role]} />
      </View>
    </View>
  );
}

function OpenContests() {
  const contests = useCloud('quiz', 'contests', { status: 'open' });
  useReloadOnShow(contests.reload);
  const items = contests.data?.items ?? [];
  if (contests.status === 'ready' && items.length === 0) return null;
  return (
    <Section
      title='正在进行的竞赛'
      status={contests.status}
      errorMessage={contests.error?.message}
      onRetry={contests.reload}
      skeletonRows={1}
    >
      {items.map((contest) => (
        <ContestCard key={contest.id} contest={contest} onClick={() => goToTab('quiz')} />
      ))}
    </Section>
  );
}

function UpcomingActivities() {
  const activities = useCloud('activity', 'list', { scope: 'upcoming', pageSize: 3 });
  useReloadOnShow(activities.reload);
  const items = activities.data?.items ?? [];
  if (activities.status === 'ready' && items.length === 0) return null;
  return (
    <Section
      title='近期活动'
      extra={{ text: '全部 ›', onClick: () => goToTab('activities') }}
      status={activities.status}
      errorMessage={activities.error?.message}
      onRetry={activities.reload}
    >
      {items.map((activity) => (
        <ActivityCell key={activity.id} activity={activity} onClick={() => void Taro.navigateTo({ url: activityDetailUrl(activity.id) })} />
      ))}
    </Section>
  );
}

/** 红色故事: the newest approved works, with the way to all of them and to writing one. */
function LatestStories() {
  const feed = useCloud('story', 'feed', { pageSize: 3 });
  useReloadOnShow(feed.reload);
  const items = feed.data?.items ?? [];
  const open = (url: string) => void Taro.navigateTo({ url });
  return (
    <Section
      title='红色故事'
      extra={{ text: '更多 ›', onClick: () => open(STORY_FEED_URL) }}
      status={feed.status}
      errorMessage={feed.error?.message}
      onRetry={feed.reload}
      skeletonRows={2}
    >
      {items.length === 0 ? <Text className='ht-card__text home-stories__none'>还没有发布的作品，来写第一篇吧</Text> : null}
      {items.map((card) => (
        <StoryCardCell key={card.id} card={card} />
      ))}
      <View className='ht-list-footer'>
        <ActionButton size='small' variant='plain' onClick={() => open(storyEditUrl())}>
          写投稿
        </ActionButton>
      </View>
    </Section>
  );
}

/** 我的六个一 at a glance: how many items are done, and the way to the checklist; nothing while no programme runs. */
function ProgrammeProgress() {
  const progress = useCloud('stats', 'myProgress', {});
  useReloadOnShow(progress.reload);
  if (progress.status === 'ready' && !progress.data?.programme) return null;
  const data = progress.data;
  const next = data?.items.find((item) => !item.done && !item.pendingReport);
  return (
    <Section title='我的六个一' status={progress.status} errorMessage={progress.error?.message} onRetry={progress.reload} skeletonRows={1}>
      {data ? (
        <Cell
          title={`已完成 ${data.doneCount}/${data.items.length}`}
          description={next ? `下一项：${next.title}` : data.doneCount === data.items.length ? '全部完成' : '有自报等待书记确认'}
          onClick={() => void Taro.navigateTo({ url: PROGRESS_URL })}
        />
      ) : null}
    </Section>
  );
}

/** Only sections with something in them: a member with nothing open or coming up sees the greeting and the shortcuts. */
function HomeContent() {
  const membership = useMembership();
  // 首页 is where the app starts: from here scans queued offline go out on every return and reconnect.
  useEffect(() => watchCheckinQueue(), []);
  return (
    <View className='home'>
      <View className='home-hero'>
        <Text className='home-hero__title'>红途</Text>
        <Text className='home-hero__subtitle'>学党史 · 悟思想 · 走好新时代的长征路</Text>
      </View>
      <View className='home__body'>
        <MembershipGate state={membership}>
          {(member) => (
            <>
              <Greeting member={member} />
              <CheckinShortcuts />
              <ProgrammeProgress />
              <OpenContests />
              <UpcomingActivities />
              <LatestStories />
            </>
          )}
        </MembershipGate>
      </View>
    </View>
  );
}

export default function HomePage() {
  useTabBarSelection();
  return (
    <PageShell>
      <HomeContent />
    </PageShell>
  );
}
