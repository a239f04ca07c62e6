import { Text, View } from '@tarojs/components';
import Taro, { useRouter, useShareTimeline } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { ACTIVITY_SCENE_KEY, parseScene } from '../../../core/scene';
import type { ShareCard } from '../../../types/contracts/activity';
import { ACTIVITY_KIND_LABELS, ACTIVITY_STATUS_LABELS, PROGRAMME_ITEM_LABELS } from '../../../types/labels';
import { placeText } from '../../components/ActivityCell';
import { Cell } from '../../components/Cell';
import { ErrorState } from '../../components/ErrorState';
import { PageShell } from '../../components/PageShell';
import { SharePanel } from '../../components/SharePanel';
import { Skeleton } from '../../components/Skeleton';
import { Tag } from '../../components/Tag';
import { forgetAfterJoin } from '../../services/afterJoin';
import { useCloud } from '../../services/useCloud';
import { formatDateTime, formatSeats, formatTimeRange } from '../../utils/format';
import { useShareMessage } from '../../utils/share';
import { layoutActivityCard } from '../../utils/shareCard';
import { useDrawnCard } from '../../utils/useDrawnCard';
import { activityAttendeesUrl, activityCheckinUrl, activityDetailUrl, activityEditUrl } from '../routes';
import { PosterPanel } from './PosterPanel';
import { SignUpPanel, type SignUpState } from './SignUpPanel';
import { VisitorGuide } from './VisitorGuide';
import '../activity.css';

export function shareTitle(card: ShareCard): string {
  return `${card.kindLabel}｜${card.title}`;
}

function cardPath(card: ShareCard): string {
  return `/${card.path.replace(/^\//, '')}`;
}

/** The 5:4 card drawn from `activity.shareCard`, redrawn whenever what it shows changes (seats after a sign-up). */
function useActivityCardImage(card: ShareCard | undefined): string | null {
  const drawn = card
    ? {
        kindLabel: card.kindLabel,
        title: card.title,
        time: formatTimeRange(card.startAt, card.endAt),
        place: placeText(card.place, card.online),
        seats: formatSeats(card.seatsLeft, card.waitlist),
      }
    : null;
  return useDrawnCard(drawn && JSON.stringify(drawn), (measure) => (drawn ? layoutActivityCard(drawn, measure) : []));
}

function Loading() {
  return (
    <View className='ht-card'>
      <Skeleton rows={4} />
    </View>
  );
}

/** What a card in a chat shows, for someone who cannot see the full detail yet. */
function CardPreview({ card }: { card: ShareCard }) {
  return (
    <View className='ht-section'>
      <View className='activity-head'>
        <View className='activity-head__tags'>
          <Tag text={card.kindLabel} />
        </View>
        <Text className='activity-head__title'>{card.title}</Text>
      </View>
      <Cell title='时间' value={formatTimeRange(card.startAt, card.endAt)} />
      <Cell title='地点' value={placeText(card.place, card.online)} />
      <Cell title='名额' value={formatSeats(card.seatsLeft, card.waitlist)} />
    </View>
  );
}

function MemberDetail({
  id,
  card,
  cardImage,
  onChanged,
}: {
  id: string;
  card: ShareCard | undefined;
  cardImage: string | null;
  onChanged: () => void;
}) {
  const detail = useCloud('activity', 'detail', { id });
  // What the last action answered, until the next load replaces it.
  const [changed, setChanged] = useState<SignUpState | null>(null);
  const [showPoster, setShowPoster] = useState(false);
  const state = changed ?? detail.data;

  useEffect(() => {
    forgetAfterJoin();
  }, []);

  if (!state) {
    return detail.status === 'error' ? <ErrorState message={detail.error?.message ?? '加载失败'} onRetry={detail.reload} /> : <Loading />;
  }
  const { activity } = state;
  const open = (url: string) => void Taro.navigateTo({ url });
  const refresh = () => {
    setChanged(null);
    detail.reload();
    onChanged();
  };

  return (
    <>
      <View className='ht-section'>
        <View className='activity-head'>
          <View className='activity-head__tags'>
            <Tag text={ACTIVITY_KIND_LABELS[activity.kind]} />
            {activity.status !== 'published' ? <Tag text={ACTIVITY_STATUS_LABELS[activity.status]} tone='grey' /> : null}
          </View>
          <Text className='activity-head__title'>{activity.title}</Text>
          {activity.cancelReason ? <Text className='activity-head__note'>取消原因：{activity.cancelReason}</Text> : null}
        </View>
        <Cell title='时间' value={formatTimeRange(activity.startAt, activity.endAt)} />
        <Cell title='地点' value={placeText(activity.place, activity.online)} />
        <Cell title='报名截止' value={formatDateTime(activity.signUpDeadline)} />
        <Cell
          title='名额'
          value={<Text aria-label='名额'>{formatSeats(activity.seatsLeft, activity.waitlist)}</Text>}
          description={`已报名 ${activity.signedUpCount} 人${activity.waitlistCount > 0 ? ` · 候补 ${activity.waitlistCount} 人` : ''}${
            activity.capacity !== null ? ` · 共 ${activity.capacity} 个名额` : ''
          }`}
        />
        {activity.countsFor ? <Cell title='计入“六个一”' value={PROGRAMME_ITEM_LABELS[activity.countsFor]} /> : null}
        {activity.studyHours !== null ? <Cell title='学时' value={`${activity.studyHours} 学时`} /> : null}
      </View>
      {activity.description ? (
        <View className='ht-card'>
          <Text className='ht-card__title'>活动介绍</Text>
          <Text className='activity-description'>{activity.description}</Text>
        </View>
      ) : null}
      <SignUpPanel
        state={state}
        onChanged={(next) => {
          setChanged(next);
          onChanged();
        }}
        onRefused={refresh}
      />
      {activity.can.manage ? (
        <View className='ht-section'>
          <Cell title='编辑活动' description='修改时间地点、发布或取消活动' onClick={() => open(activityEditUrl(id))} />
          <Cell
            title='报名名单'
            description='已报名、候补、请假和已取消的同志，可导出 Excel'
            onClick={() => open(activityAttendeesUrl(id))}
          />
          <Cell title='现场签到' description='展示签到码、扫码核验，查看实时签到名单并补录' onClick={() => open(activityCheckinUrl(id))} />
          <Cell title='活动海报' description='活动的小程序码，打印后扫码报名' onClick={() => setShowPoster((shown) => !shown)} />
        </View>
      ) : null}
      {activity.can.manage && showPoster ? <PosterPanel activityId={id} /> : null}
      {activity.status === 'published' && card ? <SharePanel path={cardPath(card)} cardImage={cardImage} copyLabel='复制活动链接' /> : null}
    </>
  );
}

/**
 * A card, a link or a notice opens `?id=<id>`; a scanned poster 小程序码 carries the id in `scene`
 * (URL-encoded `a=<id>`, as activity.posterCode writes it). '' when neither holds one.
 */
export function readActivityId(params: Record<string, string | undefined>): string {
  return params.id || (params.scene ? parseScene(params.scene)[ACTIVITY_SCENE_KEY] : undefined) || '';
}

function DetailContent() {
  const { params } = useRouter();
  const id = readActivityId(params);
  const me = useCloud('member', 'me', {});
  const card = useCloud('activity', 'shareCard', { id });
  const cardImage = useActivityCardImage(card.data);

  useShareMessage(
    card.data
      ? { title: shareTitle(card.data), path: cardPath(card.data), imageUrl: cardImage }
      : { title: '红途 · 支部活动', path: activityDetailUrl(id), imageUrl: null },
  );
  // The timeline hook may keep the first callback it was given; read the newest card through a ref.
  const latest = useRef({ card: card.data, cardImage });
  latest.current = { card: card.data, cardImage };
  useShareTimeline(() => {
    const current = latest.current;
    return {
      title: current.card ? shareTitle(current.card) : '红途 · 支部活动',
      query: `id=${encodeURIComponent(id)}`,
      ...(current.cardImage ? { imageUrl: current.cardImage } : {}),
    };
  });

  let body;
  if (me.status === 'loading') body = <Loading />;
  else if (me.status === 'error' || !me.data) body = <ErrorState message={me.error?.message ?? '加载失败'} onRetry={me.reload} />;
  else if (me.data.member?.status === 'active') {
    body = <MemberDetail id={id} card={card.data} cardImage={cardImage} onChanged={card.reload} />;
  } else {
    // Whether a visitor may read the card is the server's call; the way to join is shown either way.
    body = (
      <>
        {card.status === 'loading' ? <Loading /> : card.data ? <CardPreview card={card.data} /> : null}
        <VisitorGuide activityId={id} activityTitle={card.data?.title} member={me.data.member} />
      </>
    );
  }
  return <View className='ht-page__body activity-detail'>{body}</View>;
}

export default function ActivityDetailPage() {
  return (
    <PageShell>
      <DetailContent />
    </PageShell>
  );
}
