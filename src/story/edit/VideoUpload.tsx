import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState, type ComponentType } from 'react';
import { formatDuration, MAX_VIDEO_BYTES, RECOMMENDED_VIDEO_SECONDS, videoProblem } from '../../../core/story/rules';
import { ActionButton } from '../../components/ActionButton';
import { Field, FieldErrorLine } from '../../components/FormParts';
import type { H5FileInputProps } from '../../components/H5FileInput';
import { UploadProgressBar } from '../../components/UploadProgressBar';
import type { PickedFile } from '../../services/mediaPick';
import { confirmRemoval } from './confirm';
import type { Uploads } from './useUploads';

/* The native file input and the browser's video reading exist only on H5; the constant branch keeps them out of the weapp bundle. */
const H5FileInput: ComponentType<H5FileInputProps> | null =
  process.env.TARO_ENV === 'h5' ? require('../../components/H5FileInput').H5FileInput : null;
const videoFromBrowserFile: ((file: File) => Promise<PickedVideo>) | null =
  process.env.TARO_ENV === 'h5' ? require('./h5Video').videoFromBrowserFile : null;

/** What the phone knows of a video: its duration (null when it cannot tell) and size. The server reads both again from the file. */
export interface VideoMeta {
  seconds: number | null;
  bytes: number;
}

export interface PickedVideo {
  picked: PickedFile;
  meta: VideoMeta;
}

/**
 * Weapp: one video from the album or the camera. `maxDuration` bounds only what the camera records
 * (3–60 s); a video from the album comes whatever its length, so the length is checked here.
 */
async function chooseVideoInWeapp(): Promise<PickedVideo | null> {
  let chosen: Taro.chooseMedia.SuccessCallbackResult;
  try {
    chosen = await Taro.chooseMedia({ count: 1, mediaType: ['video'], sourceType: ['album', 'camera'], maxDuration: 60 });
  } catch {
    return null;
  }
  const file = chosen.tempFiles[0];
  if (!file) return null;
  return {
    picked: { source: { path: file.tempFilePath }, size: file.size, extension: 'mp4', previewUrl: file.tempFilePath },
    meta: { seconds: file.duration, bytes: file.size },
  };
}

function describe(meta: VideoMeta): string {
  const size = `${(meta.bytes / 1024 / 1024).toFixed(1)} MB`;
  return meta.seconds === null ? `大小 ${size}` : `时长 ${formatDuration(meta.seconds)} · 大小 ${size}`;
}

interface VideoUploadProps {
  uploads: Uploads<VideoMeta>;
  required: boolean;
  error?: string;
}

/** One MP4: its length and size checked on the phone before a byte is sent, then uploaded with progress and 重试. */
export function VideoUpload({ uploads, required, error }: VideoUploadProps) {
  const [refusal, setRefusal] = useState<string | null>(null);
  const [item] = uploads.items;

  const accept = (video: PickedVideo | null) => {
    if (!video) return;
    const problem = videoProblem({ seconds: video.meta.seconds ?? 0, bytes: video.meta.bytes });
    setRefusal(problem ? `${problem}（${describe(video.meta)}）` : null);
    if (!problem) uploads.add(video.picked, video.meta);
  };

  const remove = async (key: string) => {
    if (await confirmRemoval('视频')) uploads.remove(key);
  };

  const maxMegabytes = MAX_VIDEO_BYTES / 1024 / 1024;
  return (
    <Field
      label={required ? '视频' : '视频（选填）'}
      error={refusal ?? error}
      hint={`MP4 格式，不超过 30 分钟（建议 ${RECOMMENDED_VIDEO_SECONDS / 60} 分钟以内）、${maxMegabytes} MB`}
    >
      {item ? (
        <View className='story-upload story-upload--video' role='group' aria-label='视频'>
          <View className='story-upload__main'>
            <Text className='story-upload__title'>{describe(item.meta)}</Text>
            {item.meta.seconds !== null && item.meta.seconds > RECOMMENDED_VIDEO_SECONDS ? (
              <Text className='story-upload__note'>超过 {RECOMMENDED_VIDEO_SECONDS / 60} 分钟，可以提交，建议精简</Text>
            ) : null}
            {item.state === 'uploading' ? (
              <UploadProgressBar percent={item.percent} label='视频上传进度' text={`正在上传视频 ${item.percent}%`} />
            ) : null}
            {item.state === 'failed' ? <FieldErrorLine message='视频上传失败，请检查网络后重试' /> : null}
            {item.state === 'stored' ? <Text className='story-upload__done'>已上传</Text> : null}
            <View className='story-upload__actions'>
              {item.state === 'failed' ? (
                <ActionButton size='small' variant='plain' onClick={() => uploads.retry(item.key)}>
                  重试
                </ActionButton>
              ) : null}
              <ActionButton size='small' variant='plain' onClick={() => void remove(item.key)}>
                移除视频
              </ActionButton>
            </View>
          </View>
        </View>
      ) : (
        <View className='story-upload__add'>
          {H5FileInput && videoFromBrowserFile ? (
            <H5FileInput
              label='选择视频'
              accept='video/mp4'
              inputLabel='选择 MP4 视频'
              onPicked={(file) => void videoFromBrowserFile(file).then(accept)}
            />
          ) : (
            <ActionButton variant='plain' onClick={() => void chooseVideoInWeapp().then(accept)}>
              选择视频
            </ActionButton>
          )}
        </View>
      )}
    </Field>
  );
}
