import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { ActionButton } from '../../components/ActionButton';
import { callFunction } from '../../services/cloud';
import { toast } from '../../utils/toast';
import { downloadToTempFile, failureMessage } from '../../utils/download';

type CodeState = { status: 'loading' } | { status: 'error' } | { status: 'ready'; url: string };

/** WeChat's words for a refused 相册 permission: "auth deny" (Android), "auth denied" (iOS), or no answer to the dialog. */
const ALBUM_REFUSED = /auth deny|auth denied|authorize no response/;

/** Weapp: fetch the code and save it; a refused permission is explained and the settings page offered. */
async function saveToAlbum(url: string): Promise<void> {
  try {
    const filePath = await downloadToTempFile(url);
    await Taro.saveImageToPhotosAlbum({ filePath });
    toast('已保存到相册', 'success');
  } catch (error) {
    const message = failureMessage(error);
    if (message.includes('cancel')) return;
    if (!ALBUM_REFUSED.test(message)) {
      toast('保存失败，请重试');
      return;
    }
    const { confirm } = await Taro.showModal({
      title: '需要相册权限',
      content: '保存海报需要允许红途“添加到相册”。请在设置中打开“相册”，再回来保存。',
      confirmText: '去设置',
      cancelText: '暂不',
    });
    if (confirm) await Taro.openSetting();
  }
}

/** For organisers: the activity's 小程序码 to print on a poster; scanning it opens this page. */
export function PosterPanel({ activityId }: { activityId: string }) {
  const [code, setCode] = useState<CodeState>({ status: 'loading' });
  const [saving, setSaving] = useState(false);
  const load = useCallback(async () => {
    setCode({ status: 'loading' });
    const result = await callFunction('activity', 'posterCode', { id: activityId }, { silentError: true });
    setCode(result.ok ? { status: 'ready', url: result.data.url } : { status: 'error' });
  }, [activityId]);
  useEffect(() => {
    void load();
  }, [load]);

  let body;
  if (code.status === 'loading') {
    body = <View className='activity-poster__code activity-poster__code--placeholder' aria-busy='true' aria-label='小程序码生成中' />;
  } else if (code.status === 'error') {
    body = (
      <View className='activity-poster__code activity-poster__code--placeholder' onClick={() => void load()}>
        <Text className='activity-poster__retry'>小程序码生成失败，点此重试</Text>
      </View>
    );
  } else {
    const { url } = code;
    body = (
      <>
        <Image
          className='activity-poster__code'
          src={url}
          showMenuByLongpress
          ariaLabel='活动小程序码'
          onClick={() => void Taro.previewImage({ urls: [url], current: url })}
        />
        <Text className='ht-form__note'>打印贴在会场或发到群里，扫码即可查看活动并报名。点开放大，长按可保存或转发。</Text>
        {process.env.TARO_ENV === 'weapp' ? (
          <ActionButton
            variant='plain'
            loading={saving}
            onClick={async () => {
              setSaving(true);
              await saveToAlbum(url);
              setSaving(false);
            }}
          >
            保存到相册
          </ActionButton>
        ) : null}
      </>
    );
  }

  return (
    <View className='ht-card activity-poster' aria-label='活动海报'>
      <Text className='ht-card__title'>活动海报</Text>
      {body}
    </View>
  );
}
