import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import { ROLE_LABELS } from '../../../types/labels';
import { activityDetailUrl } from '../../activity/routes';
import { CheckinShortcuts } from '../../bases/CheckinShortcuts';
import { ActivityCell } from '../../components/ActivityCell';
import { ContestCard } from '../../components/ContestCard';
import { ErrorState } from '../../components/ErrorState';
import { JoinHint } from '../../components/JoinHint';
import { PageShell } from '../../components/PageShell';
import { PrivacyConsent } from '../../components/PrivacyConsent';
import { Section } from '../../components/Section';
import { Skeleton } from '../../components/Skeleton';
import { Tag } from '../../components/Tag';
import { watchCheckinQueue } from '../../services/checkinQueue';
import { useCloud } from '../../services/useCloud';
import { useReloadOnShow } from '../../services/useReloadOnShow';
import { goToTab } from '../../utils/tabs';
import './index.css';

function Greeting() {
  const me = useCloud('member', 'me', {});
  useReloadOnShow(me.reload);

  if (me.status === 'loading')
    return (
      <View className='ht-card'>
        <Skeleton rows={1} />
      </View>
    );
  if (me.status === 'error' || !me.data) {
    return (
      <View className='ht-card'>
        <ErrorState message={me.error?.message ?? '加载失败'} onRetry={me.reload} />
      </View>
    );
  }
  const { privacyAccepted, privacyVersion, member } = me.data;
  if (!privacyAccepted) return <PrivacyConsent privacyVersion={privacyVersion} onAccepted={me.reload} />;
  if (!member) return <JoinHint />;
  return (
    <>
      <View className='ht-card home-greeting'>
        <Text className='home-greeting__hello'>{member.name}同志，你好</Text>
        <View className='home-greeting__branch'>
          <Text className='ht-card__text'>{member.branchName}</Text>
          <Tag text={ROLE_LABELS[member.role]} />
        </View>
      </View>
      <CheckinShortcuts />
    </>
  );
}

function OpenContests() {
  const contests = useCloud('quiz', 'contests', { status: 'open' });
  const items = contests.data?.items ?? [];
  return (
    <Section
      title='正在进行的竞赛'
      status={contests.status}
      isEmpty={items.length === 0}
      emptyTitle='暂无进行中的知识竞赛'
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
  const items = activities.data?.items ?? [];
  return (
    <Section
      title='近期活动'
      extra={{ text: '全部 ›', onClick: () => goToTab('activities') }}
      status={activities.status}
      isEmpty={items.length === 0}
      emptyTitle='近期没有安排活动'
      emptyDescription='支部发布新活动后会显示在这里'
      errorMessage={activities.error?.message}
      onRetry={activities.reload}
    >
      {items.map((activity) => (
        <ActivityCell key={activity.id} activity={activity} onClick={() => void Taro.navigateTo({ url: activityDetailUrl(activity.id) })} />
      ))}
    </Section>
  );
}

function StudyProgress() {
  return (
    <Section
      title='“六个一”学习进度'
      status='ready'
      isEmpty
      emptyTitle='学习进度统计即将上线'
      emptyDescription='届时可在这里查看本人和支部的完成情况'
    />
  );
}

function HomeContent() {
  // 首页 is where the app starts: from here scans queued offline go out on every return and reconnect.
  useEffect(() => watchCheckinQueue(), []);
  return (
    <View className='home'>
      <View className='home-hero'>
        <Text className='home-hero__title'>红途</Text>
        <Text className='home-hero__subtitle'>学党史 · 悟思想 · 走好新时代的长征路</Text>
      </View>
      <View className='home__body'>
        <Greeting />
        <OpenContests />
        <UpcomingActivities />
        <StudyProgress />
      </View>
    </View>
  );
}

export default function HomePage() {
  return (
    <PageShell>
      <HomeContent />
    </PageShell>
  );
}
