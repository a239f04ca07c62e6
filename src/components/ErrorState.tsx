import { Text, View } from '@tarojs/components';
import { ActionButton } from './ActionButton';

interface ErrorStateProps {
  message: string;
  onRetry: () => void;
}

export function ErrorState({ message, onRetry }: ErrorStateProps) {
  return (
    <View className='ht-error' role='alert'>
      <Text className='ht-error__message'>{message}</Text>
      <ActionButton size='small' variant='plain' onClick={onRetry}>
        重试
      </ActionButton>
    </View>
  );
}
