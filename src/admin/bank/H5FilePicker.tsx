import { useRef } from 'react';
import { ActionButton } from '../../components/ActionButton';
import { pickedFromBrowserFile, type PickedFile } from '../xlsxFile';

interface H5FilePickerProps {
  label: string;
  disabled?: boolean;
  onPicked: (file: PickedFile) => void;
}

/**
 * H5 only (required behind a TARO_ENV constant branch): a hidden native file input opened from a
 * normal button, so it looks like the rest of the page.
 */
export function H5FilePicker({ label, disabled = false, onPicked }: H5FilePickerProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type='file'
        accept='.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
        aria-label='选择要导入的表格文件'
        style={{ display: 'none' }}
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Clearing lets the same file be chosen again after it was edited.
          event.target.value = '';
          if (file) onPicked(pickedFromBrowserFile(file));
        }}
      />
      <ActionButton variant='plain' disabled={disabled} onClick={() => input.current?.click()}>
        {label}
      </ActionButton>
    </>
  );
}
