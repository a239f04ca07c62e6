import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { readScannedCheckin } from '../../../core/checkin/link';
import type { CheckDirection } from '../../../types/contracts/checkin';
import { ActionButton } from '../../components/ActionButton';
import { Chips } from '../../components/FormParts';
import { callFunction } from '../../services/cloud';

/** How many verdicts stay listed under the scanner: enough to answer "did it take me?" at the door. */
const RECENT_VERDICTS = 10;

const DIRECTIONS: ReadonlyArray<{ value: CheckDirection; label: string }> = [
  { value: 'in', label: '签到' },
  { value: 'out', label: '签退' },
];

interface Verdict {
  key: number;
  ok: boolean;
  text: string;
}

/** The member's personal code is a bare code; a link or a base code shown by mistake is refused here. */
function personalCode(text: string): string | null {
  const scanned = readScannedCheckin(text);
  return scanned?.kind === 'code' ? scanned.code : null;
}

/** Weapp's camera scanner; null when the organiser closes it. */
async function scanWithCamera(): Promise<string | null> {
  try {
    const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
    return result;
  } catch {
    return null;
  }
}

/**
 * 反扫: the organiser scans the personal code on a member's phone (a member without a camera-ready
 * phone, or an elderly member). Each verdict is listed and the scanner is ready for the next.
 */
export function ScanPanel({ activityId }: { activityId: string }) {
  const [direction, setDirection] = useState<CheckDirection>('in');
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [verdicts, setVerdicts] = useState<Verdict[]>([]);
  const verdictCount = useRef(0);

  const record = (ok: boolean, text: string) => {
    verdictCount.current += 1;
    const verdict = { key: verdictCount.current, ok, text };
    setVerdicts((previous) => [verdict, ...previous].slice(0, RECENT_VERDICTS));
  };

  const verify = async (text: string) => {
    const code = personalCode(text);
    if (code === null) {
      record(false, '这不是党员的个人签到码');
      return;
    }
    setBusy(true);
    const result = await callFunction('checkin', 'scan', { via: 'personal', activityId, code, direction }, { silentError: true });
    setBusy(false);
    if (!result.ok) {
      record(false, result.error.message);
      return;
    }
    setTyped('');
    const { checkin, outcome } = result.data;
    const hours = outcome === 'checkedOut' && checkin.studyHours !== null ? `，计 ${checkin.studyHours} 学时` : '';
    record(true, `${checkin.name} ${outcome === 'checkedIn' ? '签到成功' : `签退成功${hours}`}`);
  };

  const scan = async () => {
    const text = await scanWithCamera();
    if (text !== null) await verify(text);
  };

  return (
    <View className='ht-card checkin-scan'>
      <Text className='ht-card__title'>扫码核验</Text>
      <Text className='ht-form__note'>党员在「我的签到码」出示个人码，由你扫码为其{direction === 'in' ? '签到' : '签退'}。</Text>
      <Chips options={DIRECTIONS} role='radio' label='核验方向' isSelected={(value) => value === direction} onToggle={setDirection} />
      {process.env.TARO_ENV === 'h5' ? (
        <View className='checkin-scan__paste'>
          <Input
            className='ht-input'
            name='personalCode'
            value={typed}
            placeholder='粘贴党员的个人码'
            onInput={(event) => setTyped(event.detail.value)}
            onConfirm={() => void verify(typed)}
          />
          <ActionButton loading={busy} onClick={() => void verify(typed)}>
            核验
          </ActionButton>
        </View>
      ) : (
        <ActionButton loading={busy} onClick={() => void scan()}>
          扫描个人码
        </ActionButton>
      )}
      {verdicts.length > 0 ? (
        <View className='checkin-scan__verdicts' role='log' aria-label='核验结果'>
          {verdicts.map((verdict) => (
            <Text key={verdict.key} className={`checkin-scan__verdict checkin-scan__verdict--${verdict.ok ? 'ok' : 'refused'}`}>
              {verdict.text}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}
