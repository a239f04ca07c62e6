import { useState, type ComponentType } from 'react';
import { chooseImagesInWeapp, imageExtension, pickedBrowserFile, type PickedFile } from '../services/mediaPick';
import { uploadToCloud } from '../services/storage';
import { ActionButton } from './ActionButton';
import type { H5FileInputProps } from './H5FileInput';
import { UploadProgressBar } from './UploadProgressBar';

/* The native file input exists only on H5; the constant branch keeps it out of the weapp bundle. */
const H5FileInput: ComponentType<H5FileInputProps> | null = process.env.TARO_ENV === 'h5' ? require('./H5FileInput').H5FileInput : null;

const MEGABYTE = 1024 * 1024;

interface SinglePhotoOptions {
  /** The cloud storage folder the photo goes to. */
  folder: string;
  maxBytes: number;
  /** Names the photo in messages: 封面, 照片. */
  noun: string;
  onUploadingChange: (uploading: boolean) => void;
  onStored: (fileId: string, previewUrl: string) => void;
}

/**
 * One photo picked and stored (an activity's cover, a self-report's photo): the size check, the
 * upload with its percent, and the problem to show when either fails.
 */
export function useSinglePhotoUpload({ folder, maxBytes, noun, onUploadingChange, onStored }: SinglePhotoOptions) {
  const [percent, setPercent] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const upload = async (picked: PickedFile) => {
    if (picked.size > maxBytes) {
      setProblem(`图片 ${(picked.size / MEGABYTE).toFixed(1)} MB，超过 ${maxBytes / MEGABYTE} MB，请换一张或裁剪后再选`);
      return;
    }
    setProblem(null);
    setPercent(0);
    onUploadingChange(true);
    try {
      const fileId = await uploadToCloud(folder, picked.extension, picked.source, setPercent);
      onStored(fileId, picked.previewUrl);
    } catch {
      setProblem(`${noun}上传失败，请检查网络后重新选择`);
    }
    setPercent(null);
    onUploadingChange(false);
  };

  return { percent, problem, uploading: percent !== null, upload };
}

interface PhotoChooserProps {
  label: string;
  /** What a screen reader hears for H5's hidden file input. */
  inputLabel: string;
  noun: string;
  percent: number | null;
  upload: (picked: PickedFile) => Promise<void>;
}

/** The upload's progress bar and the button that picks the photo: WeChat's album or camera, or the browser's file input. */
export function PhotoChooser({ label, inputLabel, noun, percent, upload }: PhotoChooserProps) {
  const uploading = percent !== null;
  return (
    <>
      {uploading ? <UploadProgressBar percent={percent} label={`${noun}上传进度`} text={`正在上传${noun} ${percent}%`} /> : null}
      {H5FileInput ? (
        <H5FileInput
          label={label}
          accept='image/*'
          inputLabel={inputLabel}
          disabled={uploading}
          onPicked={(file) => void upload(pickedBrowserFile(file, imageExtension(file.name)))}
        />
      ) : (
        <ActionButton
          variant='plain'
          disabled={uploading}
          onClick={() => void chooseImagesInWeapp(1).then(([picked]) => (picked ? upload(picked) : undefined))}
        >
          {label}
        </ActionButton>
      )}
    </>
  );
}
