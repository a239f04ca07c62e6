import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState, type ComponentType } from 'react';
import { ActionButton } from '../../components/ActionButton';
import { Field } from '../../components/FormParts';
import type { H5FileInputProps } from '../../components/H5FileInput';
import type { UploadSource } from '../../services/transport';
import { uploadToCloud } from '../../services/storage';

/** A phone photo after WeChat's compression is well under this; anything larger is not meant as a cover. */
const MAX_COVER_BYTES = 5 * 1024 * 1024;
const COVER_FOLDER = 'activity-covers';

/* The native file input exists only on H5; the constant branch keeps it out of the weapp bundle. */
const H5FileInput: ComponentType<H5FileInputProps> | null =
  process.env.TARO_ENV === 'h5' ? require('../../components/H5FileInput').H5FileInput : null;

/** A picked image: what to upload, how big it is, and a local address to preview it before it is stored. */
interface PickedImage {
  source: UploadSource;
  size: number;
  extension: string;
  previewUrl: string;
}

function imageExtension(name: string): string {
  const match = /\.(jpe?g|png|webp|gif)$/i.exec(name);
  return match?.[1]?.toLowerCase() ?? 'jpg';
}

/** Weapp: one photo from the album or camera, compressed by WeChat; null when cancelled. */
async function chooseImageInWeapp(): Promise<PickedImage | null> {
  let chosen: Taro.chooseMedia.SuccessCallbackResult;
  try {
    chosen = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['compressed'] });
  } catch {
    return null;
  }
  const file = chosen.tempFiles[0];
  if (!file) return null;
  return {
    source: { path: file.tempFilePath },
    size: file.size,
    extension: imageExtension(file.tempFilePath),
    previewUrl: file.tempFilePath,
  };
}

function imageFromBrowserFile(file: File): PickedImage {
  return { source: { blob: file }, size: file.size, extension: imageExtension(file.name), previewUrl: URL.createObjectURL(file) };
}

interface CoverPickerProps {
  /** The cover shown now: the saved activity's link or the just-uploaded image's local preview; null for none. */
  previewUrl: string | null;
  /** The server's refusal of the cover, e.g. a file no longer in storage. */
  error?: string;
  onUploadingChange: (uploading: boolean) => void;
  onUploaded: (fileId: string, previewUrl: string) => void;
  onRemoved: () => void;
}

/** Choose an image, store it under activity-covers/ with its progress on screen, preview it, or remove it. */
export function CoverPicker({ previewUrl, error, onUploadingChange, onUploaded, onRemoved }: CoverPickerProps) {
  const [percent, setPercent] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const uploading = percent !== null;

  const upload = async (picked: PickedImage) => {
    if (picked.size > MAX_COVER_BYTES) {
      setProblem(`图片 ${(picked.size / 1024 / 1024).toFixed(1)} MB，超过 5 MB，请换一张或裁剪后再选`);
      return;
    }
    setProblem(null);
    setPercent(0);
    onUploadingChange(true);
    try {
      const fileId = await uploadToCloud(COVER_FOLDER, picked.extension, picked.source, setPercent);
      onUploaded(fileId, picked.previewUrl);
    } catch {
      setProblem('封面上传失败，请检查网络后重新选择');
    }
    setPercent(null);
    onUploadingChange(false);
  };

  const chooseInWeapp = async () => {
    const picked = await chooseImageInWeapp();
    if (picked) await upload(picked);
  };

  const chooseLabel = previewUrl ? '更换封面' : '选择封面图片';
  return (
    <Field label='封面（选填）' error={problem ?? error} hint='建议用横图，不超过 5 MB'>
      {previewUrl ? <Image className='activity-cover__preview' src={previewUrl} mode='aspectFill' ariaLabel='封面预览' /> : null}
      {uploading ? (
        <View className='activity-cover__progress' role='progressbar' aria-label='封面上传进度'>
          <View className='activity-cover__track'>
            <View className='activity-cover__bar' style={{ width: `${percent}%` }} />
          </View>
          <Text className='activity-cover__percent'>正在上传封面 {percent}%</Text>
        </View>
      ) : null}
      <View className='activity-cover__actions'>
        {H5FileInput ? (
          <H5FileInput
            label={chooseLabel}
            accept='image/*'
            inputLabel='选择封面图片'
            disabled={uploading}
            onPicked={(file) => void upload(imageFromBrowserFile(file))}
          />
        ) : (
          <ActionButton variant='plain' disabled={uploading} onClick={() => void chooseInWeapp()}>
            {chooseLabel}
          </ActionButton>
        )}
        {previewUrl && !uploading ? (
          <ActionButton variant='plain' onClick={onRemoved}>
            移除封面
          </ActionButton>
        ) : null}
      </View>
    </Field>
  );
}
