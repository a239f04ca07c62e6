import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { RatingSummary, StoryView } from '../../../types/contracts/story';
import { ActionButton } from '../../components/ActionButton';
import { StarPicker } from '../../components/StarPicker';
import { callFunction } from '../../services/cloud';
import { toast } from '../../utils/toast';

/** `你的评分 4 · 平均 4.6（23 人）`, `平均 4.6（23 人）` or `还没有人评分`. */
export function ratingSummaryText(rating: RatingSummary, myRating: number | null): string {
  const average = rating.average === null ? '还没有人评分' : `平均 ${rating.average.toFixed(1)}（${rating.count} 人）`;
  return myRating === null ? average : `你的评分 ${myRating} · ${average}`;
}

interface RatingPanelProps {
  story: StoryView;
  isAuthor: boolean;
  onRated: (rating: RatingSummary, myRating: number) => void;
  /** The server refused (already rated elsewhere, rating closed): the page reloads the work. */
  onRefused: () => void;
}

/** 群众评议: one to five stars, once per member; the average and how many rated. */
export function RatingPanel({ story, isAuthor, onRated, onRefused }: RatingPanelProps) {
  const [chosen, setChosen] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  const rate = async () => {
    if (chosen === null || busy) return;
    setBusy(true);
    const result = await callFunction('story', 'rate', { id: story.id, score: chosen });
    setBusy(false);
    if (!result.ok) {
      onRefused();
      return;
    }
    toast('评分成功', 'success');
    onRated(result.data.rating, result.data.myRating);
  };

  let why: string | null = null;
  if (!story.can.rate && story.myRating === null) why = isAuthor ? '不能给自己的作品评分' : '评议已结束';

  return (
    <View className='ht-card story-rating' aria-label='群众评议'>
      <Text className='ht-card__title'>群众评议</Text>
      <View className='story-rating__summary' role='status'>
        <Text>{ratingSummaryText(story.rating, story.myRating)}</Text>
      </View>
      {story.can.rate ? (
        <>
          <StarPicker value={chosen} onChange={setChosen} />
          <Text className='ht-form__note'>每人只能评一次，提交后不能修改。</Text>
          <ActionButton loading={busy} disabled={chosen === null} onClick={() => void rate()}>
            {chosen === null ? '点星星评分' : `提交 ${chosen} 星评分`}
          </ActionButton>
        </>
      ) : null}
      {why ? <Text className='ht-form__note'>{why}</Text> : null}
    </View>
  );
}
