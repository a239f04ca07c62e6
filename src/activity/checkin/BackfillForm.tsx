import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { CheckinView } from '../../../types/contracts/checkin';
import { ActionButton } from '../../components/ActionButton';
import { ReasonField, useReasonField } from '../../components/FormParts';
import { callFunction } from '../../services/cloud';
import { fieldMessage } from '../../services/fieldError';
import { toast } from '../../utils/toast';

interface BackfillFormProps {
  activityId: string;
  member: { memberId: string; name: string };
  onDone: (checkin: CheckinView) => void;
  onClose: () => void;
}

/** 补录: the organiser vouches that a member was there (a dead phone, no signal); the reason is audited. */
export function BackfillForm({ activityId, member, onDone, onClose }: BackfillFormProps) {
  const reason = useReasonField('请写明补录原因');
  const [sending, setSending] = useState(false);

  const submit = async () => {
    const trimmed = reason.checked();
    if (trimmed === null) return;
    setSending(true);
    const result = await callFunction(
      'checkin',
      'backfill',
      { activityId, memberId: member.memberId, reason: trimmed },
      { silentError: true },
    );
    setSending(false);
    if (!result.ok) {
      reason.setError(result.error.code === 'INVALID_INPUT' ? fieldMessage(result.error) : result.error.message);
      return;
    }
    toast(`已为 ${member.name} 补录签到`, 'success');
    onDone(result.data.checkin);
  };

  return (
    <View className='checkin-backfill' role='dialog' aria-label={`为 ${member.name} 补录签到`}>
      <Text className='ht-form__note'>补录计为已签到，原因和补录人记入操作记录。</Text>
      <ReasonField label='补录原因' name='backfillReason' placeholder='如：手机没电，现场确认到会' {...reason.field} />
      <View className='activity-actions'>
        <ActionButton loading={sending} onClick={() => void submit()}>
          {`确认补录 ${member.name}`}
        </ActionButton>
        <ActionButton variant='plain' disabled={sending} onClick={onClose}>
          取消
        </ActionButton>
      </View>
    </View>
  );
}
