import { Text, View } from '@tarojs/components';
import type { StoryCard } from '../../../types/contracts/story';

/** The secretary's return comment or content security's reason, under a work that needs its author (`story.mine` carries it). */
export function StatusNote({ card }: { card: StoryCard }) {
  if (!card.statusNote) return null;
  return (
    <View className='story-mine__note'>
      <Text>
        {card.status === 'returned' ? '退回意见' : '未通过原因'}：{card.statusNote}
      </Text>
    </View>
  );
}
