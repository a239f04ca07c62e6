import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { readScannedCheckin, type ScannedCheckin } from '../../../core/checkin/link';
import { ActionButton } from '../../components/ActionButton';
import { FieldErrorLine } from '../../components/FormParts';

/** A code or a link typed or pasted by hand: where there is no camera (H5), or the scan will not read. */
export function ManualEntry({ onRead }: { onRead: (target: ScannedCheckin) => void }) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = () => {
    const target = readScannedCheckin(text);
    if (target) {
      setProblem(null);
      onRead(target);
    } else {
      setProblem(text.trim() === '' ? '请输入签到码' : '无法识别，请核对签到码或粘贴完整的签到链接');
    }
  };
  return (
    <View className='ht-card landing-manual'>
      <Text className='ht-card__title'>输入签到码</Text>
      <Text className='ht-card__text'>可粘贴组织者发来的签到码或签到链接。</Text>
      <Input
        className='ht-input landing-manual__input'
        name='checkinCode'
        value={text}
        placeholder='粘贴或输入签到码'
        onInput={(event) => setText(event.detail.value)}
        onConfirm={submit}
      />
      <FieldErrorLine message={problem} />
      <ActionButton onClick={submit}>签到</ActionButton>
    </View>
  );
}
