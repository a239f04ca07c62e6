/**
 * The shared plain-DOM stand-ins plus the form controls (Input, Textarea, Picker). Controls are found
 * by their Taro `name`; a selector Picker is a <select> whose options are the range indexes, a date or
 * time Picker is a text input.
 */
import type { ReactNode } from 'react';

export { Button, Image, Switch, Text, View } from './taroComponentsStandIn';

type ValueEvent<T> = { detail: { value: T } };

interface InputProps {
  className?: string;
  name?: string;
  value?: string;
  placeholder?: string;
  onInput?: (event: ValueEvent<string>) => void;
  onConfirm?: () => void;
}

export function Input({ className, name, value, placeholder, onInput, onConfirm }: InputProps) {
  return (
    <input
      className={className}
      name={name}
      value={value}
      placeholder={placeholder}
      onChange={(event) => onInput?.({ detail: { value: event.target.value } })}
      onKeyDown={(event) => {
        if (event.key === 'Enter') onConfirm?.();
      }}
    />
  );
}

export function Textarea({ className, name, value, placeholder, onInput }: Omit<InputProps, 'onConfirm'>) {
  return (
    <textarea
      className={className}
      name={name}
      value={value}
      placeholder={placeholder}
      onChange={(event) => onInput?.({ detail: { value: event.target.value } })}
    />
  );
}

interface PickerProps {
  mode?: 'selector' | 'date' | 'time';
  name?: string;
  value?: string | number;
  range?: string[];
  onChange?: (event: ValueEvent<string>) => void;
  children?: ReactNode;
}

export function Picker({ mode = 'selector', name, value, range = [], onChange, children }: PickerProps) {
  return (
    <div>
      {children}
      {mode === 'selector' ? (
        <select name={name} value={String(value ?? 0)} onChange={(event) => onChange?.({ detail: { value: event.target.value } })}>
          {range.map((label, index) => (
            <option key={label} value={index}>
              {label}
            </option>
          ))}
        </select>
      ) : (
        <input name={name} value={String(value ?? '')} onChange={(event) => onChange?.({ detail: { value: event.target.value } })} />
      )}
    </div>
  );
}
