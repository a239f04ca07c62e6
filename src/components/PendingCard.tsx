import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { callFunction } from '../services/cloud';
import { formatDate } from '../utils/format';
import { toast } from '../utils/toast';
import { ActionButton } from './ActionButton';

interface PendingCardProps {
  branchName: string;
  appliedAt: string;
  /** After a withdrawal, so the page moves on to the join guide. */
  onWithdrawn: () => void;
}

/** An applicant waiting for the secretary: where they applied, since when, and how to take it back. */
export function PendingCard({ branchName, appliedAt, onWithdrawn }: PendingCardProps) {
  const [withdrawing, setWithdrawing] = useState(false);

  const withdraw = async () => {
    const confirmed = await Taro.showModal({
      title: '撤回申请',
      content: `撤回后，「${branchName}」的支部书记将不再看到你的申请。之后仍可用邀请重新申请。`,
      confirmText: '撤回',
      confirmColor: '#C8161D',
    });
    if (!confirmed.confirm) return;
    setWithdrawing(true);
    const result = await callFunction('member', 'withdrawJoin', {});
    setWithdrawing(false);
    if (!result.ok) return;
    toast('已撤回申请');
    onWithdrawn();
  };

  return (
    <View className='ht-card ht-pending' role='status'>
      <Text className='ht-card__title'>待审核</Text>
      <Text className='ht-card__text'>
        你于 {formatDate(appliedAt)} 申请加入「{branchName}」，正在等待支部书记审核。审核通过后，打开红途即可报名支部活动、参加知识竞赛。
      </Text>
      <ActionButton variant='plain' loading={withdrawing} onClick={() => void withdraw()}>
        撤回申请
      </ActionButton>
    </View>
  );
}
