import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { StoryCard } from '../../types/contracts/story';
import { STORY_KIND_LABELS, STORY_STATUS_LABELS, type StoryStatus } from '../../types/labels';
import { Tag } from '../components/Tag';
import { formatDuration } from '../utils/format';
import { storyDetailUrl } from './routes';
import { ratingText, selectionMark, storyHeading } from './storyText';

/** Statuses that ask something of the author are red; the rest only say where the work is. */
const STATUS_TONE: Record<Exclude<StoryStatus, 'approved'>, 'red' | 'grey'> = {
  draft: 'grey',
  checking: 'grey',
  pending: 'grey',
  rejected: 'red',
  returned: 'red',
};

interface StoryCardCellProps {
  card: StoryCard;
  /** Opens the work's page unless the list wants otherwise (a draft opens its editor). */
  onClick?: () => void;
}

/**
 * One work in a list (the feed, my works, a review queue, 首页, a base's page): its cover or a
 * placeholder in its kind's colour, the kind, the title, who wrote it, and the marks it has earned.
 * Its styles are in app.css (.ht-story-card) because 首页 in the main package shows it too.
 */
export function StoryCardCell({ card, onClick }: StoryCardCellProps) {
  const open = onClick ?? (() => void Taro.navigateTo({ url: storyDetailUrl(card.id) }));
  const heading = storyHeading(card);
  const mark = selectionMark(card);
  const rating = ratingText(card.rating);
  return (
    <View className='ht-story-card ht-cell--tappable' hoverClass='ht-cell--pressed' onClick={open} role='link' aria-label={heading}>
      {card.coverUrl ? (
        <Image className='ht-story-card__cover' src={card.coverUrl} mode='aspectFill' lazyLoad ariaLabel={`${heading}的封面`} />
      ) : (
        <View className={`ht-story-card__cover ht-story-card__cover--${card.kind}`}>
          <Text className='ht-story-card__cover-text'>{STORY_KIND_LABELS[card.kind]}</Text>
        </View>
      )}
      <View className='ht-story-card__main'>
        <Text className={`ht-story-card__title${card.title.trim() ? '' : ' ht-story-card__title--excerpt'}`}>{heading}</Text>
        <Text className='ht-story-card__meta'>
          {card.authorName} · {card.branchName}
        </Text>
        {card.campaignTitle ? <Text className='ht-story-card__meta'>参加「{card.campaignTitle}」</Text> : null}
        <View className='ht-story-card__tags'>
          <Tag text={STORY_KIND_LABELS[card.kind]} tone='grey' />
          {card.status !== 'approved' ? <Tag text={STORY_STATUS_LABELS[card.status]} tone={STATUS_TONE[card.status]} /> : null}
          {mark ? <Tag text={mark.text} tone={mark.tone} /> : null}
          {card.videoSeconds !== null ? <Text className='ht-story-card__meta'>▶ {formatDuration(card.videoSeconds)}</Text> : null}
          {rating ? <Text className='ht-story-card__meta'>{rating}</Text> : null}
        </View>
      </View>
    </View>
  );
}
