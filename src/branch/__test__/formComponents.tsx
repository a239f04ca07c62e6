/**
 * The shared plain-DOM stand-ins plus the form controls the join and branch pages use. Controls are
 * found by their Taro `name`; a selector Picker is a <select> whose options are the range indexes.
 */
import type { ReactNode } from 'react';

export { Switch, Text, View } from '../../components/__test__/taroComponentsStandIn';

type ValueEvent<T> = { detail: { value: T } };

interface ButtonProps {
  className?: string;
  children?: ReactNode;
  onClick?: () => void;
  disabled?: boolean;
  loading?: boolean;
  openType?: string;
}

/** Like the shared stand-in, but keeps `openType` visible so a test can find the share button. */
export function Button({ className, children, onClick, disabled, loading, openType }: ButtonProps) {
  return (
    <button type='button' className={className} onClick={onClick} disabled={disabled} aria-busy={loading} data-open-type={openType}>
      {children}
    </button>
  );
}

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

interface PickerProps {
  name?: string;
  value?: number;
  range?: string[];
  onChange?: (event: ValueEvent<string>) => void;
  children?: ReactNode;
}

export function Picker({ name, value, range = [], onChange, children }: PickerProps) {
  return (
    <div>
      {children}
      <select name={name} value={String(value ?? 0)} onChange={(event) => onChange?.({ detail: { value: event.target.value } })}>
        {range.map((label, index) => (
          <option key={label} value={index}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}
