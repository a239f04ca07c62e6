import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { ActivityDetail } from '../../../types/contracts/activity';
import type { SignUpStatus } from '../../../types/labels';
import { ActionButton } from '../../components/ActionButton';
import { callFunction } from '../../services/cloud';
import { fieldMessage } from '../../services/fieldError';
import { askForReminder } from '../../services/reminder';
import { toast } from '../../utils/toast';
import { ReasonField, useReasonField } from '../../components/FormParts';

export interface SignUpState {
  activity: ActivityDetail;
  mine: SignUpStatus | null;
}

const MINE_COPY: Record<SignUpStatus, { title: string; text: string }> = {
  signed: { title: '你已报名', text: '请按时参加。如不能参加，请取消报名或请假。' },
  waitlisted: { title: '你在候补名单中', text: '有人取消报名时，按报名先后自动递补，递补后会通知你。' },
  leave: { title: '你已请假', text: '支部书记可以在报名名单中看到你的请假原因。' },
  cancelled: { title: '你已取消报名', text: '报名仍开放时可以重新报名。' },
};

interface SignUpPanelProps {
  state: SignUpState;
  /** A new state from the server after an action. */
  onChanged: (next: SignUpState) => void;
  /** An action was refused: fetch what is true now. */
  onRefused: () => void;
}

function LeaveForm({ activityId, onDone, onClose }: { activityId: string; onDone: (next: SignUpState) => void; onClose: () => void }) {
  const reason = useReasonField('请写明请假原因');
  const [sending, setSending] = useState(false);

  const submit = async () => {
    const trimmed = reason.checked();
    if (trimmed === null) return;
    setSending(true);
    const result = await callFunction('activity', 'requestLeave', { id: activityId, reason: trimmed }, { silentError: true });
    setSending(false);
    if (result.ok) {
      toast('已请假', 'success');
      onDone({ activity: result.data.activity, mine: result.data.status });
    } else if (result.error.code === 'INVALID_INPUT' && result.error.field === 'reason') {
      reason.setError(fieldMessage(result.error));
    } else {
      toast(result.error.message);
      onClose();
    }
  };

  return (
    <View className='activity-leave'>
      <ReasonField label='请假原因' name='leaveReason' placeholder='如：出差在外，无法参加' {...reason.field} />
      <View className='activity-actions'>
        <ActionButton loading={sending} onClick={() => void submit()}>
          提交请假
        </ActionButton>
        <ActionButton variant='plain' onClick={onClose}>
          不请假了
        </ActionButton>
      </View>
    </View>
  );
}

/** The member's own place in the activity and the one-tap actions the server allows now. */
export function SignUpPanel({ state, onChanged, onRefused }: SignUpPanelProps) {
  const { activity, mine } = state;
  const [busy, setBusy] = useState<'signUp' | 'cancel' | null>(null);
  const [leaving, setLeaving] = useState(false);

  const signUp = async () => {
    // Must run before any await: WeChat opens the subscribe dialog only inside the tap itself.
    const reminder = askForReminder();
    setBusy('signUp');
    const acceptReminder = await reminder;
    const result = await callFunction('activity', 'signUp', { id: activity.id, acceptReminder });
    setBusy(null);
    if (!result.ok) {
      onRefused();
      return;
    }
    toast(result.data.status === 'waitlisted' ? '已加入候补' : '报名成功', 'success');
    onChanged({ activity: result.data.activity, mine: result.data.status });
  };

  const cancel = async () => {
    const { confirm } = await Taro.showModal({
      title: '取消报名',
      content: mine === 'waitlisted' ? '取消后将退出候补名单。' : '取消后名额会让给候补的同志，确定取消吗？',
      confirmText: '取消报名',
      cancelText: '再想想',
      confirmColor: '#C8161D',
    });
    if (!confirm) return;
    setBusy('cancel');
    const result = await callFunction('activity', 'cancelSignUp', { id: activity.id });
    setBusy(null);
    if (!result.ok) {
      onRefused();
      return;
    }
    toast('已取消报名', 'success');
    onChanged({ activity: result.data.activity, mine: result.data.status });
  };

  const copy = mine ? MINE_COPY[mine] : null;
  const full = activity.seatsLeft === 0;
  // A member already in (or waiting for) a seat needs no reason why a new sign-up is closed.
  const showClosedReason = !activity.can.signUp && activity.signUpClosedReason !== null && mine !== 'signed' && mine !== 'waitlisted';

  return (
    <View className='ht-card activity-signup' aria-label='我的报名'>
      {copy ? (
        <View className={`activity-mine activity-mine--${mine}`} role='status'>
          <Text className='activity-mine__title'>{copy.title}</Text>
          <Text className='ht-card__text'>{copy.text}</Text>
        </View>
      ) : null}
      {showClosedReason ? (
        <View className='activity-closed' role='status'>
          <Text>{activity.signUpClosedReason}</Text>
        </View>
      ) : null}
      {leaving ? (
        <LeaveForm
          activityId={activity.id}
          onDone={(next) => {
            setLeaving(false);
            onChanged(next);
          }}
          onClose={() => setLeaving(false)}
        />
      ) : (
        <View className='activity-actions'>
          {activity.can.signUp ? (
            <ActionButton loading={busy === 'signUp'} disabled={busy !== null} onClick={() => void signUp()}>
              {full && activity.waitlist ? '加入候补' : mine === 'cancelled' ? '重新报名' : '报名'}
            </ActionButton>
          ) : null}
          {activity.can.cancelSignUp ? (
            <ActionButton variant='plain' loading={busy === 'cancel'} disabled={busy !== null} onClick={() => void cancel()}>
              取消报名
            </ActionButton>
          ) : null}
          {activity.can.requestLeave ? (
            <ActionButton variant='plain' disabled={busy !== null} onClick={() => setLeaving(true)}>
              请假
            </ActionButton>
          ) : null}
        </View>
      )}
    </View>
  );
}
