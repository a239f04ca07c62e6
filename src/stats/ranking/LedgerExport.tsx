import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/ActionButton';
import { UploadProgressBar } from '../../components/UploadProgressBar';
import { callFunction } from '../../services/cloud';
import { openSpreadsheet } from '../../utils/download';
import { toast } from '../../utils/toast';
import { percent, rateOf } from '../format';

/** How often the page asks how far the workbook has got while the export call is still building it. */
export const EXPORT_POLL_MS = 1000;

/** A fresh id the export and its status polls share (8–40 of A–Z, a–z, 0–9, _ and -). */
function newJobId(): string {
  return `ledger-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

type ExportState =
  { phase: 'idle' } | { phase: 'building'; done: number; total: number } | { phase: 'built'; fileName: string; branches: number };

/**
 * 导出台账: exportLedger builds the workbook (an org summary sheet, a sheet per branch, a monthly sheet)
 * and answers when it is stored; meanwhile exportStatus with the same job id says how many branches are
 * done, shown as a bar. Then the phone opens the file (weapp's viewer, or a download on H5).
 */
export function LedgerExport({ programmeId }: { programmeId: string }) {
  const [state, setState] = useState<ExportState>({ phase: 'idle' });

  const run = async () => {
    const jobId = newJobId();
    setState({ phase: 'building', done: 0, total: 0 });
    let finished = false;
    const exporting = callFunction('stats', 'exportLedger', { programmeId, jobId }).finally(() => {
      finished = true;
    });
    while (!finished) {
      await Promise.race([delay(EXPORT_POLL_MS), exporting]);
      if (finished) break;
      const status = await callFunction('stats', 'exportStatus', { jobId }, { silentError: true });
      if (!finished && status.ok && status.data.state === 'building') {
        setState({ phase: 'building', done: status.data.done, total: status.data.total });
      }
    }
    const result = await exporting;
    if (!result.ok) {
      setState({ phase: 'idle' });
      return;
    }
    setState({ phase: 'built', fileName: result.data.fileName, branches: result.data.branches });
    try {
      await openSpreadsheet(result.data.url);
    } catch {
      toast('台账已生成，但打开失败，请重试');
    }
  };

  const building = state.phase === 'building';
  return (
    <View className='stats-export'>
      <ActionButton variant='plain' loading={building} onClick={() => void run()}>
        {building ? '正在生成台账…' : '导出台账（Excel）'}
      </ActionButton>
      {state.phase === 'building' ? (
        <UploadProgressBar
          percent={Math.round(rateOf(state.done, state.total) * 100)}
          label='台账生成进度'
          text={state.total > 0 ? `已汇总 ${state.done}/${state.total} 个支部 · ${percent(rateOf(state.done, state.total))}` : '正在准备…'}
        />
      ) : null}
      {state.phase === 'built' ? (
        <View className='ht-form__note' role='status'>
          <Text>
            已导出 {state.branches} 个支部：{state.fileName}
          </Text>
        </View>
      ) : null}
    </View>
  );
}
