import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import type { MemberView } from '../../../types/contracts/member';
import { InviteCodeEntry } from '../../components/InviteCodeEntry';
import { rememberAfterJoin } from '../../services/afterJoin';
import { joinUrl } from '../../services/invite';
import { activityDetailUrl } from '../routes';

interface VisitorGuideProps {
  activityId: string;
  /** Unknown when the card could not be read. */
  activityTitle: string | undefined;
  /** The caller's profile if they have one that is not (yet, or any longer) active. */
  member: MemberView | null;
}

/**
 * Someone who opened a shared card before belonging to a branch: how to join, and a promise that
 * joining brings them back here (the join page offers the way back).
 */
export function VisitorGuide({ activityId, activityTitle, member }: VisitorGuideProps) {
  useEffect(() => {
    rememberAfterJoin({ url: activityDetailUrl(activityId), title: activityTitle ?? '支部活动' });
  }, [activityId, activityTitle]);

  if (member?.status === 'pending') {
    return (
      <View className='ht-card activity-guide' role='status'>
        <Text className='ht-card__title'>加入党支部申请待审核</Text>
        <Text className='ht-card__text'>你申请加入「{member.branchName}」，支部书记审核通过后，回到这里即可报名。</Text>
      </View>
    );
  }

  return (
    <View className='ht-card activity-guide'>
      <Text className='ht-card__title'>加入党支部后即可报名</Text>
      <Text className='ht-card__text'>
        报名支部活动需要先加入党支部。请向支部书记索取邀请：点开群里的邀请卡片、扫描邀请二维码，或在下面填写邀请码。加入后会回到这个活动。
      </Text>
      <InviteCodeEntry onCode={(code) => void Taro.navigateTo({ url: joinUrl(code) })} />
    </View>
  );
}
