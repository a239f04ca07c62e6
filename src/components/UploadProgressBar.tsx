import { Text, View } from '@tarojs/components';

interface UploadProgressBarProps {
  percent: number;
  /** What a screen reader hears for the bar, e.g. 封面上传进度. */
  label: string;
  /** The line under the bar, e.g. 正在上传封面 40%. */
  text: string;
}

/** How much of a file has gone to cloud storage: a thin 党建红 bar and a line saying so. */
export function UploadProgressBar({ percent, label, text }: UploadProgressBarProps) {
  return (
    <View className='ht-upload-progress' role='progressbar' aria-label={label}>
      <View className='ht-upload-progress__track'>
        <View className='ht-upload-progress__bar' style={{ width: `${percent}%` }} />
      </View>
      <Text className='ht-upload-progress__text'>{text}</Text>
    </View>
  );
}
