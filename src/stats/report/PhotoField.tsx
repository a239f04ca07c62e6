import { Image, View } from '@tarojs/components';
import { Field } from '../../components/FormParts';
import { PhotoChooser, useSinglePhotoUpload } from '../../components/SinglePhotoUpload';

/** A phone photo after WeChat's compression is well under this; the secretary needs to see a cover or a ticket, not a poster. */
const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
const PHOTO_FOLDER = 'self-reports';

export interface StoredPhoto {
  fileId: string;
  previewUrl: string;
}

interface PhotoFieldProps {
  photo: StoredPhoto | null;
  error?: string;
  onUploadingChange: (uploading: boolean) => void;
  onStored: (photo: StoredPhoto) => void;
}

/** The report's one photo (书的封面、电影票或观影现场): stored with its progress on screen, then previewed. */
export function PhotoField({ photo, error, onUploadingChange, onStored }: PhotoFieldProps) {
  const { percent, problem, upload } = useSinglePhotoUpload({
    folder: PHOTO_FOLDER,
    maxBytes: MAX_PHOTO_BYTES,
    noun: '照片',
    onUploadingChange,
    onStored: (fileId, previewUrl) => onStored({ fileId, previewUrl }),
  });
  return (
    <Field label='照片' error={problem ?? error} hint='书的封面、电影票或观影现场，书记据此确认'>
      {photo ? <Image className='stats-report__photo' src={photo.previewUrl} mode='aspectFill' ariaLabel='照片预览' /> : null}
      <View className='stats-report__photo-actions'>
        <PhotoChooser label={photo ? '换一张照片' : '拍照或选择照片'} inputLabel='选择照片' noun='照片' percent={percent} upload={upload} />
      </View>
    </Field>
  );
}
