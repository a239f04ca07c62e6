import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { readScannedCheckin, type ScannedCheckin } from '../../../core/checkin/link';
import type { LocationReading } from '../../../types/contracts/checkin';
import { ActionButton } from '../../components/ActionButton';
import { PageShell } from '../../components/PageShell';
import { Skeleton } from '../../components/Skeleton';
import { FOOTPRINT_URL } from '../../bases/routes';
import { scanCheckinWithCamera } from '../../bases/scan';
import { flushCheckinQueue, queueScan, type QueueableScan } from '../../services/checkinQueue';
import { callFunction, isNetworkFailure } from '../../services/cloud';
import { readLocation } from '../../services/location';
import { uploadToCloud } from '../../services/storage';
import { useCloud } from '../../services/useCloud';
import { TAB_URLS } from '../../utils/tabs';
import { toast } from '../../utils/toast';
import { ManualEntry } from './ManualEntry';
import { Outcome, type OutcomeAction, type ScanOutcome } from './Outcome';
import './landing.css';

const PHOTO_FOLDER = 'checkin-photos';

function decoded(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** `k` (a code passed in-app), `q` (the link WeChat's scanner opened, URL-encoded) or `scene` (a base's 小程序码). */
function scannedFromQuery(params: Record<string, string | undefined>): ScannedCheckin | null {
  const raw =
    params.k ??
    (params.q !== undefined ? decoded(params.q) : undefined) ??
    (params.scene !== undefined ? decoded(params.scene) : undefined);
  return raw ? readScannedCheckin(raw) : null;
}

function BaseHeader({ baseId }: { baseId: string }) {
  const base = useCloud('checkin', 'baseDetail', { id: baseId });
  if (base.status === 'loading') return <Skeleton rows={1} />;
  // Offline at a remote base the name may not load; the check-in can still be queued.
  const name = base.data?.base.name ?? '红色教育基地';
  return (
    <View className='landing-base'>
      <Text className='landing-base__label'>基地打卡</Text>
      <Text className='landing-base__name'>{name}</Text>
      {base.data ? <Text className='ht-card__text'>{base.data.base.address}</Text> : null}
    </View>
  );
}

/** Weapp: a photo from the camera only (proof of being there, not an album picture). */
function PhotoStep({ photo, onPhoto }: { photo: string | null; onPhoto: (path: string | null) => void }) {
  const take = async () => {
    try {
      const { tempFiles } = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sourceType: ['camera'], sizeType: ['compressed'] });
      const [file] = tempFiles;
      if (file) onPhoto(file.tempFilePath);
    } catch {
      // Cancelled: the photo stays optional.
    }
  };
  return (
    <View className='landing-photo'>
      {photo ? <Image className='landing-photo__preview' src={photo} mode='aspectFill' ariaLabel='打卡照片' /> : null}
      <ActionButton variant='plain' size='small' onClick={() => void take()}>
        {photo ? '重拍' : '拍照留念（可选）'}
      </ActionButton>
      {photo ? (
        <ActionButton variant='plain' size='small' onClick={() => onPhoto(null)}>
          不留照片
        </ActionButton>
      ) : null}
    </View>
  );
}

async function uploadPhoto(path: string): Promise<string | undefined> {
  try {
    return await uploadToCloud(PHOTO_FOLDER, 'jpg', { path });
  } catch {
    toast('照片未能上传，本次打卡不留照片');
    return undefined;
  }
}

/** Location for a base is required; for a rotating code only the server knows whether the activity has a fence. */
async function scanInput(target: ScannedCheckin, photo: string | null): Promise<QueueableScan | null> {
  if (target.kind === 'code') {
    const location = await readLocation();
    return location ? { via: 'code', code: target.code, location } : { via: 'code', code: target.code };
  }
  const location: LocationReading | null = await readLocation('打卡');
  if (!location) return null;
  const photoFileId = photo ? await uploadPhoto(photo) : undefined;
  return photoFileId ? { via: 'base', baseId: target.baseId, location, photoFileId } : { via: 'base', baseId: target.baseId, location };
}

async function send(input: QueueableScan, scannedAt: Date): Promise<ScanOutcome> {
  const result = await callFunction('checkin', 'scan', input, { silentError: true });
  if (result.ok) return { kind: 'done', output: result.data };
  if (isNetworkFailure(result)) {
    queueScan(input, scannedAt);
    return { kind: 'queued', scannedAt: scannedAt.toISOString() };
  }
  if (result.error.code === 'DUPLICATE') return { kind: 'duplicate', message: result.error.message };
  if (result.error.code === 'UNAUTHENTICATED') return { kind: 'notMember' };
  return { kind: 'refused', error: result.error };
}

const goHome = () => void Taro.switchTab({ url: TAB_URLS.home });

function LandingContent() {
  const { params } = useRouter();
  const [target, setTarget] = useState<ScannedCheckin | null>(() => scannedFromQuery(params));
  const [manual, setManual] = useState(params.manual === '1' || target === null);
  const [photo, setPhoto] = useState<string | null>(null);
  const [step, setStep] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<ScanOutcome | null>(null);

  // Whatever an earlier visit left queued goes out whenever this page shows.
  useDidShow(() => void flushCheckinQueue());

  const checkIn = async (scanned: ScannedCheckin) => {
    const scannedAt = new Date();
    setOutcome(null);
    setStep('正在获取位置…');
    const input = await scanInput(scanned, photo);
    if (!input) {
      setStep(null);
      setOutcome({ kind: 'noLocation' });
      return;
    }
    setStep(scanned.kind === 'code' ? '正在签到…' : '正在打卡…');
    const answer = await send(input, scannedAt);
    setStep(null);
    setOutcome(answer);
  };

  // A rotating code lives 10–20 s: it is sent at once. A base waits for the tap (and the optional photo).
  const started = useRef(false);
  useEffect(() => {
    if (started.current || target?.kind !== 'code') return;
    started.current = true;
    void checkIn(target);
  });

  const read = (scanned: ScannedCheckin) => {
    setManual(false);
    setTarget(scanned);
    setOutcome(null);
    started.current = scanned.kind === 'code';
    if (scanned.kind === 'code') void checkIn(scanned);
  };

  const rescan =
    process.env.TARO_ENV === 'h5'
      ? null
      : async () => {
          const scanned = await scanCheckinWithCamera();
          if (scanned) read(scanned);
        };

  const actionsAfter = (shown: ScanOutcome): OutcomeAction[] => {
    if (shown.kind === 'done' || shown.kind === 'duplicate') {
      return [
        { label: '查看我的足迹', onClick: () => void Taro.redirectTo({ url: FOOTPRINT_URL }), variant: 'primary' },
        { label: '返回首页', onClick: goHome },
      ];
    }
    if (shown.kind === 'notMember' || shown.kind === 'queued') return [{ label: '返回首页', onClick: goHome, variant: 'primary' }];
    const retry = target ? [{ label: '重试', onClick: () => target && void checkIn(target), variant: 'primary' as const }] : [];
    const again = rescan ? [{ label: '重新扫码', onClick: () => void rescan() }] : [];
    return [...retry, ...again, { label: '输入签到码', onClick: () => setManual(true) }];
  };

  return (
    <View className='ht-page__body landing'>
      {target?.kind === 'base' ? (
        <View className='ht-card'>
          <BaseHeader baseId={target.baseId} />
          {process.env.TARO_ENV !== 'h5' && !outcome ? <PhotoStep photo={photo} onPhoto={setPhoto} /> : null}
          {!outcome ? (
            <ActionButton loading={step !== null} onClick={() => void checkIn(target)}>
              到此打卡
            </ActionButton>
          ) : null}
        </View>
      ) : null}
      {step ? (
        <View className='landing-outcome landing-outcome--wait' role='status'>
          <Text className='landing-outcome__title'>{step}</Text>
        </View>
      ) : null}
      {outcome && !step ? <Outcome outcome={outcome} actions={actionsAfter(outcome)} /> : null}
      {manual ? <ManualEntry onRead={read} /> : null}
      {!manual && !step ? (
        <View className='landing-links'>
          {rescan ? (
            <Text className='landing-links__link' onClick={() => void rescan()}>
              扫一扫
            </Text>
          ) : null}
          <Text className='landing-links__link' onClick={() => setManual(true)}>
            输入签到码
          </Text>
        </View>
      ) : null}
    </View>
  );
}

export default function CheckinLandingPage() {
  return (
    <PageShell>
      <LandingContent />
    </PageShell>
  );
}
