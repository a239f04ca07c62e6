import { Image, View } from '@tarojs/components';
import { ActionButton } from '../../components/ActionButton';
import { Field } from '../../components/FormParts';
import { PhotoChooser, useSinglePhotoUpload } from '../../components/SinglePhotoUpload';

/** A phone photo after WeChat's compression is well under this; anything larger is not meant as a cover. */
const MAX_COVER_BYTES = 5 * 1024 * 1024;
const COVER_FOLDER = 'activity-covers';

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
  const { percent, problem, uploading, upload } = useSinglePhotoUpload({
    folder: COVER_FOLDER,
    maxBytes: MAX_COVER_BYTES,
    noun: '封面',
    onUploadingChange,
    onStored: onUploaded,
  });
  const chooseLabel = previewUrl ? '更换封面' : '选择封面图片';
  return (
    <Field label='封面（选填）' error={problem ?? error} hint='建议用横图，不超过 5 MB'>
      {previewUrl ? <Image className='activity-cover__preview' src={previewUrl} mode='aspectFill' ariaLabel='封面预览' /> : null}
      <View className='activity-cover__actions'>
        <PhotoChooser label={chooseLabel} inputLabel='选择封面图片' noun='封面' percent={percent} upload={upload} />
        {previewUrl && !uploading ? (
          <ActionButton variant='plain' onClick={onRemoved}>
            移除封面
          </ActionButton>
        ) : null}
      </View>
    </Field>
  );
}
