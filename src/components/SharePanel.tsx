import { Button, Image, Text, View } from '@tarojs/components';
import { copyText, h5Link } from '../utils/share';
import { ActionButton } from './ActionButton';

interface SharePanelProps {
  /** The page the card opens, e.g. `/activity/detail/index?id=…`. */
  path: string;
  /** The drawn 5:4 card, previewed as the chat will show it; null while drawing. */
  cardImage: string | null;
  /** H5 has no chat to share to: the button copies the page's link instead, e.g. 复制活动链接. */
  copyLabel: string;
}

/** 分享到支部群: WeChat's share button with a preview of the drawn card; on H5 the link to copy. */
export function SharePanel({ path, cardImage, copyLabel }: SharePanelProps) {
  const link = process.env.TARO_ENV === 'h5' ? h5Link(path) : null;
  return (
    <View className='ht-card ht-share'>
      <Text className='ht-card__title'>分享到支部群</Text>
      {link ? (
        <>
          <Text className='ht-share__link' selectable userSelect>
            {link}
          </Text>
          <ActionButton onClick={() => copyText(link, '链接已复制，可粘贴到支部群')}>{copyLabel}</ActionButton>
        </>
      ) : (
        <Button className='ht-button ht-button--primary' openType='share'>
          分享到群
        </Button>
      )}
      {cardImage ? <Image className='ht-share__card' src={cardImage} ariaLabel='分享卡片预览' /> : null}
    </View>
  );
}
