import { Image, View } from '@tarojs/components';
import { useState, type ComponentType } from 'react';
import { ActionButton } from '../../components/ActionButton';
import { Field } from '../../components/FormParts';
import type { H5FileInputProps } from '../../components/H5FileInput';
import { UploadProgressBar } from '../../components/UploadProgressBar';
import { chooseImagesInWeapp, imageExtension, pickedBrowserFile, type PickedFile } from '../../services/mediaPick';
import { uploadToCloud } from '../../services/storage';

/** A phone photo after WeChat's compression is well under this; anything larger is not meant as a cover. */
const MAX_COVER_BYTES = 5 * 1024 * 1024;
const COVER_FOLDER = 'activity-covers';

/* The native file input exists only on H5; the constant branch keeps it out of the weapp bundle. */
const H5FileInput: ComponentType<H5FileInputProps> | null =
  process.env.TARO_ENV === 'h5' ? require('../../components/H5FileInput').H5FileInput : null;

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

  const upload = async (picked: PickedFile) => {
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
    const [picked] = await chooseImagesInWeapp(1);
    if (picked) await upload(picked);
  };

  const chooseLabel = previewUrl ? '更换封面' : '选择封面图片';
  return (
    <Field label='封面（选填）' error={problem ?? error} hint='建议用横图，不超过 5 MB'>
      {previewUrl ? <Image className='activity-cover__preview' src={previewUrl} mode='aspectFill' ariaLabel='封面预览' /> : null}
      {uploading ? <UploadProgressBar percent={percent} label='封面上传进度' text={`正在上传封面 ${percent}%`} /> : null}
      <View className='activity-cover__actions'>
        {H5FileInput ? (
          <H5FileInput
            label={chooseLabel}
            accept='image/*'
            inputLabel='选择封面图片'
            disabled={uploading}
            onPicked={(file) => void upload(pickedBrowserFile(file, imageExtension(file.name)))}
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
