import { Text, View } from '@tarojs/components';
import type { StoryCard } from '../../../types/contracts/story';
import { useCloud } from '../../services/useCloud';

/**
 * The secretary's return comment or content security's reason, under a work that needs its author.
 * A card does not carry them, so each returned or refused work on screen reads its own (an author
 * has few); works in other statuses cost nothing.
 */
function NoteOf({ id, status }: { id: string; status: 'returned' | 'rejected' }) {
  const detail = useCloud('story', 'detail', { id });
  const story = detail.data?.story;
  const text = status === 'returned' ? story?.review?.comment : story?.rejection;
  if (!text) return null;
  return (
    <View className='story-mine__note'>
      <Text>
        {status === 'returned' ? '退回意见' : '未通过原因'}：{text}
      </Text>
    </View>
  );
}

export function StatusNote({ card }: { card: StoryCard }) {
  return card.status === 'returned' || card.status === 'rejected' ? <NoteOf id={card.id} status={card.status} /> : null;
}
