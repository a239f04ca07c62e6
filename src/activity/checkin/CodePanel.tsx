import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import type { CheckDirection, IssuedCode } from '../../../types/contracts/checkin';
import { ActionButton } from '../../components/ActionButton';
import { QrCode } from '../../components/QrCode';
import { callFunction } from '../../services/cloud';
import { fenceState } from './fence';
import type { OrganiserLocation } from './useOrganiserLocation';

const QR_SIZE = 260;

type CodeState = { status: 'loading' } | { status: 'ready'; issued: IssuedCode } | { status: 'refused'; message: string };

/**
 * Asks for a code, shows it, and asks again when the server says the next slot begins, for as long
 * as `active` holds (the segment is chosen and the page is in front). A refusal stops the rotation
 * until the organiser retries.
 */
function useRotatingCode(activityId: string, direction: CheckDirection, active: boolean, location: OrganiserLocation) {
  const [state, setState] = useState<CodeState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // Set by 重新定位 for the next issue only; later codes keep the fence it moved.
  const relocateNext = useRef(false);

  useEffect(() => {
    if (!active) return undefined;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const issue = async () => {
      const relocate = relocateNext.current;
      relocateNext.current = false;
      const at = await (relocate ? location.again() : location.once());
      if (stopped) return;
      const result = await callFunction(
        'checkin',
        'issueCode',
        { for: 'activity', activityId, direction, ...(at ? { at } : {}), ...(relocate && at ? { relocate: true } : {}) },
        { silentError: true },
      );
      if (stopped) return;
      if (!result.ok) {
        setState({ status: 'refused', message: result.error.message });
        return;
      }
      setState({ status: 'ready', issued: result.data });
      timer = setTimeout(() => void issue(), result.data.refreshInMs);
    };
    void issue();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [activityId, direction, active, attempt, location]);

  return {
    state,
    retry: () => setAttempt((count) => count + 1),
    relocate: () => {
      relocateNext.current = true;
      setAttempt((count) => count + 1);
    },
  };
}

/** The screen stays lit while a code is up: a dimmed phone on the lectern stops the queue. */
function useKeepScreenOn(): void {
  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp') return undefined;
    void Taro.setKeepScreenOn({ keepScreenOn: true }).catch(() => undefined);
    return () => void Taro.setKeepScreenOn({ keepScreenOn: false }).catch(() => undefined);
  }, []);
}

interface CodePanelProps {
  activityId: string;
  direction: CheckDirection;
  online: boolean;
  active: boolean;
  location: OrganiserLocation;
}

/** 签到码 / 签退码: a QR code that changes every few seconds, for members to scan with WeChat. */
export function CodePanel({ activityId, direction, online, active, location }: CodePanelProps) {
  const { state, retry, relocate } = useRotatingCode(activityId, direction, active, location);
  useKeepScreenOn();
  const what = direction === 'in' ? '签到' : '签退';

  if (state.status === 'loading') {
    return (
      <View className='ht-card checkin-code' aria-busy='true'>
        <Text className='ht-form__note'>正在生成{what}码…</Text>
      </View>
    );
  }
  if (state.status === 'refused') {
    return (
      <View className='ht-card checkin-code' role='alert'>
        <Text className='checkin-code__refusal'>{state.message}</Text>
        <ActionButton size='small' variant='plain' onClick={retry}>
          重试
        </ActionButton>
      </View>
    );
  }
  const { issued } = state;
  const fence = fenceState(issued.fence, online);
  return (
    <View className='ht-card checkin-code'>
      <Text className='checkin-code__hint'>请党员用微信扫码{what}</Text>
      <View className='checkin-code__qr'>
        <QrCode text={issued.qrText} size={QR_SIZE} label={`${what}码`} />
      </View>
      <Text className='checkin-code__text' selectable userSelect>
        {issued.code}
      </Text>
      {/* Re-keyed with every code so the bar restarts; it empties as the next code comes due. */}
      <View className='checkin-code__countdown' aria-hidden='true'>
        <View key={issued.code} className='checkin-code__bar' style={{ animationDuration: `${issued.refreshInMs}ms` }} />
      </View>
      <Text className='ht-form__note'>码每隔几秒自动更换，截图转发无效</Text>
      <View className='checkin-fence'>
        <Text className='checkin-fence__text'>{fence.text}</Text>
        {fence.canRelocate ? (
          <ActionButton size='small' variant='plain' onClick={relocate}>
            重新定位
          </ActionButton>
        ) : null}
      </View>
    </View>
  );
}
