import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { LoadStatus } from '../services/useCloud';
import { Empty } from './Empty';
import { ErrorState } from './ErrorState';
import { Skeleton } from './Skeleton';

interface SectionProps {
  title: string;
  /** A link-like action in the header, e.g. 全部. */
  extra?: { text: string; onClick: () => void };
  status: LoadStatus;
  isEmpty?: boolean;
  emptyTitle?: string;
  emptyDescription?: string;
  errorMessage?: string;
  onRetry?: () => void;
  skeletonRows?: number;
  children?: ReactNode;
}

/** A titled card that owns its own loading, empty and error states so one failure never blanks a page. */
export function Section({
  title,
  extra,
  status,
  isEmpty = false,
  emptyTitle = '暂无内容',
  emptyDescription,
  errorMessage = '加载失败',
  onRetry = () => undefined,
  skeletonRows,
  children,
}: SectionProps) {
  let body: ReactNode;
  if (status === 'loading') body = <Skeleton rows={skeletonRows} />;
  else if (status === 'error') body = <ErrorState message={errorMessage} onRetry={onRetry} />;
  else if (isEmpty) body = <Empty title={emptyTitle} description={emptyDescription} />;
  else body = children;

  return (
    <View className='ht-section'>
      <View className='ht-section__header'>
        <Text className='ht-section__title'>{title}</Text>
        {extra ? (
          <Text className='ht-section__extra' onClick={extra.onClick}>
            {extra.text}
          </Text>
        ) : null}
      </View>
      <View className='ht-section__body'>{body}</View>
    </View>
  );
}
