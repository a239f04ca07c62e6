import { useRef } from 'react';
import { ActionButton } from './ActionButton';

export interface H5FileInputProps {
  label: string;
  /** The native input's `accept`, e.g. `image/*`. */
  accept: string;
  /** What a screen reader hears for the hidden input. */
  inputLabel: string;
  disabled?: boolean;
  /** Lets several files be chosen at once; `onPicked` then hears each of them in turn. */
  multiple?: boolean;
  onPicked: (file: File) => void;
}

/**
 * H5 only (required behind a TARO_ENV constant branch): a hidden native file input opened from a
 * normal button, so it looks like the rest of the page.
 */
export function H5FileInput({ label, accept, inputLabel, disabled = false, multiple = false, onPicked }: H5FileInputProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type='file'
        accept={accept}
        multiple={multiple}
        aria-label={inputLabel}
        style={{ display: 'none' }}
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          // Clearing lets the same file be chosen again after it was edited.
          event.target.value = '';
          files.forEach((file) => onPicked(file));
        }}
      />
      <ActionButton variant='plain' disabled={disabled} onClick={() => input.current?.click()}>
        {label}
      </ActionButton>
    </>
  );
}
