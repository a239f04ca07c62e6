import type { AttendeeExport } from '../../../types/contracts/activity';
import { SpreadsheetExport } from '../../components/SpreadsheetExport';
import { callFunction } from '../../services/cloud';

function summaryText(exported: AttendeeExport): string {
  const counts = `已导出 ${exported.rows} 条报名、${exported.notSignedUp} 位未报名的党员`;
  return exported.truncated ? `${counts}。人数过多，表格只列出了前面的部分。` : `${counts}。`;
}

/** "导出 Excel": two sheets, the sign-ups (with check-ins and walk-ins) and the members not signed up. */
export function ExportAttendees({ activityId }: { activityId: string }) {
  return (
    <SpreadsheetExport
      label='导出 Excel'
      className='activity-export'
      build={() => callFunction('activity', 'exportAttendees', { id: activityId })}
      summary={summaryText}
    />
  );
}
