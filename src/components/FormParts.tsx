import { Input, Picker, Switch, Text, Textarea, View, type InputProps } from '@tarojs/components';
import { useState, type ReactNode } from 'react';

/*
 * The pieces every organiser form is built from (new contest, new activity): labelled fields with
 * their own error line, titled sections, Beijing-time date and time pickers, switches and chips.
 */

interface FieldProps {
  label: string;
  error?: string;
  hint?: string;
  children: ReactNode;
}

export function Field({ label, error, hint, children }: FieldProps) {
  return (
    <View className={`ht-field${error ? ' ht-field--error' : ''}`}>
      <Text className='ht-field__label'>{label}</Text>
      <View>{children}</View>
      {hint && !error ? <Text className='ht-field__hint'>{hint}</Text> : null}
      <FieldErrorLine message={error} />
    </View>
  );
}

/** The red line under a field saying what is wrong with it; nothing when nothing is. */
export function FieldErrorLine({ message }: { message: string | null | undefined }) {
  return message ? (
    <View className='ht-field__error' role='alert'>
      <Text>{message}</Text>
    </View>
  ) : null;
}

export function FormSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View className='ht-section'>
      <View className='ht-section__header'>
        <Text className='ht-section__title'>{title}</Text>
      </View>
      <View className='ht-form-section__body'>{children}</View>
    </View>
  );
}

interface DateTimeFieldProps {
  label: string;
  /** The pickers are named `${name}Date` and `${name}Time`. */
  name: string;
  date: string;
  time: string;
  error?: string;
  onDate: (value: string) => void;
  onTime: (value: string) => void;
}

export function DateTimeField({ label, name, date, time, error, onDate, onTime }: DateTimeFieldProps) {
  return (
    <Field label={label} error={error} hint='北京时间'>
      <View className='ht-datetime'>
        <Picker mode='date' name={`${name}Date`} value={date} onChange={(event) => onDate(event.detail.value)}>
          <View className='ht-input'>{date || '选择日期'}</View>
        </Picker>
        <Picker mode='time' name={`${name}Time`} value={time} onChange={(event) => onTime(event.detail.value)}>
          <View className='ht-input'>{time || '选择时间'}</View>
        </Picker>
      </View>
    </Field>
  );
}

interface SwitchRowProps {
  title: string;
  description: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

export function SwitchRow({ title, description, checked, onChange }: SwitchRowProps) {
  return (
    <View className='ht-switch'>
      <View className='ht-switch__main'>
        <Text className='ht-switch__title'>{title}</Text>
        <Text className='ht-switch__description'>{description}</Text>
      </View>
      <Switch checked={checked} color='#C8161D' aria-label={title} onChange={(event) => onChange(event.detail.value)} />
    </View>
  );
}

interface ChipsProps<V extends string> {
  options: ReadonlyArray<{ value: V; label: string }>;
  isSelected: (value: V) => boolean;
  onToggle: (value: V) => void;
  /** `radio` for one choice, `checkbox` for several. */
  role: 'radio' | 'checkbox';
  label?: string;
}

/** Large pill-shaped choices, easier to hit than a picker when there are only a few. */
export function Chips<V extends string>({ options, isSelected, onToggle, role, label }: ChipsProps<V>) {
  return (
    <View className='ht-chips' role={role === 'radio' ? 'radiogroup' : 'group'} aria-label={label}>
      {options.map((option) => (
        <View
          key={option.value}
          role={role}
          aria-checked={isSelected(option.value)}
          className={`ht-chip${isSelected(option.value) ? ' ht-chip--active' : ''}`}
          onClick={() => onToggle(option.value)}
        >
          <Text>{option.label}</Text>
        </View>
      ))}
    </View>
  );
}

/** A problem that belongs to no one field, above the submit button. */
export function FormError({ message }: { message: string | undefined }) {
  return message ? (
    <View className='ht-form-error' role='alert'>
      <Text>{message}</Text>
    </View>
  ) : null;
}

interface TextFieldProps {
  label: string;
  name: string;
  value: string;
  error?: string | null;
  hint?: string;
  maxlength?: number;
  placeholder?: string;
  onChange: (value: string) => void;
}

/** A labelled one-line input with its hint and error line. */
export function InputField({ type, ...props }: TextFieldProps & { type?: InputProps['type'] }) {
  const { label, name, value, error, hint, maxlength, placeholder, onChange } = props;
  return (
    <Field label={label} error={error ?? undefined} hint={hint}>
      <Input
        className='ht-input'
        name={name}
        type={type}
        value={value}
        maxlength={maxlength}
        placeholder={placeholder}
        onInput={(event) => onChange(event.detail.value)}
      />
    </Field>
  );
}

/** A labelled multi-line input with its hint and error line. */
export function TextareaField({ label, name, value, error, hint, maxlength, placeholder, onChange }: TextFieldProps) {
  return (
    <Field label={label} error={error ?? undefined} hint={hint}>
      <Textarea
        className='ht-textarea'
        name={name}
        value={value}
        maxlength={maxlength}
        placeholder={placeholder}
        onInput={(event) => onChange(event.detail.value)}
      />
    </Field>
  );
}

/**
 * The reason an organiser or member gives for a change (cancel, leave, add over capacity, 补录):
 * ≤ 200 字. Typing clears the field's error: the caller's onChange sets the value and drops the error.
 */
export function ReasonField(props: Omit<TextFieldProps, 'maxlength' | 'hint'> & { placeholder: string }) {
  return <TextareaField {...props} maxlength={200} />;
}

/** The fewest characters a reason may have (the functions' reason schemas agree). */
export const MIN_REASON_LENGTH = 2;

/**
 * A ReasonField's state: its props (typing clears the error), `checked()` — the trimmed reason, or
 * null after showing `missing` when it is too short — and `setError` for the server's refusal.
 */
export function useReasonField(missing: string) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const checked = (): string | null => {
    const trimmed = value.trim();
    if (trimmed.length >= MIN_REASON_LENGTH) return trimmed;
    setError(missing);
    return null;
  };
  const onChange = (next: string) => {
    setValue(next);
    setError(null);
  };
  return { field: { value, error, onChange }, checked, setError };
}
