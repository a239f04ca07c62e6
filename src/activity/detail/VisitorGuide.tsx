import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { MemberView } from '../../../types/contracts/member';
import { INVITE_CODE_LENGTH, INVITE_CODE_PATTERN } from '../../../types/labels';
import { ActionButton } from '../../components/ActionButton';
import { rememberAfterJoin } from '../../services/afterJoin';
import { activityDetailUrl } from '../routes';
import { FieldErrorLine } from '../../components/FormParts';

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
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    rememberAfterJoin({ url: activityDetailUrl(activityId), title: activityTitle ?? '支部活动' });
  }, [activityId, activityTitle]);

  if (member?.status === 'pending') {
    return (
      <View className='ht-card activity-guide' role='status'>
        <Text className='ht-card__title'>入党组织申请审核中</Text>
        <Text className='ht-card__text'>你申请加入「{member.branchName}」，支部书记审核通过后，回到这里即可报名。</Text>
      </View>
    );
  }

  const join = () => {
    const normalised = code.trim().toUpperCase();
    if (!INVITE_CODE_PATTERN.test(normalised)) {
      setError(`邀请码是 ${INVITE_CODE_LENGTH} 位字母和数字`);
      return;
    }
    void Taro.navigateTo({ url: `/pages/join/index?code=${normalised}` });
  };

  return (
    <View className='ht-card activity-guide'>
      <Text className='ht-card__title'>加入党支部后即可报名</Text>
      <Text className='ht-card__text'>
        报名支部活动需要先加入党支部。请向支部书记索取邀请：点开群里的邀请卡片、扫描邀请二维码，或在下面填写邀请码。加入后会回到这个活动。
      </Text>
      <View className={`ht-field${error ? ' ht-field--error' : ''}`}>
        <Input
          className='ht-input'
          name='inviteCode'
          value={code}
          maxlength={INVITE_CODE_LENGTH}
          placeholder='8 位邀请码'
          onInput={(event) => {
            setCode(event.detail.value);
            setError(null);
          }}
        />
        <FieldErrorLine message={error} />
      </View>
      <ActionButton onClick={join}>用邀请码加入党支部</ActionButton>
    </View>
  );
}
