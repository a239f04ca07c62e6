import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { ActionInput } from '../../types/contracts';
import { PRIVACY_API_ENTRIES, PRIVACY_SELF_COLLECTED } from '../../types/privacy';
import { callFunction } from '../services/cloud';
import { ActionButton } from './ActionButton';

interface PrivacyConsentProps {
  privacyVersion: string;
  onAccepted: () => void;
}

/** Shown instead of anything personal until the member accepts the current privacy guide. */
export function PrivacyConsent({ privacyVersion, onAccepted }: PrivacyConsentProps) {
  const [submitting, setSubmitting] = useState(false);

  const accept = async () => {
    setSubmitting(true);
    // The server owns the current version; we echo what member.me reported and it re-validates.
    const input = { version: privacyVersion } as ActionInput<'member', 'acceptPrivacy'>;
    const result = await callFunction('member', 'acceptPrivacy', input);
    setSubmitting(false);
    if (result.ok) onAccepted();
  };

  return (
    <View className='ht-card ht-privacy'>
      <Text className='ht-card__title'>个人信息保护指引</Text>
      <View className='ht-privacy__body'>
        <Text className='ht-privacy__paragraph'>为了组织支部学习活动，红途只收集和使用以下信息，各自只用于所写的用途：</Text>
        {[...PRIVACY_SELF_COLLECTED, ...PRIVACY_API_ENTRIES].map((entry) => (
          <Text key={entry.key} className='ht-privacy__paragraph'>
            {entry.label}：为了{entry.purpose}。
          </Text>
        ))}
        <Text className='ht-privacy__paragraph'>
          这些信息只用于支部组织生活管理和学习统计，不会提供给无关的第三方。你可以随时在「我的」中导出或删除个人数据。
        </Text>
        <Text className='ht-privacy__paragraph'>
          删除个人数据后，为防止重复参赛，在进行中的竞赛结束前保留加密后的微信标识与已用答题次数。输错邀请码、签到码或手机后四位的次数会短期记录，以防猜测。
        </Text>
        <Text className='ht-privacy__version'>指引版本：{privacyVersion}</Text>
      </View>
      <ActionButton loading={submitting} onClick={() => void accept()}>
        同意并继续
      </ActionButton>
    </View>
  );
}
