import { Image, Text, View } from '@tarojs/components';
import { useRef, useState, type ComponentType } from 'react';
import { MAX_IMAGE_BYTES } from '../../../core/story/rules';
import { ActionButton } from '../../components/ActionButton';
import { Field, FieldErrorLine } from '../../components/FormParts';
import type { H5FileInputProps } from '../../components/H5FileInput';
import { UploadProgressBar } from '../../components/UploadProgressBar';
import { chooseImagesInWeapp, imageExtension, pickedBrowserFile, type PickedFile } from '../../services/mediaPick';
import { confirmRemoval } from './confirm';
import type { UploadItem, Uploads } from './useUploads';

/* The native file input exists only on H5; the constant branch keeps it out of the weapp bundle. */
const H5FileInput: ComponentType<H5FileInputProps> | null =
  process.env.TARO_ENV === 'h5' ? require('../../components/H5FileInput').H5FileInput : null;

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function ImageRow({
  item,
  position,
  onRetry,
  onRemove,
}: {
  item: UploadItem<null>;
  position: number;
  onRetry: () => void;
  onRemove: () => void;
}) {
  const name = `第 ${position} 张图片`;
  return (
    <View className='story-upload' role='group' aria-label={name}>
      <Image className='story-upload__thumb' src={item.previewUrl} mode='aspectFill' ariaLabel={name} />
      <View className='story-upload__main'>
        {item.state === 'uploading' ? (
          <UploadProgressBar percent={item.percent} label={`${name}上传进度`} text={`正在上传 ${item.percent}%`} />
        ) : null}
        {item.state === 'failed' ? <FieldErrorLine message='上传失败，请检查网络后重试' /> : null}
        {item.state === 'stored' ? <Text className='story-upload__done'>已上传</Text> : null}
        <View className='story-upload__actions'>
          {item.state === 'failed' ? (
            <ActionButton size='small' variant='plain' onClick={onRetry}>
              重试
            </ActionButton>
          ) : null}
          <ActionButton size='small' variant='plain' onClick={onRemove}>
            移除
          </ActionButton>
        </View>
      </View>
    </View>
  );
}

interface ImageUploadsProps {
  uploads: Uploads<null>;
  min: number;
  max: number;
  /** A problem the submit check or the server found with the images. */
  error?: string;
}

/** The work's photos: each one uploads with its own progress, a failed one is retried alone, any is removed after asking. */
export function ImageUploads({ uploads, min, max, error }: ImageUploadsProps) {
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const room = max - uploads.items.length;
  // H5 hands over several picked files one call each, before the page re-renders with the first ones added.
  const roomLeft = useRef(room);
  roomLeft.current = room;

  const accept = (pickedFiles: PickedFile[]) => {
    const refused = pickedFiles.filter((picked) => picked.size > MAX_IMAGE_BYTES);
    const accepted = pickedFiles.filter((picked) => picked.size <= MAX_IMAGE_BYTES).slice(0, Math.max(roomLeft.current, 0));
    roomLeft.current -= accepted.length;
    setTooLarge(
      refused.length > 0
        ? `${refused.map((picked) => megabytes(picked.size)).join('、')} 的图片超过 ${MAX_IMAGE_BYTES / 1024 / 1024} MB，没有上传，请换一张`
        : null,
    );
    accepted.forEach((picked) => uploads.add(picked, null));
  };

  const remove = async (key: string) => {
    if (await confirmRemoval('这张图片')) uploads.remove(key);
  };

  const label = min > 0 ? '作品图片' : '图片（选填）';
  const hint = min > 0 ? `至少 ${min} 张，最多 ${max} 张，每张不超过 10 MB` : `最多 ${max} 张，每张不超过 10 MB`;
  const chooseLabel = `添加图片（${uploads.items.length}/${max}）`;
  return (
    <Field label={label} error={tooLarge ?? error} hint={hint}>
      {uploads.items.map((item, index) => (
        <ImageRow
          key={item.key}
          item={item}
          position={index + 1}
          onRetry={() => uploads.retry(item.key)}
          onRemove={() => void remove(item.key)}
        />
      ))}
      {room > 0 ? (
        <View className='story-upload__add'>
          {H5FileInput ? (
            <H5FileInput
              label={chooseLabel}
              accept='image/*'
              multiple
              inputLabel='选择图片'
              onPicked={(file) => accept([pickedBrowserFile(file, imageExtension(file.name))])}
            />
          ) : (
            <ActionButton variant='plain' onClick={() => void chooseImagesInWeapp(room).then(accept)}>
              {chooseLabel}
            </ActionButton>
          )}
        </View>
      ) : null}
    </Field>
  );
}
