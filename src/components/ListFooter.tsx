import { Text, View } from '@tarojs/components';
import { ActionButton } from './ActionButton';

/** The end of a paged list: 加载更多 while there is more (scrolling to the bottom loads it too). */
export function ListFooter({ hasMore, loadingMore, loadMore }: { hasMore: boolean; loadingMore: boolean; loadMore: () => void }) {
  return (
    <View className='ht-list-footer'>
      {hasMore ? (
        <ActionButton size='small' variant='plain' loading={loadingMore} onClick={loadMore}>
          加载更多
        </ActionButton>
      ) : (
        <Text className='ht-list-footer__text'>没有更多了</Text>
      )}
    </View>
  );
}
