import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { Result } from '../../types/result';
import { openSpreadsheet } from '../utils/download';
import { toast } from '../utils/toast';
import { ActionButton } from './ActionButton';

interface SpreadsheetExportProps<T extends { url: string }> {
  label: string;
  className: string;
  /** Asks the function to build the .xlsx; it answers a temporary link and what went into the sheet. */
  build: () => Promise<Result<T>>;
  /** What the sheet holds, in words, shown under the button once it is built. */
  summary: (exported: T) => string;
}

/**
 * An "导出 Excel" button: the server builds the workbook, the phone opens it (weapp's viewer, or a
 * download on H5) and the page says what was exported. A failed call has shown its toast already.
 */
export function SpreadsheetExport<T extends { url: string }>({ label, className, build, summary }: SpreadsheetExportProps<T>) {
  const [busy, setBusy] = useState(false);
  const [exported, setExported] = useState<T | null>(null);

  const exportSheet = async () => {
    setBusy(true);
    const result = await build();
    if (!result.ok) {
      setBusy(false);
      return;
    }
    setExported(result.data);
    try {
      await openSpreadsheet(result.data.url);
    } catch {
      toast('表格已生成，但打开失败，请重试');
    }
    setBusy(false);
  };

  return (
    <View className={className}>
      <ActionButton variant='plain' loading={busy} onClick={() => void exportSheet()}>
        {busy ? '正在生成表格…' : label}
      </ActionButton>
      {exported ? (
        <View className='ht-form__note' role='status'>
          <Text>{summary(exported)}</Text>
        </View>
      ) : null}
    </View>
  );
}
