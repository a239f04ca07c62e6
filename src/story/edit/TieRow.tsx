import { Text, View } from '@tarojs/components';
import { ActionButton } from '../../components/ActionButton';
import { FieldErrorLine } from '../../components/FormParts';
import { useCloud } from '../../services/useCloud';
import type { Tie } from './draftForm';

function ActivityTitle({ id }: { id: string }) {
  const detail = useCloud('activity', 'detail', { id });
  return <>{detail.data?.activity.title ?? '…'}</>;
}

function BaseName({ id }: { id: string }) {
  const detail = useCloud('checkin', 'baseDetail', { id });
  return <>{detail.data?.base.name ?? '…'}</>;
}

interface TieRowProps {
  of: 'activity' | 'base';
  tie: Tie;
  error?: string;
  onRemove: () => void;
}

/** 关于：the activity or red base the work is about (looked up when a new work was opened from it), with 移除. */
export function TieRow({ of, tie, error, onRemove }: TieRowProps) {
  return (
    <View className='story-tie'>
      <View className='story-tie__main'>
        <Text className='story-tie__label'>关于：</Text>
        <Text className='story-tie__name'>
          {tie.name ?? (of === 'activity' ? <ActivityTitle id={tie.id} /> : <BaseName id={tie.id} />)}
        </Text>
      </View>
      <ActionButton size='small' variant='plain' onClick={onRemove}>
        移除
      </ActionButton>
      <FieldErrorLine message={error} />
    </View>
  );
}
