import { Image, Map, ScrollView, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { BaseDetail } from '../../../types/contracts/checkin';
import { BASE_LEVEL_LABELS } from '../../../types/labels';
import { ActionButton } from '../../components/ActionButton';
import { PageShell } from '../../components/PageShell';
import { Section } from '../../components/Section';
import { Tag } from '../../components/Tag';
import { callFunction } from '../../services/cloud';
import { useCloud } from '../../services/useCloud';
import { useReloadOnShow } from '../../services/useReloadOnShow';
import { storyEditUrl, storyFeedUrl } from '../../story/routes';
import { StoryCardCell } from '../../story/StoryCardCell';
import { checkinLandingUrl } from '../routes';
import '../bases.css';

/** Weapp: the native map with the base and its check-in circle; H5: the coordinates and a link to a web map. */
function BaseMap({ base }: { base: BaseDetail }) {
  if (process.env.TARO_ENV === 'h5') {
    const link = `https://uri.amap.com/marker?position=${base.longitude},${base.latitude}&name=${encodeURIComponent(base.name)}&coordinate=gaode`;
    return (
      <View>
        <Text className='ht-card__text'>
          坐标 {base.latitude.toFixed(5)}, {base.longitude.toFixed(5)} · 打卡半径 {base.radiusM} 米
        </Text>
        <View>
          <a href={link} target='_blank' rel='noreferrer'>
            在地图中打开
          </a>
        </View>
      </View>
    );
  }
  return (
    <Map
      className='bases-map'
      latitude={base.latitude}
      longitude={base.longitude}
      scale={15}
      markers={[{ id: 1, latitude: base.latitude, longitude: base.longitude, title: base.name, width: 30, height: 30, iconPath: '' }]}
      circles={[
        {
          latitude: base.latitude,
          longitude: base.longitude,
          radius: base.radiusM,
          color: '#C8161D88',
          fillColor: '#C8161D22',
          strokeWidth: 2,
        },
      ]}
      onError={() => undefined}
    />
  );
}

/** 生成打卡码 (org admins): the base's printed 小程序码, to save and print. */
function BaseCode({ baseId }: { baseId: string }) {
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const generate = async () => {
    setBusy(true);
    const result = await callFunction('checkin', 'baseCode', { baseId });
    setBusy(false);
    if (result.ok) setUrl(result.data.url);
  };
  return (
    <Section title='打卡码' status='ready'>
      {url ? (
        <View className='bases-actions'>
          <Image
            className='bases-code'
            src={url}
            showMenuByLongpress
            ariaLabel='基地打卡码'
            onClick={() => void Taro.previewImage({ urls: [url], current: url })}
          />
          <Text className='ht-form__note'>长按或点开后保存，打印张贴在基地入口；党员用微信扫码即可打卡。</Text>
        </View>
      ) : (
        <ActionButton loading={busy} onClick={() => void generate()}>
          生成打卡码
        </ActionButton>
      )}
    </Section>
  );
}

const RELATED_STORIES = 3;

/** 相关故事: approved works tied to this base, newest first, and the way to write one about it. */
function BaseStories({ baseId, baseName }: { baseId: string; baseName: string }) {
  const feed = useCloud('story', 'feed', { baseId, pageSize: RELATED_STORIES });
  useReloadOnShow(feed.reload);
  const items = feed.data?.items ?? [];
  const open = (url: string) => void Taro.navigateTo({ url });
  return (
    <Section
      title='相关故事'
      extra={items.length > 0 ? { text: '更多 ›', onClick: () => open(storyFeedUrl({ baseId, label: baseName })) } : undefined}
      status={feed.status}
      errorMessage={feed.error?.message}
      onRetry={feed.reload}
      skeletonRows={2}
    >
      {items.map((card) => (
        <StoryCardCell key={card.id} card={card} />
      ))}
      <View className='bases-actions'>
        {items.length === 0 ? <Text className='ht-card__text'>还没有关于这里的故事。来过这里，就写下你的见闻和感受。</Text> : null}
        <ActionButton variant='plain' onClick={() => open(storyEditUrl({ baseId, kind: 'story' }))}>
          写这里的故事
        </ActionButton>
      </View>
    </Section>
  );
}

function BaseDetailContent({ id }: { id: string }) {
  const detail = useCloud('checkin', 'baseDetail', { id });
  const me = useCloud('member', 'me', {});
  const base = detail.data?.base;
  const isOrgAdmin = me.data?.member?.role === 'org_admin' && me.data.member.status === 'active';
  return (
    <View className='ht-page__body'>
      <Section title={base?.name ?? '红色教育基地'} status={detail.status} errorMessage={detail.error?.message} onRetry={detail.reload}>
        {base ? (
          <View className='bases-actions'>
            <View>
              {base.level ? <Tag text={BASE_LEVEL_LABELS[base.level]} /> : null}
              {base.theme ? <Tag text={base.theme} tone='grey' /> : null}
            </View>
            {base.photoUrls.length > 0 ? (
              <ScrollView scrollX className='bases-photos'>
                {base.photoUrls.map((url) => (
                  <Image
                    key={url}
                    className='bases-photos__image'
                    src={url}
                    mode='aspectFill'
                    ariaLabel={`${base.name}照片`}
                    onClick={() => void Taro.previewImage({ urls: base.photoUrls, current: url })}
                  />
                ))}
              </ScrollView>
            ) : null}
            <Text className='ht-card__text'>
              {base.county} · {base.address}
            </Text>
            {base.approximate ? <Text className='ht-form__note'>地图位置为大致范围（如所在县城），请以现场为准。</Text> : null}
            <BaseMap base={base} />
            <ActionButton onClick={() => void Taro.navigateTo({ url: checkinLandingUrl({ baseId: base.id }) })}>到这里打卡</ActionButton>
          </View>
        ) : null}
      </Section>
      {base?.intro ? (
        <Section title='讲解词' status='ready'>
          <Text className='bases-intro'>{base.intro}</Text>
        </Section>
      ) : null}
      {base ? <BaseStories baseId={base.id} baseName={base.name} /> : null}
      {base && isOrgAdmin ? <BaseCode baseId={base.id} /> : null}
    </View>
  );
}

export default function BaseDetailPage() {
  const { params } = useRouter();
  return <PageShell>{params.id ? <BaseDetailContent id={params.id} /> : null}</PageShell>;
}
