import { View } from '@tarojs/components';
import { ErrorState } from './ErrorState';
import { Skeleton } from './Skeleton';

interface LoadingOrFailedProps {
  loading: boolean;
  /** The failure's own words; 加载失败 when there are none (an answer that came back empty). */
  message?: string;
  onRetry: () => void;
}

/** Where a record being read for editing will stand: a card of placeholder bars while it loads, else the failure with a retry. */
export function LoadingOrFailed({ loading, message, onRetry }: LoadingOrFailedProps) {
  if (loading) {
    return (
      <View className='ht-card'>
        <Skeleton rows={6} />
      </View>
    );
  }
  return <ErrorState message={message ?? '加载失败'} onRetry={onRetry} />;
}
