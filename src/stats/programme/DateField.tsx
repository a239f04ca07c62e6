import { Picker, Text, View } from '@tarojs/components';
import { Field } from '../../components/FormParts';

interface DateFieldProps {
  label: string;
  name: string;
  /** YYYY-MM-DD, or '' for none. */
  value: string;
  error?: string;
  hint?: string;
  onChange: (date: string) => void;
  /** An optional date can be taken away again. */
  onClear?: () => void;
}

/** A Shanghai calendar day picked with the system date picker. */
export function DateField({ label, name, value, error, hint, onChange, onClear }: DateFieldProps) {
  return (
    <Field label={label} error={error} hint={hint}>
      <View className='stats-date'>
        <Picker mode='date' name={name} value={value} onChange={(event) => onChange(event.detail.value)}>
          <View className='ht-input'>{value || '选择日期'}</View>
        </Picker>
        {onClear && value ? (
          <Text className='stats-link' onClick={onClear}>
            清除
          </Text>
        ) : null}
      </View>
    </Field>
  );
}
