import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { MemberView } from '../../../types/contracts/member';
import { activityEditUrl } from '../../activity/routes';
import { ActionButton } from '../../components/ActionButton';
import { ActivityList, type ActivityScope as Scope } from '../../components/ActivityList';
import { isManager } from '../../components/ManagerGate';
import { MembershipGate } from '../../components/MembershipGate';
import { PageShell } from '../../components/PageShell';
import { Segments, type Segment } from '../../components/Segments';
import { useMembership } from '../../services/membership';
import { useTabBarSelection } from '../../custom-tab-bar/selection';

const MEMBER_SEGMENTS: Segment<Scope>[] = [
  { key: 'upcoming', label: '即将开始' },
  { key: 'mine', label: '我的' },
  { key: 'past', label: '往期' },
];
const ORGANISER_SEGMENTS: Segment<Scope>[] = [...MEMBER_SEGMENTS, { key: 'managed', label: '管理' }];

const EMPTY_COPY: Record<Scope, { title: string; description: string }> = {
  upcoming: { title: '近期没有安排活动', description: '支部发布新活动后会显示在这里' },
  mine: { title: '你还没有报名活动', description: '在「即将开始」中选择活动，一键报名' },
  past: { title: '还没有往期活动', description: '结束的活动会显示在这里' },
  managed: { title: '还没有发起过活动', description: '点上方「发起活动」，填写后保存草稿或直接发布' },
};

function MemberActivities({ member }: { member: MemberView }) {
  const organiser = isManager(member);
  const [scope, setScope] = useState<Scope>('upcoming');
  return (
    <>
      {organiser ? (
        <View className='ht-card'>
          <ActionButton onClick={() => void Taro.navigateTo({ url: activityEditUrl() })}>发起活动</ActionButton>
        </View>
      ) : null}
      <Segments segments={organiser ? ORGANISER_SEGMENTS : MEMBER_SEGMENTS} value={scope} onChange={setScope} />
      <ActivityList
        key={scope}
        scope={scope}
        title={ORGANISER_SEGMENTS.find((segment) => segment.key === scope)?.label ?? ''}
        emptyTitle={EMPTY_COPY[scope].title}
        emptyDescription={EMPTY_COPY[scope].description}
      />
    </>
  );
}

function ActivitiesContent() {
  // Activities belong to branches: until someone is an active member there is nothing they could join.
  return <MembershipGate state={useMembership()}>{(member) => <MemberActivities member={member} />}</MembershipGate>;
}

export default function ActivitiesPage() {
  useTabBarSelection();
  return (
    <PageShell>
      <View className='ht-page__body'>
        <ActivitiesContent />
      </View>
    </PageShell>
  );
}
