import { H5FileInput } from '../../components/H5FileInput';
import { pickedFromBrowserFile, type PickedFile } from '../xlsxFile';

interface H5FilePickerProps {
  label: string;
  disabled?: boolean;
  onPicked: (file: PickedFile) => void;
}

/** H5 only (required behind a TARO_ENV constant branch): the spreadsheet flavour of the native file input. */
export function H5FilePicker({ label, disabled = false, onPicked }: H5FilePickerProps) {
  return (
    <H5FileInput
      label={label}
      accept='.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
      inputLabel='选择要导入的表格文件'
      disabled={disabled}
      onPicked={(file) => onPicked(pickedFromBrowserFile(file))}
    />
  );
}
