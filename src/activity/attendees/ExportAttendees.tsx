import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { AttendeeExport } from '../../../types/contracts/activity';
import { ActionButton } from '../../components/ActionButton';
import { callFunction } from '../../services/cloud';
import { toast } from '../../utils/toast';
import { openSpreadsheet } from '../download';

function summaryText(exported: AttendeeExport): string {
  const counts = `已导出 ${exported.rows} 条报名、${exported.notSignedUp} 位未报名的党员`;
  return exported.truncated ? `${counts}。人数过多，表格只列出了前面的部分。` : `${counts}。`;
}

/** "导出 Excel": the server builds the workbook (two sheets: sign-ups, members not signed up) and answers a temporary link. */
export function ExportAttendees({ activityId }: { activityId: string }) {
  const [busy, setBusy] = useState(false);
  const [exported, setExported] = useState<AttendeeExport | null>(null);

  const exportSheet = async () => {
    setBusy(true);
    const result = await callFunction('activity', 'exportAttendees', { id: activityId });
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
    <View className='activity-export'>
      <ActionButton variant='plain' loading={busy} onClick={() => void exportSheet()}>
        {busy ? '正在生成表格…' : '导出 Excel'}
      </ActionButton>
      {exported ? (
        <View className='ht-form__note' role='status'>
          <Text>{summaryText(exported)}</Text>
        </View>
      ) : null}
    </View>
  );
}
