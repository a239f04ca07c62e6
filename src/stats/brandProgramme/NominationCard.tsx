import { Image, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { BrandNominationView } from '../../../types/contracts/brand';
import { BRAND_LABELS, BRAND_NOMINATION_STATUS_LABELS } from '../../../types/labels';
import { Tag } from '../../components/Tag';

/** Photos shown in a list; the rest are counted. */
const THUMBNAILS = 3;

/** `★ 4.6 · 23 人评议`, or `还没有人评分`. */
export function ratingLine(nomination: BrandNominationView): string {
  const { rating } = nomination;
  return rating.average === null ? '评议：还没有人评分' : `评议：★ ${rating.average.toFixed(1)} · ${rating.count} 人`;
}

/** What has been decided about it so far, one line each: 互查, 评议, 验收, 评选. */
function outcomeLines(nomination: BrandNominationView, showRating: boolean): string[] {
  const lines: string[] = [];
  const review = nomination.peerReview;
  if (review) lines.push(`互查 ${review.score} 分（${review.reviewerBranchName}）：${review.comment}`);
  else if (nomination.reviewer) lines.push(`互查单位：${nomination.reviewer.branchName}`);
  if (showRating) lines.push(ratingLine(nomination));
  const acceptance = nomination.acceptance;
  if (acceptance)
    lines.push(acceptance.passed ? `验收通过${acceptance.note ? `：${acceptance.note}` : ''}` : `验收未通过：${acceptance.note}`);
  if (nomination.selection) lines.push(`已评选${nomination.selection.commendation ? ` · ${nomination.selection.commendation}` : ''}`);
  return lines;
}

interface NominationCardProps {
  nomination: BrandNominationView;
  /** From 评议 on the rating is public. */
  showRating: boolean;
  children?: ReactNode;
}

/** One nomination in a list: brand, unit and status, its 简介 and photos, what was decided, and what the caller may do. */
export function NominationCard({ nomination, showRating, children }: NominationCardProps) {
  const photos = nomination.photos.slice(0, THUMBNAILS);
  const more = nomination.photos.length - photos.length;
  return (
    <View className='ht-row brand-nomination' role='group' aria-label={nomination.title}>
      <View className='brand-nomination__head'>
        <Text className='brand-nomination__title'>{nomination.title}</Text>
        <Tag tone={nomination.status === 'failed' ? 'grey' : 'red'} text={BRAND_NOMINATION_STATUS_LABELS[nomination.status]} />
      </View>
      <Text className='brand-nomination__meta'>
        {`${BRAND_LABELS[nomination.brand]} · ${nomination.branchName}${nomination.nominee ? ` · 推荐 ${nomination.nominee.name}` : ''}`}
      </Text>
      <Text className='brand-nomination__description'>{nomination.description}</Text>
      {photos.length > 0 ? (
        <View className='brand-nomination__photos'>
          {photos.map((photo, index) => (
            <Image
              key={photo.fileId}
              className='brand-nomination__photo'
              src={photo.url}
              mode='aspectFill'
              ariaLabel={`第 ${index + 1} 张照片`}
            />
          ))}
          {more > 0 ? <Text className='brand-nomination__more'>+{more}</Text> : null}
        </View>
      ) : null}
      {outcomeLines(nomination, showRating).map((line) => (
        <Text key={line} className='brand-nomination__line'>
          {line}
        </Text>
      ))}
      {children}
    </View>
  );
}
