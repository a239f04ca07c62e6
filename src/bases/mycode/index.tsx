import { Text, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { IssuedCode } from '../../../types/contracts/checkin';
import type { AppError } from '../../../types/result';
import { ErrorState } from '../../components/ErrorState';
import { PageShell } from '../../components/PageShell';
import { QrCode } from '../../components/QrCode';
import { Skeleton } from '../../components/Skeleton';
import { callFunction } from '../../services/cloud';
import '../bases.css';

const QR_SIZE_PX = 260;

/**
 * 反扫: the member's personal code, renewed every slot while the page is in front (a photo of it
 * goes stale within seconds), with the screen kept bright for the organiser's scanner.
 */
function MyCodeContent() {
  const [issued, setIssued] = useState<IssuedCode | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const visible = useRef(true);

  const stop = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  };

  const refresh = useCallback(async () => {
    stop();
    const result = await callFunction('checkin', 'issueCode', { for: 'member' }, { silentError: true });
    if (!visible.current) return;
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(null);
    setIssued(result.data);
    timer.current = setTimeout(() => void refresh(), result.data.refreshInMs);
  }, []);

  useEffect(() => {
    void refresh();
    return () => {
      visible.current = false;
      stop();
    };
  }, [refresh]);

  useDidShow(() => {
    if (process.env.TARO_ENV !== 'h5') void Taro.setKeepScreenOn({ keepScreenOn: true });
    if (!visible.current) {
      visible.current = true;
      void refresh();
    }
  });
  useDidHide(() => {
    visible.current = false;
    stop();
    if (process.env.TARO_ENV !== 'h5') void Taro.setKeepScreenOn({ keepScreenOn: false });
  });

  let body;
  if (error) body = <ErrorState message={error.message} onRetry={() => void refresh()} />;
  else if (!issued) body = <Skeleton rows={4} />;
  else body = <QrCode text={issued.qrText} size={QR_SIZE_PX} label='我的签到码' />;
  return (
    <View className='ht-page__body'>
      <View className='ht-card mycode'>
        <Text className='mycode__title'>出示给组织者扫码签到</Text>
        <View className='mycode__code'>{body}</View>
        <Text className='ht-card__text'>签到码每 10 秒自动更新，截图无效。</Text>
      </View>
    </View>
  );
}

export default function MyCodePage() {
  return (
    <PageShell>
      <MyCodeContent />
    </PageShell>
  );
}
