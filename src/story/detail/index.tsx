import { Image, Text, Video, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { StoryView } from '../../../types/contracts/story';
import { STORY_AWARD_LABELS, STORY_KIND_LABELS, STORY_STATUS_LABELS } from '../../../types/labels';
import { activityDetailUrl } from '../../activity/routes';
import { baseDetailUrl } from '../../bases/routes';
import { Cell } from '../../components/Cell';
import { ErrorState } from '../../components/ErrorState';
import { PageShell } from '../../components/PageShell';
import { SharePanel } from '../../components/SharePanel';
import { Skeleton } from '../../components/Skeleton';
import { Tag } from '../../components/Tag';
import { useCloud } from '../../services/useCloud';
import { useReloadOnShow } from '../../services/useReloadOnShow';
import { formatDate, formatDateTime, formatDuration } from '../../utils/format';
import { useShareMessage } from '../../utils/share';
import { layoutStoryCard, type StoryCardData } from '../../utils/shareCard';
import { useDrawnCard } from '../../utils/useDrawnCard';
import { campaignUrl, storyDetailUrl } from '../routes';
import { ratingText, selectionMark, storyHeading } from '../storyText';
import { RatingPanel } from './RatingPanel';
import { AuthorActions, RecommendPanel, ReviewPanel, SelectPanel } from './StoryActions';
import '../reading.css';

/** The page heading: an untitled 心得 is `王建国的心得体会`. */
export function pageTitle(story: Pick<StoryView, 'title' | 'authorName' | 'kind'>): string {
  return story.title.trim() || `${story.authorName}的${STORY_KIND_LABELS[story.kind]}`;
}

export function shareTitle(story: Pick<StoryView, 'title' | 'excerpt' | 'kind'>): string {
  return `${STORY_KIND_LABELS[story.kind]}｜${storyHeading(story)}`;
}

function cardData(story: StoryView): StoryCardData {
  return {
    kindLabel: STORY_KIND_LABELS[story.kind],
    title: storyHeading(story),
    authorName: story.authorName,
    branchName: story.branchName,
    highlight: selectionMark(story)?.text ?? ratingText(story.rating),
  };
}

/** Where the work stands and what happens next, for the author and its reviewers; null once published. */
export function statusNote(story: StoryView, isAuthor: boolean): string | null {
  switch (story.status) {
    case 'draft':
      return '草稿，只有你能看到。写好后提交给支部书记审核。';
    case 'checking':
      return '图片正在进行内容安全检测，通过后交支部书记审核。';
    case 'rejected':
      return `未通过内容安全检测：${story.rejection ?? '请修改后再提交'}`;
    case 'pending':
      return isAuthor
        ? '已提交，等待支部书记审核；审核前可以撤回修改。'
        : `${story.authorName}提交于 ${formatDateTime(story.submittedAt ?? story.updatedAt)}，等待审核。`;
    case 'returned':
      return story.review ? `${story.review.reviewerName}退回修改：${story.review.comment}` : '已退回修改。';
    case 'approved':
      return null;
  }
}

/** The text as written: each line break starts a paragraph; blank lines only separate. */
export function paragraphs(body: string): string[] {
  return body
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

function Loading() {
  return (
    <View className='ht-card'>
      <Skeleton rows={5} />
    </View>
  );
}

function Media({ story }: { story: StoryView }) {
  const urls = story.images.map((image) => image.url);
  return (
    <>
      {story.video ? (
        <View className='story-video'>
          <Video className='story-video__player' src={story.video.url} controls showFullscreenBtn objectFit='contain' />
          <Text className='ht-form__note'>视频时长 {formatDuration(story.video.seconds)}</Text>
        </View>
      ) : null}
      {urls.length > 0 ? (
        <View className='story-images'>
          {urls.map((url, index) => (
            <Image
              key={url}
              className='story-images__image'
              src={url}
              mode='aspectFill'
              lazyLoad
              ariaLabel={`第 ${index + 1} 张图片`}
              onClick={() => void Taro.previewImage({ urls, current: url })}
            />
          ))}
        </View>
      ) : null}
    </>
  );
}

function Marks({ story }: { story: StoryView }) {
  const { campaignId, campaignTitle, activity, base, recommendation, selection } = story;
  const open = (url: string) => void Taro.navigateTo({ url });
  return (
    <View className='ht-section'>
      {campaignId && campaignTitle ? <Cell title='参加征集' value={campaignTitle} onClick={() => open(campaignUrl(campaignId))} /> : null}
      {activity ? <Cell title='关联活动' value={activity.title} onClick={() => open(activityDetailUrl(activity.id))} /> : null}
      {base ? <Cell title='关联基地' value={base.name} onClick={() => open(baseDetailUrl(base.id))} /> : null}
      {recommendation ? (
        <Cell
          title='支部推荐'
          value={`${recommendation.byName} · ${formatDate(recommendation.at)}`}
          description={recommendation.note || undefined}
        />
      ) : null}
      {selection ? <Cell title='择优上报' value={selection.award ? STORY_AWARD_LABELS[selection.award] : '不设奖'} /> : null}
    </View>
  );
}

function hasMarks(story: StoryView): boolean {
  return Boolean((story.campaignId && story.campaignTitle) || story.activity || story.base || story.recommendation || story.selection);
}

function StoryPage({
  story,
  isAuthor,
  setStory,
  reload,
}: {
  story: StoryView;
  isAuthor: boolean;
  setStory: (story: StoryView) => void;
  reload: () => void;
}) {
  const mark = selectionMark(story);
  const note = statusNote(story, isAuthor);
  const actionProps = { story, onChanged: setStory, onRefused: reload };
  return (
    <>
      <View className='ht-section story-head'>
        <View className='story-head__tags'>
          <Tag text={STORY_KIND_LABELS[story.kind]} />
          {story.status !== 'approved' ? <Tag text={STORY_STATUS_LABELS[story.status]} tone='grey' /> : null}
          {mark ? <Tag text={mark.text} tone={mark.tone} /> : null}
        </View>
        <Text className='story-head__title'>{pageTitle(story)}</Text>
        <Text className='story-head__meta'>
          {story.authorName} · {story.branchName} · {formatDate(story.approvedAt ?? story.submittedAt ?? story.updatedAt)}
          {story.words > 0 ? ` · ${story.words} 字` : ''}
        </Text>
        {note ? (
          <View className={`story-status story-status--${story.status}`} role='status'>
            <Text>{note}</Text>
          </View>
        ) : null}
        <AuthorActions {...actionProps} />
      </View>
      {story.body.trim() || story.images.length > 0 || story.video ? (
        <View className='ht-card story-body'>
          {paragraphs(story.body).map((text, index) => (
            <Text key={index} className='story-body__paragraph'>
              {text}
            </Text>
          ))}
          <Media story={story} />
        </View>
      ) : null}
      {hasMarks(story) ? <Marks story={story} /> : null}
      {story.can.review ? <ReviewPanel {...actionProps} /> : null}
      {story.can.recommend ? <RecommendPanel {...actionProps} /> : null}
      {story.can.select ? <SelectPanel {...actionProps} /> : null}
      {story.status === 'approved' ? (
        <RatingPanel
          story={story}
          isAuthor={isAuthor}
          onRated={(rating, myRating) => setStory({ ...story, rating, myRating, can: { ...story.can, rate: false } })}
          onRefused={reload}
        />
      ) : null}
    </>
  );
}

function DetailContent() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const me = useCloud('member', 'me', {});
  const detail = useCloud('story', 'detail', { id });
  // What the last action answered, until the next load replaces it.
  const [changed, setChanged] = useState<StoryView | null>(null);
  const reload = () => {
    setChanged(null);
    detail.reload();
  };
  // Back from the editor or a reviewer's decision elsewhere: show the work as it is now.
  useReloadOnShow(reload);

  const story = changed ?? detail.data?.story;
  // Only a published work is shared: anything else the people in the chat could not open.
  const shared = story?.status === 'approved' ? cardData(story) : null;
  const cardImage = useDrawnCard(shared && JSON.stringify(shared), (measure) => (shared ? layoutStoryCard(shared, measure) : []));
  useShareMessage({ title: story ? shareTitle(story) : '红途 · 红色故事', path: storyDetailUrl(id), imageUrl: cardImage });

  let body;
  if (!story) {
    body = detail.status === 'error' ? <ErrorState message={detail.error?.message ?? '加载失败'} onRetry={detail.reload} /> : <Loading />;
  } else {
    const isAuthor = me.data?.member?.id === story.authorId;
    body = (
      <>
        <StoryPage story={story} isAuthor={isAuthor} setStory={setChanged} reload={reload} />
        {shared ? <SharePanel path={storyDetailUrl(id)} cardImage={cardImage} copyLabel='复制作品链接' /> : null}
      </>
    );
  }
  return <View className='ht-page__body story-detail'>{body}</View>;
}

export default function StoryDetailPage() {
  return (
    <PageShell>
      <DetailContent />
    </PageShell>
  );
}
